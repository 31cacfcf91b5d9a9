import type {
  CsvDialect,
  Dataset,
  DatasetConfig,
  Indicator,
  InputFile,
  Period,
  Problem,
  Result,
} from "../model.js";
import { checkCoverage } from "./checkCoverage.js";
import { compare } from "./compare.js";
import { decodeText } from "./decodeText.js";
import type { Known } from "./known.js";
import { parseCommitments } from "./parseCommitments.js";
import { parseContacts } from "./parseContacts.js";
import { dialectOf, parseDatasetConfig, DEFAULT_THRESHOLDS } from "./parseDatasetConfig.js";
import { parseGoodPractice } from "./parseGoodPractice.js";
import { parseIndicators } from "./parseIndicators.js";
import { parseJson } from "./parseJson.js";
import { parseRecipients } from "./parseRecipients.js";
import { parseRows } from "./parseCsv.js";
import { resultsSchema } from "./parseResults.js";
import { parseSchools } from "./parseSchools.js";
import { parseSupport } from "./parseSupport.js";
import { DEFAULT_TIME_ZONE, formatLocalTime } from "../locale/formatLocalTime.js";
import { parseTargets } from "./parseTargets.js";
import { parseTopology } from "./parseTopology.js";
import { parseUnits, type Units } from "./parseUnits.js";
import { at, problems, sortProblems } from "./problems.js";
import { sha256Hex } from "../formats/sha256Hex.js";

export interface DatasetReadResult {
  /** null when the dataset has any error: nothing is rendered or sent from an invalid dataset. */
  dataset: Dataset | null;
  /** Every problem found, errors and warnings, sorted by file, line, column. */
  problems: Problem[];
  /**
   * Every month with results, sorted, for a valid dataset: also those whose rows were not kept
   * (`ResultsOptions.keep`), which `dataset.results` then lacks.
   */
  months?: Period[];
}

/** The bytes of a dataset folder, as read by `readDataset`. */
export interface DatasetFiles {
  /** Relative path → bytes, for the files that exist (`good-practices/*.md` included). */
  files: Map<string, Uint8Array>;
  /** The TopoJSON named by dataset.json: found (path as recorded in inputs), or the paths tried. */
  geo: { path: string; bytes: Uint8Array } | { missing: string; tried: string[] } | null;
  /** The clock, for dates that must not be in the future (support.csv); no such check without it. */
  now?: Date;
}

export const REQUIRED_FILES = [
  "dataset.json",
  "indicators.json",
  "units.csv",
  "results.csv",
  "targets.csv",
  "recipients.csv",
];

const sha256 = (bytes: Uint8Array) => sha256Hex(bytes);

/** What a reader of the dataset keeps of results.csv (every row is checked either way). */
export interface ResultsOptions {
  /** The months whose rows are kept: a command about one month needs none after it. All when absent. */
  keep?: (period: Period) => boolean;
}

/** results.csv, checked: the rows kept, the problems, and the districts with results by month. */
export interface ResultsRead {
  results: Result[] | null;
  problems: Problem[];
  /** Every month with a valid row → its districts (kept rows or not). */
  reported: Map<Period, Set<string>>;
  /** When the file was read as a stream (not in `files`): its hash, for the manifest's inputs. */
  sha256?: string;
}

/** Parses and checks a dataset folder's bytes: pure, so every check is testable in memory. */
export function parseDataset(input: DatasetFiles, options: ResultsOptions = {}): DatasetReadResult {
  const dataset = beginDataset(input);
  return dataset.finish(dataset.parseResults(options));
}

/**
 * The dataset read in two steps, so that results.csv (the large file) can be read as a stream in
 * between: first dataset.json, indicators.json and units.csv (what the results are checked
 * against), then the results (`resultsSchema`, from bytes or a stream), then the rest.
 * `streamed` names results.csv when it is read as a stream rather than given in `files`.
 */
export function beginDataset({ files, geo, now }: DatasetFiles, streamed = false) {
  const found: Problem[] = [];
  // Never push(...list): a list of a hundred thousand problems would overflow the call stack.
  const add = (list: readonly Problem[]) => {
    for (const problem of list) found.push(problem);
  };
  for (const file of REQUIRED_FILES)
    if (!files.has(file) && !(streamed && file === "results.csv"))
      found.push(at({ file }, problems.missingFile(file)));
  const text = (file: string, encoding: "utf8" | "latin1" = "utf8"): string | null => {
    const bytes = files.get(file);
    if (!bytes) return null;
    const decoded = decodeText(bytes, file, encoding);
    add(decoded.problems);
    return decoded.text;
  };

  // dataset.json first: it declares the CSV dialect and the geography.
  const configText = text("dataset.json");
  const configResult = configText === null ? null : parseDatasetConfig(configText);
  if (configResult) add(configResult.problems);
  const config = configResult?.config ?? null;
  const dialect = config?.csv ?? dialectOf(configResult?.raw);
  const thresholds = config?.thresholds ?? DEFAULT_THRESHOLDS;
  const csvText = (file: string) => text(file, dialect.encoding);

  const indicatorsText = text("indicators.json");
  const indicatorsResult = indicatorsText === null ? null : parseIndicators(indicatorsText);
  if (indicatorsResult) add(indicatorsResult.problems);
  const indicators = indicatorsResult?.indicators ?? null;

  const unitsText = csvText("units.csv");
  const unitsResult = unitsText === null ? null : parseUnits(unitsText, dialect.delimiter);
  if (unitsResult) add(unitsResult.problems);
  const units = unitsResult?.units ?? null;

  const known: Known = {
    districts: units ? new Map(units.districts.map((district) => [district.code, district])) : null,
    regions: units ? new Map(units.regions.map((region) => [region.code, region])) : null,
    indicators: indicators ? new Map(indicators.map((indicator) => [indicator.id, indicator])) : null,
  };
  /** results.csv's schema: the rows kept by `options`. */
  const schema = (options: ResultsOptions) =>
    resultsSchema({ dialect, known, minSchools: thresholds.minSchools, keep: options.keep });

  return {
    dialect,
    schema,
    /** results.csv from its bytes in `files` (null when it is not there). */
    parseResults(options: ResultsOptions): ResultsRead | null {
      const resultsText = csvText("results.csv");
      if (resultsText === null) return null;
      const results = schema(options);
      const { rows, problems: resultProblems } = parseRows(resultsText, dialect, results);
      return { results: rows, problems: resultProblems, reported: results.reported };
    },
    /** The rest of the dataset, once results.csv is read (null: it is missing). */
    finish(resultsResult: ResultsRead | null): DatasetReadResult {
      return finishDataset({
        files,
        geo,
        now,
        found,
        add,
        text,
        csvText,
        configText,
        config,
        dialect,
        indicators,
        units,
        known,
        resultsResult,
      });
    },
  };
}

function finishDataset(input: {
  files: Map<string, Uint8Array>;
  geo: DatasetFiles["geo"];
  now: Date | undefined;
  found: Problem[];
  add: (list: readonly Problem[]) => void;
  text: (file: string) => string | null;
  csvText: (file: string) => string | null;
  configText: string | null;
  config: DatasetConfig | null;
  dialect: CsvDialect;
  indicators: Indicator[] | null;
  units: Units | null;
  known: Known;
  resultsResult: ResultsRead | null;
}): DatasetReadResult {
  const { files, geo, now, found, add, text, csvText, configText, config, dialect } = input;
  const { indicators, units, known, resultsResult } = input;
  const targetsText = csvText("targets.csv");
  const targetsResult = targetsText === null ? null : parseTargets(targetsText, dialect, known);
  const recipientsText = csvText("recipients.csv");
  const recipientsResult =
    recipientsText === null
      ? null
      : parseRecipients(recipientsText, dialect, known, "recipients.csv", config?.sms);
  const schoolsText = csvText("schools.csv");
  const schoolsResult =
    schoolsText === null ? null : parseSchools(schoolsText, dialect, known, "schools.csv", config?.sms);
  const contactsText = csvText("contacts.csv");
  const contactsResult = contactsText === null ? null : parseContacts(contactsText, dialect, known);
  const commitmentsText = csvText("commitments.csv");
  const commitmentsResult =
    commitmentsText === null ? null : parseCommitments(commitmentsText, dialect, known);
  const supportText = csvText("support.csv");
  const today = now
    ? formatLocalTime(now.toISOString(), config?.timeZone ?? DEFAULT_TIME_ZONE).slice(0, 10)
    : undefined;
  const supportResult =
    supportText === null ? null : parseSupport(supportText, dialect, known, "support.csv", today);
  for (const result of [
    resultsResult,
    targetsResult,
    recipientsResult,
    schoolsResult,
    contactsResult,
    commitmentsResult,
    supportResult,
  ])
    if (result) add(result.problems);

  const goodPractices = [];
  for (const file of [...files.keys()].filter((name) => name.startsWith("good-practices/")).sort(compare)) {
    const story = text(file);
    if (story === null) continue;
    const parsed = parseGoodPractice(story, file, known);
    add(parsed.problems);
    if (parsed.practice) goodPractices.push(parsed.practice);
  }

  let topology: Dataset["topology"] | null = null;
  let geoIds = null;
  if (config && geo && "missing" in geo) {
    found.push(
      at(
        { file: "dataset.json", ...locateGeo(configText ?? "", "file") },
        problems.missingGeoFile(geo.missing, geo.tried),
      ),
    );
  } else if (config && geo && "bytes" in geo) {
    const decoded = decodeText(geo.bytes, geo.path);
    const parsed = parseTopology(decoded.text, geo.path, config.geo, (key) => ({
      file: "dataset.json",
      ...locateGeo(configText ?? "", key),
    }));
    add(decoded.problems);
    add(parsed.problems);
    topology = parsed.topology;
    geoIds = parsed.ids;
  }

  // A scaffolded or truncated dataset parses cleanly but has nothing to report on.
  if (indicators && indicators.length === 0)
    found.push(
      at(
        { file: "indicators.json", line: 1, column: 1 },
        problems.emptyFile("indicators.json", "indicators"),
      ),
    );
  if (units && units.districts.length === 0)
    found.push(at({ file: "units.csv", line: 2, column: 1 }, problems.emptyFile("units.csv", "districts")));
  if (resultsResult?.reported.size === 0 && resultsResult.problems.length === 0)
    found.push(at({ file: "results.csv", line: 2, column: 1 }, problems.emptyFile("results.csv", "results")));

  if (units) {
    add(
      checkCoverage({
        regions: units.regions,
        districts: units.districts,
        unitPlaces: units.places,
        reported: resultsResult?.reported ?? null,
        recipients: recipientsResult?.recipients ?? null,
        geo:
          config && geoIds
            ? { ids: geoIds, regions: config.geo.regions, districts: config.geo.districts }
            : null,
      }),
    );
  }

  const sorted = sortProblems(found);
  const results = resultsResult?.results;
  const targets = targetsResult?.targets;
  const recipients = recipientsResult?.recipients;
  if (
    sorted.some((problem) => problem.severity === "error") ||
    !config ||
    !indicators ||
    !units ||
    !results ||
    !targets ||
    !recipients ||
    !topology
  ) {
    return { dataset: null, problems: sorted };
  }
  const months = [...resultsResult.reported.keys()].sort(compare);
  const inputs: InputFile[] = [...files.entries()].map(([path, bytes]) => ({ path, sha256: sha256(bytes) }));
  if (geo && "bytes" in geo && !files.has(geo.path))
    inputs.push({ path: geo.path, sha256: sha256(geo.bytes) });
  if (resultsResult?.sha256) inputs.push({ path: "results.csv", sha256: resultsResult.sha256 });
  inputs.sort((a, b) => compare(a.path, b.path));
  return {
    dataset: {
      config,
      indicators,
      regions: units.regions,
      districts: units.districts,
      results,
      targets,
      recipients,
      goodPractices,
      schools: schoolsResult?.schools ?? [],
      contacts: contactsResult?.contacts ?? [],
      commitments: commitmentsResult?.commitments ?? [],
      support: supportResult?.support ?? [],
      topology,
      inputs,
    },
    months,
    problems: sorted,
  };
}

/** Where dataset.json names geo.file / geo.regions / geo.districts. */
function locateGeo(configText: string, key: string) {
  try {
    return parseJson(configText).locate(["geo", key]);
  } catch {
    return { line: 1, column: 1 };
  }
}
