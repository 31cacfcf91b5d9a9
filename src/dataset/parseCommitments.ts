import type { Commitment, CsvDialect, Problem } from "../model.js";
import { compare } from "./compare.js";
import { checkIndicator, type Known } from "./known.js";
import { cell, readCsv, where } from "./parseCsv.js";
import { checkLevelCode } from "./parseLevel.js";
import { checkYear, MAX_AMOUNT, parseDecimal } from "./parseNumber.js";
import { at, problems } from "./problems.js";

export const COMMITMENTS_COLUMNS = ["year", "level", "code", "indicator", "type", "months", "amount"];

/**
 * commitments.csv (optional) → performance commitments, sorted by year, level, code, indicator.
 * `months` lists the evaluation months of the year: "03-10" (March to October), "10", or several
 * separated by spaces ("03 07 10"). The unit's baseline, minimum and target come from targets.csv.
 */
export function parseCommitments(
  text: string,
  dialect: CsvDialect,
  known: Known,
  file = "commitments.csv",
): { commitments: Commitment[] | null; problems: Problem[] } {
  const { table, problems: found } = readCsv(text, file, dialect, COMMITMENTS_COLUMNS);
  if (!table) return { commitments: null, problems: found };
  const commitments: Commitment[] = [];
  const seen = new Map<string, number>();
  for (const row of table.rows) {
    const before = found.length;
    const yearText = cell(table, row, "year");
    const level = cell(table, row, "level");
    const code = cell(table, row, "code");
    const indicator = cell(table, row, "indicator");
    const type = cell(table, row, "type");
    const monthsText = cell(table, row, "months");
    const amountText = cell(table, row, "amount");
    const badYear = checkYear(yearText);
    if (badYear) found.push(at(where(table, row, "year"), badYear));
    if (level !== "region" && level !== "district") {
      found.push(at(where(table, row, "level"), problems.commitmentLevel(level)));
    } else {
      const unit = checkLevelCode(known, level, code, where(table, row, "level"), where(table, row, "code"));
      if (unit) found.push(unit);
    }
    const unknown = checkIndicator(known, indicator, where(table, row, "indicator"));
    if (unknown) found.push(unknown);
    if (type !== "fija" && type !== "variable")
      found.push(at(where(table, row, "type"), problems.commitmentType(type)));
    const months = parseMonths(monthsText);
    if (!months) found.push(at(where(table, row, "months"), problems.commitmentMonths(monthsText)));
    const amount = parseDecimal(amountText, dialect.decimal);
    if (amount === null || amount < 0)
      found.push(at(where(table, row, "amount"), problems.commitmentAmount(amountText)));
    else if (amount > MAX_AMOUNT)
      found.push(at(where(table, row, "amount"), problems.amountTooLarge(amountText, MAX_AMOUNT)));
    const key = `${yearText}|${level}|${code}|${indicator}`;
    const first = seen.get(key);
    if (first !== undefined) found.push(at(where(table, row, "year"), problems.duplicateCommitment(first)));
    else seen.set(key, row.line);
    if (found.length > before || !months || amount === null) continue;
    if ((level !== "region" && level !== "district") || (type !== "fija" && type !== "variable")) continue;
    commitments.push({
      year: Number(yearText),
      level,
      code,
      indicator,
      type,
      months: months.map((month) => `${yearText}-${String(month).padStart(2, "0")}`),
      amount,
    });
  }
  const levelOrder = { region: 0, district: 1 };
  commitments.sort(
    (a, b) =>
      a.year - b.year ||
      levelOrder[a.level] - levelOrder[b.level] ||
      compare(a.code, b.code) ||
      compare(a.indicator, b.indicator),
  );
  return { commitments, problems: found };
}

/** "03-10" → [3..10]; "10" → [10]; "03 07 10" → [3, 7, 10]; null when malformed or empty. */
function parseMonths(text: string): number[] | null {
  const months = new Set<number>();
  const parts = text.split(/\s+/).filter((part) => part !== "");
  if (parts.length === 0) return null;
  for (const part of parts) {
    const match = /^(0[1-9]|1[0-2])(?:-(0[1-9]|1[0-2]))?$/.exec(part);
    if (!match) return null;
    const from = Number(match[1]);
    const to = match[2] === undefined ? from : Number(match[2]);
    if (to < from) return null;
    for (let month = from; month <= to; month += 1) months.add(month);
  }
  return [...months].sort((a, b) => a - b);
}
