import type { CsvDialect, Problem, SupportAction } from "../model.js";
import { checkName } from "./checkName.js";
import { compare } from "./compare.js";
import { checkIndicator, type Known } from "./known.js";
import { cell, readCsv, where } from "./parseCsv.js";
import { checkLevelCode } from "./parseLevel.js";
import { at, problems } from "./problems.js";

export const SUPPORT_COLUMNS = ["date", "level", "code", "indicator", "action"];

/**
 * support.csv (optional) → the enabling team's support actions, sorted by unit, indicator, date.
 * The brief's follow-up reads them: what changed in that indicator since support started.
 */
export function parseSupport(
  text: string,
  dialect: CsvDialect,
  known: Known,
  file = "support.csv",
): { support: SupportAction[] | null; problems: Problem[] } {
  const { table, problems: found } = readCsv(text, file, dialect, SUPPORT_COLUMNS);
  if (!table) return { support: null, problems: found };
  const support: SupportAction[] = [];
  const seen = new Map<string, number>();
  for (const row of table.rows) {
    const before = found.length;
    const date = cell(table, row, "date");
    const level = cell(table, row, "level");
    const code = cell(table, row, "code");
    const indicator = cell(table, row, "indicator");
    const action = cell(table, row, "action");
    if (!isDate(date)) found.push(at(where(table, row, "date"), problems.badDate(date)));
    if (level !== "region" && level !== "district") {
      found.push(at(where(table, row, "level"), problems.commitmentLevel(level)));
    } else {
      const unit = checkLevelCode(known, level, code, where(table, row, "level"), where(table, row, "code"));
      if (unit) found.push(unit);
    }
    const unknown = checkIndicator(known, indicator, where(table, row, "indicator"));
    if (unknown) found.push(unknown);
    if (action === "") found.push(at(where(table, row, "action"), problems.missingValue("action")));
    // Printed in the brief: the same rule as every other name (no control characters, bounded).
    const bad = action === "" ? null : checkName(action);
    if (bad) found.push(at(where(table, row, "action"), problems.badName("action", action, bad)));
    const key = JSON.stringify([date, level, code, indicator, action]);
    const first = seen.get(key);
    if (first !== undefined) found.push(at(where(table, row, "date"), problems.duplicateSupport(first)));
    else seen.set(key, row.line);
    if (found.length > before || (level !== "region" && level !== "district")) continue;
    support.push({ date, level, code, indicator, action });
  }
  support.sort(
    (a, b) =>
      compare(a.level, b.level) ||
      compare(a.code, b.code) ||
      compare(a.indicator, b.indicator) ||
      compare(a.date, b.date),
  );
  return { support, problems: found };
}

/** `YYYY-MM-DD`, a real calendar day. */
function isDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === value;
}
