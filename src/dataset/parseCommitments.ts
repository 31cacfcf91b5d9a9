import type { Commitment, CsvDialect, Problem } from "../model.js";
import { compareYearUnitIndicator } from "./parseTargets.js";
import { anyText, indicator, oneOf, year } from "./csvColumns.js";
import type { Column, CsvSchema } from "./csvSchema.js";
import type { Known } from "./known.js";
import { parseRows } from "./parseCsv.js";
import { checkLevelCode } from "./parseLevel.js";
import { MAX_AMOUNT, parseDecimal } from "./parseNumber.js";
import { problems } from "./problems.js";

/** Commitments are signed by a region (DRE) or a district (UGEL). */
const COMMITMENT_LEVELS = ["region", "district"] as const;

/** "03-10" → [3..10]; "10" → [10]; "03 07 10" → [3, 7, 10]. */
const months = (): Column<number[]> => ({
  parse: (raw, cell) => {
    const parsed = parseMonths(raw);
    if (!parsed) cell.problem(problems.commitmentMonths(raw));
    return parsed;
  },
});

/** Soles, 0 to MAX_AMOUNT (so amounts and their sums print exactly to the cent). */
const amount = (decimal: "." | ","): Column<number> => ({
  parse: (raw, cell) => {
    const value = parseDecimal(raw, decimal);
    if (value === null || value < 0) cell.problem(problems.commitmentAmount(raw));
    else if (value > MAX_AMOUNT) cell.problem(problems.amountTooLarge(raw, MAX_AMOUNT));
    else return value;
    return null;
  },
});

const columnsOf = (decimal: "." | ",", known: Known) => ({
  year: year(),
  level: oneOf(COMMITMENT_LEVELS, problems.commitmentLevel),
  code: anyText(),
  indicator: indicator(known),
  type: oneOf(["fija", "variable"] as const, problems.commitmentType),
  months: months(),
  amount: amount(decimal),
});

/**
 * commitments.csv (optional): one row per year × unit × indicator. `months` lists the evaluation
 * months of the year: "03-10" (March to October), "10", or several separated by spaces
 * ("03 07 10"). The unit's baseline, minimum and target come from targets.csv.
 */
export function commitmentsSchema(
  dialect: Pick<CsvDialect, "decimal">,
  known: Known,
  file = "commitments.csv",
): CsvSchema<ReturnType<typeof columnsOf>, Commitment> {
  return {
    file,
    columns: columnsOf(dialect.decimal, known),
    unique: {
      columns: ["year", "level", "code", "indicator"],
      at: "year",
      problem: (first) => problems.duplicateCommitment(first),
    },
    check: ({ level }, row) => {
      if (level !== null)
        row.add(checkLevelCode(known, level, row.raw.code, row.where("level"), row.where("code")));
    },
    build: ({ year, level, code, indicator, type, months, amount }, row) => ({
      year,
      level,
      code,
      indicator,
      type,
      months: months.map((month) => `${row.raw.year}-${String(month).padStart(2, "0")}`),
      amount,
    }),
    order: compareYearUnitIndicator,
  };
}

/** commitments.csv (optional) → performance commitments, sorted by year, level, code, indicator. */
export function parseCommitments(
  text: string,
  dialect: CsvDialect,
  known: Known,
  file = "commitments.csv",
): { commitments: Commitment[] | null; problems: Problem[] } {
  const { rows, problems: found } = parseRows(text, dialect, commitmentsSchema(dialect, known, file));
  return { commitments: rows, problems: found };
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
