import type { CsvDialect, Problem, Target } from "../model.js";
import { compare } from "./compare.js";
import { checkIndicator, type Known } from "./known.js";
import { cell, readCsv, where } from "./parseCsv.js";
import { checkLevelCode, isLevel } from "./parseLevel.js";
import { checkYear, parseDecimal } from "./parseNumber.js";
import { at, problems } from "./problems.js";

export const TARGETS_COLUMNS = ["year", "level", "code", "indicator", "target"];

/** targets.csv → targets sorted by year, level, code, indicator. */
export function parseTargets(
  text: string,
  dialect: CsvDialect,
  known: Known,
  file = "targets.csv",
): { targets: Target[] | null; problems: Problem[] } {
  const { table, problems: found } = readCsv(text, file, dialect, TARGETS_COLUMNS);
  if (!table) return { targets: null, problems: found };
  const targets: Target[] = [];
  const seen = new Map<string, number>();
  for (const row of table.rows) {
    const before = found.length;
    const yearText = cell(table, row, "year");
    const level = cell(table, row, "level");
    const code = cell(table, row, "code");
    const indicator = cell(table, row, "indicator");
    const badYear = checkYear(yearText);
    if (badYear) found.push(at(where(table, row, "year"), badYear));
    const unit = checkLevelCode(known, level, code, where(table, row, "level"), where(table, row, "code"));
    if (unit) found.push(unit);
    const unknown = checkIndicator(known, indicator, where(table, row, "indicator"));
    if (unknown) found.push(unknown);
    const values: Partial<Record<"target" | "baseline" | "minimum", number>> = {};
    for (const column of ["target", "baseline", "minimum"] as const) {
      const raw = cell(table, row, column);
      if (raw === "") {
        if (column === "target") found.push(at(where(table, row, column), problems.missingValue(column)));
        continue;
      }
      const value = parseDecimal(raw, dialect.decimal);
      if (value === null)
        found.push(at(where(table, row, column), problems.badNumber(column, raw, dialect.decimal)));
      else if (value < 0 || value > 100)
        found.push(at(where(table, row, column), problems.targetOutOfRange(column, value)));
      else values[column] = value;
    }
    const better = known.indicators?.get(indicator)?.better;
    const { target, minimum } = values;
    if (better && target !== undefined && minimum !== undefined) {
      if (better === "higher" ? minimum > target : minimum < target)
        found.push(at(where(table, row, "minimum"), problems.minimumPastTarget(minimum, target, better)));
    }
    const key = `${yearText}|${level}|${code}|${indicator}`;
    const first = seen.get(key);
    if (first !== undefined) found.push(at(where(table, row, "year"), problems.duplicateTarget(first)));
    else seen.set(key, row.line);
    if (found.length > before || values.target === undefined || !isLevel(level)) continue;
    targets.push({
      year: Number(yearText),
      level,
      code,
      indicator,
      target: values.target,
      ...(values.baseline !== undefined ? { baseline: values.baseline } : {}),
      ...(values.minimum !== undefined ? { minimum: values.minimum } : {}),
    });
  }
  const levelOrder = { national: 0, region: 1, district: 2 };
  targets.sort(
    (a, b) =>
      a.year - b.year ||
      levelOrder[a.level] - levelOrder[b.level] ||
      compare(a.code, b.code) ||
      compare(a.indicator, b.indicator),
  );
  return { targets, problems: found };
}
