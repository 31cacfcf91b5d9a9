import type { CsvDialect, Problem, SupportAction } from "../model.js";
import { compare } from "./compare.js";
import { anyText, date, indicator, name, oneOf } from "./csvColumns.js";
import type { CsvSchema } from "./csvSchema.js";
import type { Known } from "./known.js";
import { parseRows } from "./parseCsv.js";
import { checkLevelCode } from "./parseLevel.js";
import { problems } from "./problems.js";

const columnsOf = (known: Known, today?: string) => ({
  date: date(today),
  level: oneOf(["region", "district"] as const, problems.commitmentLevel),
  code: anyText(),
  indicator: indicator(known),
  // Printed in the brief: the same rule as every other name (no control characters, bounded).
  action: name(),
});

/**
 * support.csv (optional): the enabling team's support actions, one row per action (same date,
 * unit, indicator and action twice is a duplicate). `today` (the dataset's time zone) bounds dates.
 */
export function supportSchema(
  known: Known,
  file = "support.csv",
  today?: string,
): CsvSchema<ReturnType<typeof columnsOf>, SupportAction> {
  return {
    file,
    columns: columnsOf(known, today),
    unique: {
      columns: ["date", "level", "code", "indicator", "action"],
      at: "date",
      problem: (first) => problems.duplicateSupport(first),
    },
    check: ({ level }, row) => {
      if (level !== null)
        row.add(checkLevelCode(known, level, row.raw.code, row.where("level"), row.where("code")));
    },
    build: ({ date, level, code, indicator, action }) => ({ date, level, code, indicator, action }),
    order: (a, b) =>
      compare(a.level, b.level) ||
      compare(a.code, b.code) ||
      compare(a.indicator, b.indicator) ||
      compare(a.date, b.date),
  };
}

/**
 * support.csv (optional) → the enabling team's support actions, sorted by unit, indicator, date.
 * The brief's follow-up reads them: what changed in that indicator since support started.
 */
export function parseSupport(
  text: string,
  dialect: CsvDialect,
  known: Known,
  file = "support.csv",
  today?: string,
): { support: SupportAction[] | null; problems: Problem[] } {
  const { rows, problems: found } = parseRows(text, dialect, supportSchema(known, file, today));
  return { support: rows, problems: found };
}
