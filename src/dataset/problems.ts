/**
 * The catalogue of dataset problems: a stable code, what happened, and what to do next.
 * Parsers never build problem texts themselves; they call these and add a location with `at`.
 */
import type { Problem } from "../model.js";

export interface ProblemText {
  severity: Problem["severity"];
  code: string;
  message: string;
  hint?: string;
}

export interface Location {
  /** Relative to the dataset folder. */
  file: string;
  line?: number;
  column?: number;
}

/** Control and text-direction characters, shown escaped: a dataset must not drive the terminal. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const printable = (text: string) =>
  text.replace(UNPRINTABLE, (char) => `\\u${(char.codePointAt(0) ?? 0).toString(16).padStart(4, "0")}`);

/**
 * A catalogue entry placed at a location. Names and codes from the dataset reach messages and
 * file names raw (a warning names the unit): their control characters are shown escaped, so an
 * ANSI sequence in a name cannot rewrite or hide lines of validate's report.
 */
export const at = (location: Location, text: ProblemText): Problem => ({
  ...location,
  file: printable(location.file),
  ...text,
  message: printable(text.message),
});

/** A value quoted for a message: escaped (control characters visible), long values cut. */
const q = (value: string) => {
  if (value.length <= 60) return JSON.stringify(value);
  const characters = [...value];
  if (characters.length <= 60) return JSON.stringify(value);
  return `${JSON.stringify(characters.slice(0, 60).join("")).slice(0, -1)}…" (${characters.length} characters)`;
};
const didYouMean = (suggestion: string | undefined) => (suggestion ? ` (did you mean ${suggestion}?)` : "");
const error = (code: string, message: string, hint?: string): ProblemText => ({
  severity: "error",
  code,
  message,
  ...(hint ? { hint } : {}),
});
const warning = (code: string, message: string, hint?: string): ProblemText => ({
  severity: "warning",
  code,
  message,
  ...(hint ? { hint } : {}),
});

export const problems = {
  // Files and syntax -----------------------------------------------------------------------
  missingFile: (file: string) =>
    error(
      "missing-file",
      `${file} is missing`,
      "Every dataset folder needs this file: see the dataset contract in README.md.",
    ),
  emptyFile: (_file: string, what: string) =>
    error(
      "empty-file",
      `the file has no ${what} yet`,
      "Add the rows the report needs: see the dataset contract in README.md (semaforo init writes an example of each file).",
    ),
  unreadableFile: (file: string, reason: string) =>
    error("unreadable-file", `${file} could not be read: ${reason}`),
  badEncoding: (encoding: string) =>
    error(
      "bad-encoding",
      `text is not valid ${encoding === "utf8" ? "UTF-8" : encoding}`,
      'Save the file as UTF-8, or declare the export\'s encoding in dataset.json, e.g. "csv": {"encoding": "latin1"}.',
    ),
  utf8DeclaredLatin1: () =>
    error(
      "encoding-mismatch",
      'the file is UTF-8 but dataset.json declares "encoding": "latin1": accented letters would be garbled',
      'Remove "encoding": "latin1" from dataset.json (UTF-8 is the default), or export the file as latin1.',
    ),
  badJson: (detail: string) =>
    error("bad-json", `invalid JSON: ${detail}`, "Check for a missing comma, quote or bracket here."),
  badSchema: (path: string, detail: string) => error("bad-schema", `${path}: ${detail}`),
  duplicateKey: (key: string, otherLine: number) =>
    error(
      "duplicate-key",
      `key ${q(key)} appears twice in this object (first on line ${otherLine})`,
      "Keep one: JSON readers disagree on which of two equal keys wins.",
    ),
  forbiddenKey: (key: string) =>
    error(
      "forbidden-key",
      `key ${q(key)} is not allowed`,
      "__proto__, constructor and prototype are never dataset keys; remove it.",
    ),
  tooDeep: (max: number) =>
    error(
      "too-deep",
      `JSON is nested more than ${max} levels deep`,
      "Dataset files are a few levels deep; check that the file is the one meant.",
    ),
  csvSyntax: (detail: string) =>
    error(
      "csv-syntax",
      `CSV syntax error: ${detail}`,
      "Check the quotes on this line: a quoted field must end with a quote.",
    ),
  /** An error when any problem left unlisted is one; a warning when they are all warnings. */
  moreProblems: (kept: number, errors: number, warnings: number) => {
    const more = [
      ...(errors > 0 ? [`${errors} more ${errors === 1 ? "error" : "errors"}`] : []),
      ...(warnings > 0 ? [`${warnings} more ${warnings === 1 ? "warning" : "warnings"}`] : []),
    ].join(" and ");
    return (errors > 0 ? error : warning)(
      "more-problems",
      `${more} in this file past the first ${kept} problems (not listed)`,
      "Fix the ones listed first: so many usually means the wrong file, or a column in the wrong place.",
    );
  },
  tooManyProblems: (count: number, line: number, lines: number) =>
    error(
      "too-many-problems",
      `${count} errors by line ${line} of ${lines}: reading stopped here, this cannot be the month's file`,
      "Check that it is the right file, exported from the right table; fix the problems listed first.",
    ),
  notAFile: (kind: string) =>
    error(
      "not-a-file",
      `this is ${kind}, not a regular file; it was not read`,
      "Put the exported file itself in the dataset folder (not a device, pipe or folder).",
    ),
  ambiguousDialect: () =>
    error(
      "ambiguous-dialect",
      'csv.decimal "," needs a delimiter other than ","',
      'Spanish-locale Excel exports use "csv": {"delimiter": ";", "decimal": ","}.',
    ),
  halfTranslatedStory: (separator: string) =>
    error(
      "half-translated-story",
      `the story has only half of its English version: it needs both title_en in the front matter and an English body after a line ${separator}`,
      `Add the missing half, or remove the other to show the Spanish story with a note in English reports.`,
    ),
  fileTooLarge: (size: number, limit: number) =>
    error(
      "file-too-large",
      `the file is ${(size / 1024 / 1024).toFixed(1)} MB, over the limit of ${Math.round(limit / 1024 / 1024)} MB for this kind of file; it was not read`,
      "Check that it is the right file (an export of the wrong table, or a file that kept growing); a month's data is far smaller.",
    ),
  fileTooLong: (limit: number) =>
    error(
      "file-too-long",
      `reading stopped after ${Math.round(limit / 1024 / 1024)} MB, the limit for this kind of file: the file grew while it was read, or never ends`,
      "Put the exported file itself in the dataset folder (not a link to a device, a log or a file still being written); a month's data is far smaller.",
    ),
  wrongDelimiter: (found: string, declared: string) =>
    error(
      "wrong-delimiter",
      `the columns are separated by ${q(showDelimiter(found))}, but the dataset declares ${q(showDelimiter(declared))}`,
      `Declare the file's dialect in dataset.json: "csv": {"delimiter": ${JSON.stringify(found)}${found === ";" ? ', "decimal": ","' : ""}} (a Spanish-locale Excel export also uses decimal commas; add "encoding": "latin1" if it is not UTF-8).`,
    ),
  missingColumn: (column: string, header: string[]) =>
    error(
      "missing-column",
      `required column ${column} is missing (the header has ${header.map(q).join(", ") || "nothing"})`,
      "Add the column to the header row, spelled exactly like this.",
    ),
  fieldCount: (found: number, expected: number) =>
    error(
      "field-count",
      `row has ${found} fields but the header has ${expected}; the row is ignored`,
      "Check the delimiter and quotes: a value containing the delimiter must be quoted.",
    ),
  missingValue: (column: string) => error("missing-value", `${column} is empty`, `Fill in ${column}.`),

  // Values ---------------------------------------------------------------------------------
  malformedPeriod: (value: string) =>
    error(
      "malformed-period",
      `period ${q(value)} is not a month of the form YYYY-MM`,
      "Write the month as YYYY-MM, e.g. 2026-10.",
    ),
  periodOutOfRange: (value: string, first: number, last: number) =>
    error(
      "period-out-of-range",
      `period ${q(value)} is outside the years ${first}–${last}`,
      `Write a month between ${first}-01 and ${last}-12: a year outside that range is a typing error.`,
    ),
  yearOutOfRange: (value: string, first: number, last: number) =>
    error(
      "year-out-of-range",
      `year ${value} is outside ${first}–${last}`,
      "Check the year: targets are set for a school year such as 2026.",
    ),
  badNumber: (column: string, value: string, decimal: string) =>
    error(
      "bad-number",
      `${column} ${q(value)} is not a number`,
      decimal === ","
        ? "This dataset declares a decimal comma: write numbers like 87,5 (no thousands separator)."
        : 'Write numbers like 87.5 (no thousands separator); for a decimal comma declare "csv": {"decimal": ","} in dataset.json.',
    ),
  negativeCount: (column: string, value: string) =>
    error(
      "negative-count",
      `${column} ${value} is negative`,
      "Counts (numerator, denominator, schools) are 0 or more.",
    ),
  nonIntegerCount: (column: string, value: string) =>
    error(
      "non-integer-count",
      `${column} ${value} is not a whole number`,
      "Counts (numerator, denominator, schools) are whole numbers.",
    ),
  countTooLarge: (column: string, value: string, max: number) =>
    error(
      "count-too-large",
      `${column} ${q(value)} is larger than ${max.toLocaleString("en")}`,
      "Counts are numbers of students, teachers or schools; larger figures cannot be summed exactly across districts.",
    ),
  badCv: (value: string, reason: string) =>
    error(
      "bad-cv",
      `cv ${q(value)} ${reason}`,
      "cv is a coefficient of variation in %, a finite number 0 or more; leave it empty when unknown.",
    ),
  numeratorExceedsDenominator: (numerator: number, denominator: number) =>
    error(
      "numerator-exceeds-denominator",
      `numerator ${numerator} is greater than denominator ${denominator}`,
      "The numerator counts the cases that meet the indicator among the denominator's cases.",
    ),
  zeroDenominator: () =>
    error(
      "zero-denominator",
      "denominator is 0",
      "Leave the row out when nothing was observed: a missing row is a gap, never a zero.",
    ),
  outOfRange: (column: string, value: number) =>
    error(
      "out-of-range",
      `${column} ${value} is outside 0–100`,
      "Targets and values are percentages, from 0 to 100.",
    ),
  targetOutOfRange: (column: string, value: number) =>
    error(
      "target-out-of-range",
      `${column} ${value} is outside 0–100`,
      "Targets are percentages, from 0 to 100.",
    ),
  minimumPastTarget: (minimum: number, target: number, better: "higher" | "lower") =>
    error(
      "minimum-past-target",
      `minimum ${minimum} is ${better === "higher" ? "above" : "below"} target ${target}`,
      better === "higher"
        ? "For an indicator where higher is better, amber lies between the minimum and the target: the minimum is at most the target."
        : "For an indicator where lower is better, amber lies between the target and the minimum: the minimum is at least the target.",
    ),
  badYear: (value: string) => error("bad-year", `year ${q(value)} is not a year such as 2026`),
  unknownLevel: (value: string) =>
    error(
      "unknown-level",
      `level ${q(value)} is not national, region or district`,
      "Use national, region or district (recipients.csv also takes team, for the enabling team's brief).",
    ),
  unknownLanguage: (value: string) =>
    error(
      "unknown-language",
      `language ${q(value)} is not es or en`,
      "Use es or en, or leave it empty for es.",
    ),
  invalidEmail: (value: string, reason: string) =>
    error(
      "invalid-email",
      `e-mail address ${q(value)} is not valid: ${reason}`,
      "Write one plain address per row, like nombre@ugel.gob.pe: no spaces, quotes, commas, angle brackets or display name.",
    ),
  invalidPhone: (column: string, value: string, reason: string) =>
    error(
      "invalid-phone",
      `${column} ${q(value)} ${reason}`,
      'Write a mobile number as +519XXXXXXXX or 9XXXXXXXX; numbers of other countries in E.164 need "sms": {"international": true} in dataset.json.',
    ),
  schoolPhoneNotMobile: (value: string, reason: string) =>
    warning(
      "school-phone-not-mobile",
      `phone ${q(value)} ${reason}: this school's director gets no SMS`,
      "Give the director's mobile number (+519XXXXXXXX or 9XXXXXXXX) to send the school SMS.",
    ),

  // Codes and names ----------------------------------------------------------------------------
  badCode: (what: string, value: string, reason: string, suggestion?: string) =>
    error(
      "bad-code",
      `${what} ${q(value)} ${reason}${didYouMean(suggestion)}`,
      "Codes are 1–32 letters, digits, - or _ (UGEL codes have 6 digits, the national code is PE): they become part of file names.",
    ),
  badName: (what: string, value: string, reason: string) =>
    error(
      "bad-name",
      `${what} ${q(value)} ${reason}`,
      "Names are one line of at most 200 characters, without control characters: they appear in file names, PDFs and e-mail headers.",
    ),
  badHeaderText: (what: string, value: string, reason: string) =>
    error(
      "bad-header-text",
      `${what} ${q(value)} ${reason}`,
      "This value goes into an e-mail header: one line, no control characters, no quotes or backslashes.",
    ),
  unknownDistrict: (code: string, suggestion?: string) =>
    error(
      "unknown-district",
      `district code ${code} is not in units.csv${didYouMean(suggestion)}`,
      "Every district must be listed in units.csv.",
    ),
  unknownRegion: (code: string, suggestion?: string) =>
    error(
      "unknown-region",
      `region code ${code} is not in units.csv${didYouMean(suggestion)}`,
      "Every region must be listed in units.csv.",
    ),
  unknownIndicator: (id: string, suggestion?: string) =>
    error(
      "unknown-indicator",
      `indicator ${q(id)} is not in indicators.json${didYouMean(suggestion)}`,
      "Use an id from indicators.json.",
    ),
  unknownNationalCode: (code: string) =>
    error(
      "unknown-national-code",
      `national code ${q(code)} should be PE`,
      "The national unit's code is PE.",
    ),
  unknownUnit: (level: string, code: string, suggestion?: string) =>
    error(
      "unknown-unit",
      `recipient for an unknown ${level} ${q(code)}: it is not in units.csv${didYouMean(suggestion)}`,
      "Fix the code, or add the unit to units.csv.",
    ),
  districtInTwoRegions: (code: string, region: string, otherRegion: string, otherLine: number) =>
    error(
      "district-in-two-regions",
      `district ${code} is in region ${region} here but in region ${otherRegion} on line ${otherLine}`,
      "Every district belongs to exactly one region: keep one row per district.",
    ),
  codeCaseConflict: (code: string, other: string, otherLine: number) =>
    error(
      "code-case-conflict",
      `code ${q(code)} differs from ${q(other)} (line ${otherLine}) only in upper/lower case`,
      "Their report files would overwrite each other on a case-insensitive disk: give the units distinct codes.",
    ),
  duplicateDistrict: (code: string, otherLine: number) =>
    error(
      "duplicate-district",
      `district ${code} is listed twice (also on line ${otherLine})`,
      "Keep one row per district.",
    ),
  regionNameConflict: (code: string, name: string, otherName: string, otherLine: number) =>
    error(
      "region-name-conflict",
      `region ${code} is named ${q(name)} here but ${q(otherName)} on line ${otherLine}`,
      "Spell the region's name the same way on every row.",
    ),
  duplicateResult: (period: string, district: string, indicator: string, otherLine: number) =>
    error(
      "duplicate-result",
      `duplicate row for ${period}, district ${district}, indicator ${indicator} (first on line ${otherLine})`,
      "Keep one row per month × district × indicator.",
    ),
  duplicateTarget: (otherLine: number) =>
    error(
      "duplicate-target",
      `duplicate target for this year, unit and indicator (first on line ${otherLine})`,
      "Keep one row per year × unit × indicator.",
    ),
  // Commitments and support (commitments.csv, support.csv) ----------------------------------
  commitmentLevel: (level: string) =>
    error(
      "commitment-level",
      `level ${q(level)} cannot hold a commitment`,
      "Commitments are signed by a region (DRE) or a district (UGEL): write region or district.",
    ),
  commitmentType: (value: string) =>
    error(
      "commitment-type",
      `type ${q(value)} is neither fija nor variable`,
      "fija: paid only when the target is met; variable: paid in proportion to progress.",
    ),
  commitmentMonths: (value: string) =>
    error(
      "commitment-months",
      `months ${q(value)} is not a list of months such as "03-10" or "10" or "03 07 10"`,
      "Give the evaluation months as two-digit months, a range with a dash, several separated by spaces.",
    ),
  commitmentAmount: (value: string) =>
    error(
      "commitment-amount",
      `amount ${q(value)} is not an amount of soles (a number, 0 or more)`,
      "Write the amount assignable for this commitment, e.g. 120000.",
    ),
  amountTooLarge: (value: string, max: number) =>
    error(
      "amount-too-large",
      `amount ${q(value)} is larger than ${max.toLocaleString("en")} soles: it could not be printed exactly`,
      "Write the amount in soles, e.g. 120000; check for extra digits.",
    ),
  duplicateCommitment: (otherLine: number) =>
    error(
      "duplicate-commitment",
      `duplicate commitment for this year, unit and indicator (first on line ${otherLine})`,
      "Keep one row per year × unit × indicator.",
    ),
  duplicateSupport: (otherLine: number) =>
    error(
      "duplicate-support",
      `duplicate support action: same date, unit, indicator and action (first on line ${otherLine})`,
      "Keep one row per action: a repeated row would show the action twice in the team brief.",
    ),
  badDate: (value: string) =>
    error("bad-date", `date ${q(value)} is not a date such as 2026-08-14`, "Write dates as YYYY-MM-DD."),
  futureDate: (value: string, today: string) =>
    error(
      "future-date",
      `date ${q(value)} is in the future (today is ${today})`,
      "Record an action on the day it happened; fix the year or the month if it is a typo.",
    ),
  duplicateSchoolResult: (otherLine: number) =>
    error(
      "duplicate-school-result",
      `duplicate row for this month, school and indicator (first on line ${otherLine})`,
    ),
  duplicateIndicator: (id: string) =>
    error("duplicate-indicator", `indicator id ${q(id)} is used twice`, "Indicator ids must be unique."),
  noIndicators: () => error("no-indicators", "indicators.json lists no indicator"),

  // Good practices ---------------------------------------------------------------------------
  missingFrontMatter: () =>
    error(
      "missing-front-matter",
      "the story has no front matter",
      "Start the file with a block between --- lines giving district, period, indicator and title.",
    ),
  badFrontMatter: (detail: string) => error("bad-front-matter", `front matter is not valid YAML: ${detail}`),
  frontMatterTooLarge: (size: number, max: number) =>
    error(
      "front-matter-too-large",
      `front matter is ${size} bytes, more than ${max}`,
      "The front matter holds four short fields: district, period, indicator and title.",
    ),
  storyTooLarge: (size: number, max: number) =>
    error(
      "story-too-large",
      `the story is ${size} bytes, more than ${max}`,
      "A good-practice story is a few paragraphs: shorten it.",
    ),
  storyTooDeep: (depth: number, max: number) =>
    error(
      "story-too-deep",
      `this line nests ${depth} quotes, list items or indentation levels, more than ${max}`,
      'A story is a few paragraphs and short lists: remove the repeated ">", "-" or indentation at the start of the line.',
    ),
  frontMatterAlias: () =>
    error(
      "front-matter-alias",
      "front matter uses a YAML anchor or alias (& or *)",
      "Write each value in full: anchors and aliases are not needed for four fields.",
    ),
  frontMatterTag: (tag: string) =>
    error(
      "front-matter-tag",
      `front matter uses the YAML tag ${q(tag)}`,
      "Write plain text values, without ! tags.",
    ),
  frontMatterNotText: (key: string) =>
    error(
      "front-matter-not-text",
      `front matter ${key} is not a single text value`,
      `Write ${key} as one line of text, e.g. ${key}: value.`,
    ),
  missingFrontMatterKey: (key: string) =>
    error(
      "missing-front-matter-key",
      `front matter has no ${key}`,
      "The front matter needs district, period, indicator and title.",
    ),

  // Geography ------------------------------------------------------------------------------
  missingGeoFile: (file: string, tried: string[]) =>
    error(
      "missing-geo-file",
      `geo.file ${q(file)} was not found (tried ${tried.join(", ")})`,
      "geo.file is relative to the dataset folder or the project folder.",
    ),
  badTopology: (file: string, detail: string) =>
    error("bad-topology", `${file} is not a TopoJSON topology: ${detail}`),
  missingGeoObject: (key: string, name: string, available: string[]) =>
    error(
      "missing-geo-object",
      `geo.${key}: the TopoJSON has no object ${q(name)}${didYouMean(available.length ? available.map(q).join(" or ") : undefined)}`,
      "Name one of the topology's objects (a GeometryCollection whose feature ids are the unit codes).",
    ),

  // Warnings -------------------------------------------------------------------------------
  unitWithoutFeature: (level: string, code: string, name: string, object: string) =>
    warning(
      "unit-without-feature",
      `${level} ${code} ${name} has no feature in the TopoJSON object ${q(object)}`,
      "Its report is still made; its maps say the unit has no shape.",
    ),
  missingMonth: (period: string, code: string, name: string) =>
    warning(
      "missing-month",
      `district ${code} ${name} has no results for ${period}, a month in which other districts have results`,
      "Its reports show a gap for that month (never a zero).",
    ),
  fewSchools: (period: string, code: string, schools: number, minimum: number) =>
    warning(
      "few-schools",
      `district ${code} visited ${schools} school${schools === 1 ? "" : "s"} in ${period}, fewer than ${minimum}`,
      "Its values for that month are referential (grey) and left out of rankings.",
    ),
  noRecipients: (level: string, code: string, name: string) =>
    warning(
      "no-recipients",
      `${level} ${code} ${name} has no recipient`,
      "Its report is made and archived but not e-mailed.",
    ),
  duplicateRecipient: (email: string, otherLine: number) =>
    warning(
      "duplicate-recipient",
      `${email} is listed twice for this unit (first on line ${otherLine})`,
      "It is e-mailed once.",
    ),
} as const;

const rank = (problem: Problem) => [problem.file, problem.line ?? 0, problem.column ?? 0] as const;

/** Sorts problems by file, line, column, then code and message: a stable order for output and tests. */
export function sortProblems(list: Problem[]): Problem[] {
  return [...list].sort((a, b) => {
    const [fa, la, ca] = rank(a);
    const [fb, lb, cb] = rank(b);
    if (fa !== fb) return fa < fb ? -1 : 1;
    if (la !== lb) return la - lb;
    if (ca !== cb) return ca - cb;
    if (a.code !== b.code) return a.code < b.code ? -1 : 1;
    return a.message < b.message ? -1 : a.message > b.message ? 1 : 0;
  });
}

/** `file:line:column: message`, the form editors and terminals link to. */
export function formatLocation(problem: Problem): string {
  let where = problem.file;
  if (problem.line !== undefined) where += `:${problem.line}`;
  if (problem.line !== undefined && problem.column !== undefined) where += `:${problem.column}`;
  return where;
}

/** A separator as a person reads it. */
function showDelimiter(delimiter: string): string {
  return delimiter === "\t" ? "tab" : delimiter;
}
