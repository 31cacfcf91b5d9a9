import type { CsvDialect, Problem, Result } from "../model.js";
import { compare } from "./compare.js";
import { checkDistrict, checkIndicator, type Known } from "./known.js";
import { cell, readCsv, where, type CsvRow, type CsvTable } from "./parseCsv.js";
import { checkPeriod, MAX_COUNT, parseCount, parseDecimal } from "./parseNumber.js";
import { at, problems } from "./problems.js";

export const RESULTS_COLUMNS = [
  "period",
  "district_code",
  "indicator",
  "numerator",
  "denominator",
  "schools",
];

/** A count column, or the problem that makes it unusable. */
export function readCount(
  table: CsvTable,
  row: CsvRow,
  column: string,
  decimal: "." | ",",
  found: Problem[],
): number | null {
  const raw = cell(table, row, column);
  const location = where(table, row, column);
  if (raw === "") {
    found.push(at(location, problems.missingValue(column)));
    return null;
  }
  const count = parseCount(raw, decimal);
  if (count.ok) return count.value;
  found.push(
    at(
      location,
      count.reason === "negative"
        ? problems.negativeCount(column, raw)
        : count.reason === "non-integer"
          ? problems.nonIntegerCount(column, raw)
          : count.reason === "too-large"
            ? problems.countTooLarge(column, raw, MAX_COUNT)
            : problems.badNumber(column, raw, decimal),
    ),
  );
  return null;
}

/** An optional decimal column: undefined when empty, null when invalid (reported). */
export function readDecimal(
  table: CsvTable,
  row: CsvRow,
  column: string,
  decimal: "." | ",",
  found: Problem[],
): number | undefined | null {
  const raw = cell(table, row, column);
  if (raw === "") return undefined;
  const value = parseDecimal(raw, decimal);
  if (value === null) found.push(at(where(table, row, column), problems.badNumber(column, raw, decimal)));
  return value;
}

/** The optional cv column: a finite percentage, 0 or more (undefined when empty, null when invalid). */
function readCv(
  table: CsvTable,
  row: CsvRow,
  decimal: "." | ",",
  found: Problem[],
): number | undefined | null {
  const cv = readDecimal(table, row, "cv", decimal, found);
  if (cv === undefined || cv === null) return cv;
  const raw = cell(table, row, "cv");
  const reason = !Number.isFinite(cv) ? "is too large" : cv < 0 ? "is negative" : null;
  if (!reason) return cv;
  found.push(at(where(table, row, "cv"), problems.badCv(raw, reason)));
  return null;
}

/**
 * results.csv → results, sorted by period, district code, then indicator catalogue order.
 * Also warns once per district and month when fewer than `minSchools` schools were visited.
 */
export function parseResults(
  text: string,
  dialect: CsvDialect,
  known: Known,
  minSchools: number,
  file = "results.csv",
): { results: Result[] | null; problems: Problem[] } {
  const { table, problems: found } = readCsv(text, file, dialect, RESULTS_COLUMNS);
  if (!table) return { results: null, problems: found };
  const results: Result[] = [];
  const seen = new Map<string, number>();
  const fewSchools = new Set<string>();
  for (const row of table.rows) {
    const before = found.length;
    const period = cell(table, row, "period");
    const districtCode = cell(table, row, "district_code");
    const indicator = cell(table, row, "indicator");
    const badPeriod = checkPeriod(period);
    if (badPeriod) found.push(at(where(table, row, "period"), badPeriod));
    const unknown = [
      checkDistrict(known, districtCode, where(table, row, "district_code")),
      checkIndicator(known, indicator, where(table, row, "indicator")),
    ];
    for (const problem of unknown) if (problem) found.push(problem);
    const numerator = readCount(table, row, "numerator", dialect.decimal, found);
    const denominator = readCount(table, row, "denominator", dialect.decimal, found);
    const schools = readCount(table, row, "schools", dialect.decimal, found);
    const cv = readCv(table, row, dialect.decimal, found);
    if (numerator !== null && denominator !== null) {
      if (denominator === 0) found.push(at(where(table, row, "denominator"), problems.zeroDenominator()));
      else if (numerator > denominator) {
        found.push(
          at(where(table, row, "numerator"), problems.numeratorExceedsDenominator(numerator, denominator)),
        );
      }
    }
    const key = `${period}|${districtCode}|${indicator}`;
    const first = seen.get(key);
    if (first !== undefined) {
      found.push(
        at(where(table, row, "period"), problems.duplicateResult(period, districtCode, indicator, first)),
      );
      continue;
    }
    seen.set(key, row.line);
    if (
      found.length > before ||
      numerator === null ||
      denominator === null ||
      schools === null ||
      cv === null
    )
      continue;
    if (schools < minSchools && !fewSchools.has(`${period}|${districtCode}`)) {
      fewSchools.add(`${period}|${districtCode}`);
      found.push(
        at(where(table, row, "schools"), problems.fewSchools(period, districtCode, schools, minSchools)),
      );
    }
    results.push({
      period,
      districtCode,
      indicator,
      numerator,
      denominator,
      schools,
      ...(cv !== undefined ? { cv } : {}),
    });
  }
  const order = new Map([...(known.indicators?.keys() ?? [])].map((id, index) => [id, index]));
  results.sort(
    (a, b) =>
      compare(a.period, b.period) ||
      compare(a.districtCode, b.districtCode) ||
      (order.get(a.indicator) ?? 0) - (order.get(b.indicator) ?? 0),
  );
  return { results, problems: found };
}
