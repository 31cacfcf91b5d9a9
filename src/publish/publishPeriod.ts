import { join } from "node:path";
import { readManifest, writeManifest } from "../archive/manifest.js";
import { lockPeriod } from "./lockPeriod.js";
import { buildViews } from "../compute/buildViews.js";
import { applySettings } from "../config/settings.js";
import { assertPeriodInDataset } from "../dataset/assertPeriodInDataset.js";
import type { ResultsOptions } from "../dataset/parseDataset.js";
import { ExitCode } from "../errors.js";
import type { PublicFileEntry, PublicListing } from "../formats/publicFiles.js";
import type { Dataset, Locale, Messages, Period, Problem, ReportView, Thresholds } from "../model.js";
import { buildPageContext } from "../render/context/buildPageContext.js";
import { GeoCache } from "../render/maps/GeoCache.js";
import { buildOpenData } from "./buildOpenData.js";
import { fromViews } from "./fromViews.js";
import { defaultPublishEffects } from "./defaultPublishEffects.js";
import { publishWriteError } from "./publishWriteError.js";
import type { SiteTemplates } from "./loadSiteTemplates.js";
import { renderSite, type Download } from "./renderSite.js";
import type { PublicFile, SiteUnit, ValueRow } from "./types.js";
import { sha256Hex } from "../formats/sha256Hex.js";

export interface PublishOptions {
  dataDir: string;
  period: string;
  /** Output folder holding the period folders (default `out`). */
  outDir?: string;
  /** Thresholds from the settings (semaforo.config.json) that replace dataset.json's, as in the build. */
  thresholds?: Partial<Thresholds>;
}

/** IO passed in, with real defaults, so the whole publish runs in a test with fakes. */
export interface PublishEffects {
  /** `options.keep`: the months whose results rows are kept (publish needs none after its period). */
  readDataset: (
    dir: string,
    options?: ResultsOptions,
  ) => Promise<{ dataset: Dataset | null; problems: Problem[]; months?: Period[] }>;
  readMessages: (locale: Locale) => Promise<Messages>;
  now: () => Date;
  templates: () => SiteTemplates;
  write: (target: string, files: PublicFile[]) => Promise<void>;
}

/** One file of `public/`, as `files.json` lists it (its schema: formats/publicFiles.ts). */
export type { PublicFileEntry } from "../formats/publicFiles.js";

export interface PublishSummary {
  ok: boolean;
  periodDir: string;
  publicDir: string;
  /** Months of open data, oldest first. */
  periods: string[];
  languages: Locale[];
  pages: number;
  files: number;
  /** The whole public folder, without the PDFs (which stay in the archive). */
  bytes: number;
  /** Pages that link their unit's archived PDF (0 when the period was not built). */
  pdfLinks: number;
  rows: number;
  /** How many warnings (a count, as in every other --json document). */
  warnings: number;
  /** The warnings' sentences, as the text output prints them. */
  warningMessages: string[];
  problems?: Problem[];
  ms: number;
}

const sha256 = (content: string): { sha256: string; bytes: number } => ({
  sha256: sha256Hex(content),
  bytes: Buffer.byteLength(content),
});

/**
 * `semaforo publish` (and the `--publish` step of `run`): the month as open data and a static
 * site in `OUT/PERIOD/public/`, from the same views as the reports. The open data covers every
 * month of the dataset up to PERIOD (the views are computed once per month: ≈2 s a month for the
 * demo's 251 units); the pages show PERIOD with the 12-month series its views carry.
 */
export async function publishPeriod(
  options: PublishOptions,
  effects: PublishEffects = defaultPublishEffects(),
): Promise<{ exitCode: ExitCode; summary: PublishSummary }> {
  const started = Date.now();
  const periodDir = join(options.outDir ?? "out", options.period);
  const publicDir = join(periodDir, "public");
  const warnings: string[] = [];
  const empty = {
    periodDir,
    publicDir,
    periods: [],
    languages: [],
    pages: 0,
    files: 0,
    bytes: 0,
    pdfLinks: 0,
    rows: 0,
  };

  const read = await effects.readDataset(options.dataDir, { keep: (month) => month <= options.period });
  const { problems } = read;
  const fatal = problems.filter((problem) => problem.severity === "error");
  if (!read.dataset || fatal.length > 0) {
    return {
      exitCode: ExitCode.invalidDataset,
      summary: {
        ok: false,
        ...empty,
        warnings: warnings.length,
        warningMessages: warnings,
        problems,
        ms: Date.now() - started,
      },
    };
  }
  const dataset = applySettings(read.dataset, options);
  const all = assertPeriodInDataset(dataset, options.period, options.dataDir, read.months);
  const periods = all.filter((period) => period <= options.period);

  // Spanish first; English when every indicator has an English label.
  const locales: Locale[] = dataset.indicators.every((ind) => ind.label.en.trim() !== "")
    ? ["es", "en"]
    : ["es"];
  const messages = new Map<Locale, Messages>();
  for (const locale of locales) messages.set(locale, await effects.readMessages(locale));
  const es = messages.get("es") ?? {};

  // Open-data rows for every month (Spanish views: the figures do not depend on the language);
  // the pages of the month in each language. The national page's league table comes from the
  // report's own page context, so its order and ranks are the report's.
  const generatedAt = effects.now().toISOString();
  const geoCache = new GeoCache(dataset.topology, dataset.config.geo);
  const adapt = (view: ReportView, locale: Locale) =>
    fromViews(
      view,
      view.level === "national"
        ? buildPageContext(view, { messages: messages.get(locale) ?? {}, geo: geoCache, generatedAt })
            .heatTable
        : null,
    );
  const rows: ValueRow[] = [];
  const units = new Map<Locale, SiteUnit[]>();
  for (const period of periods) {
    const views = buildViews(dataset, period, { locale: "es", messages: es });
    if (period !== options.period) {
      rows.push(...views.flatMap((view) => fromViews(view).rows));
      continue;
    }
    const adapted = views.map((view) => adapt(view, "es"));
    rows.push(...adapted.flatMap((a) => a.rows));
    units.set(
      "es",
      adapted.map((a) => a.unit),
    );
  }
  for (const locale of locales.filter((l) => l !== "es")) {
    const views = buildViews(dataset, options.period, { locale, messages: messages.get(locale) ?? {} });
    units.set(
      locale,
      views.map((view) => adapt(view, locale).unit),
    );
  }
  const esUnits = units.get("es") ?? [];

  // One build or publish of a period at a time: the manifest is read, then rewritten with the
  // public files, while no build can replace it.
  const lock = lockPeriod(periodDir);
  try {
    const manifest = await readManifest(periodDir);
    const pdfs = new Map<string, string>();
    for (const report of manifest?.reports ?? [])
      pdfs.set(`${report.level}:${report.code}:${report.language}`, report.file);
    if (!manifest)
      warnings.push(
        `${periodDir} has no manifest.json: the pages link no PDF (run \`semaforo build\` first, then publish again).`,
      );

    const info = { licenses: dataset.config.licenses, sources: dataset.config.sources };
    if (info.licenses.length === 0)
      warnings.push('dataset.json states no "license": the data package and the site say so.');
    if (info.sources.length === 0)
      warnings.push('dataset.json states no "source": the data package and the site say so.');

    const openData = buildOpenData(
      {
        period: options.period,
        periods,
        datasetName: dataset.config.name,
        ...(dataset.config.description ? { description: dataset.config.description } : {}),
        synthetic: dataset.config.synthetic,
        indicators: dataset.indicators,
        units: esUnits,
        rows,
        info,
        generatedAt,
      },
      sha256,
    );
    const downloads: Download[] = openData.map((file) => ({ path: file.path, ...sha256(file.content) }));

    const templates = effects.templates();
    const pages = locales.flatMap((locale) =>
      renderSite(
        {
          locale,
          locales,
          messages: messages.get(locale) ?? {},
          units: units.get(locale) ?? [],
          topology: dataset.topology,
          geo: dataset.config.geo,
          geoCache,
          pdfs,
          downloads,
          info,
          thresholds: dataset.config.thresholds,
          periods,
          generatedAt,
        },
        templates,
      ),
    );
    const files: PublicFile[] = [...templates.assets, ...openData, ...pages];
    const entries: PublicFileEntry[] = files
      .map((file) => ({ path: file.path, ...sha256(file.content) }))
      .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    const listing: PublicListing = { version: 1, period: options.period, generatedAt, files: entries };
    const filesJson: PublicFile = { path: "files.json", content: `${JSON.stringify(listing, null, 2)}\n` };
    await effects.write(publicDir, [...files, filesJson]);
    if (manifest) {
      // Archived with the PDFs: the manifest lists every public file with its hash (verify checks them).
      const listed = [...entries, { path: "files.json", ...sha256(filesJson.content) }]
        .map((entry) => ({ ...entry, path: `public/${entry.path}` }))
        .sort((x, y) => (x.path < y.path ? -1 : x.path > y.path ? 1 : 0));
      await writeManifest(periodDir, { ...manifest, public: { generatedAt, files: listed } }).catch(
        (error: unknown) => {
          throw publishWriteError(join(periodDir, "manifest.json"), error, true);
        },
      );
    }
    const pdfLinks = esUnits.filter((unit) => pdfs.has(`${unit.level}:${unit.code}:es`)).length;
    return {
      exitCode: ExitCode.ok,
      summary: {
        ok: true,
        periodDir,
        publicDir,
        periods,
        languages: locales,
        pages: pages.length,
        files: files.length + 1,
        bytes: entries.reduce((sum, entry) => sum + entry.bytes, 0) + Buffer.byteLength(filesJson.content),
        pdfLinks,
        rows: rows.length,
        warnings: warnings.length,
        warningMessages: warnings,
        ms: Date.now() - started,
      },
    };
  } finally {
    lock?.release();
  }
}
