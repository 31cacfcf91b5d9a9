import type { CsvDialect, Problem, Target } from "../model.js";
import { compare } from "./compare.js";
import { anyText, indicator, optionalPercent, percent, year } from "./csvColumns.js";
import type { CsvSchema } from "./csvSchema.js";
import type { Known } from "./known.js";
import { parseRows } from "./parseCsv.js";
import { checkLevelCode, isLevel } from "./parseLevel.js";
import { problems } from "./problems.js";

const columnsOf = (decimal: "." | ",", known: Known) => ({
  year: year(),
  level: anyText(),
  code: anyText(),
  indicator: indicator(known),
  target: percent(decimal, problems.targetOutOfRange),
  baseline: optionalPercent(decimal, problems.targetOutOfRange),
  minimum: optionalPercent(decimal, problems.targetOutOfRange),
});

const LEVEL_ORDER = { national: 0, region: 1, district: 2 };

/** The order of targets.csv and commitments.csv rows: year, level (national first), code, indicator. */
export function compareYearUnitIndicator(
  a: { year: number; level: keyof typeof LEVEL_ORDER; code: string; indicator: string },
  b: { year: number; level: keyof typeof LEVEL_ORDER; code: string; indicator: string },
): number {
  return (
    a.year - b.year ||
    LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level] ||
    compare(a.code, b.code) ||
    compare(a.indicator, b.indicator)
  );
}

/** targets.csv: one row per year × unit × indicator; the minimum on the amber side of the target. */
export function targetsSchema(
  dialect: Pick<CsvDialect, "decimal">,
  known: Known,
  file = "targets.csv",
): CsvSchema<ReturnType<typeof columnsOf>, Target> {
  return {
    file,
    columns: columnsOf(dialect.decimal, known),
    unique: {
      columns: ["year", "level", "code", "indicator"],
      at: "year",
      problem: (first) => problems.duplicateTarget(first),
    },
    check: ({ indicator, target, minimum }, row) => {
      row.add(checkLevelCode(known, row.raw.level, row.raw.code, row.where("level"), row.where("code")));
      const better = indicator === null ? undefined : known.indicators?.get(indicator)?.better;
      if (better && target !== null && minimum !== null && minimum !== undefined)
        if (better === "higher" ? minimum > target : minimum < target)
          row.problem("minimum", problems.minimumPastTarget(minimum, target, better));
    },
    build: ({ year, level, code, indicator, target, baseline, minimum }) =>
      isLevel(level)
        ? {
            year,
            level,
            code,
            indicator,
            target,
            ...(baseline !== undefined ? { baseline } : {}),
            ...(minimum !== undefined ? { minimum } : {}),
          }
        : null,
    order: compareYearUnitIndicator,
  };
}

/** targets.csv → targets sorted by year, level, code, indicator. */
export function parseTargets(
  text: string,
  dialect: CsvDialect,
  known: Known,
  file = "targets.csv",
): { targets: Target[] | null; problems: Problem[] } {
  const { rows, problems: found } = parseRows(text, dialect, targetsSchema(dialect, known, file));
  return { targets: rows, problems: found };
}
