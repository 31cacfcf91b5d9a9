import type { SchoolsView } from "../model.js";
import { compareNames, formatPercent, roundToDisplay } from "../locale/format.js";
import type { ViewContext } from "./buildContext.js";

/**
 * The monitored schools of a district for the month (schools.csv), catalogue-ordered columns of
 * the indicators that have school rows. A cell is below the minimum when its shown value is past
 * the district's minimum (the one its status uses). Flagged schools first, then by name and code.
 * Null when the district has no school rows for the month.
 */
export function buildSchoolsView(context: ViewContext, districtCode: string): SchoolsView | null {
  const { index, period, locale } = context;
  const rows = index.schools.get(`${period}|${districtCode}`);
  if (!rows || rows.length === 0) return null;
  const present = new Set(rows.map((row) => row.indicator));
  const indicators = index.dataset.indicators.filter((indicator) => present.has(indicator.id));
  const bySchool = new Map<string, { name: string; values: Map<string, number> }>();
  for (const row of rows) {
    let school = bySchool.get(row.schoolCode);
    if (!school) {
      school = { name: row.schoolName, values: new Map() };
      bySchool.set(row.schoolCode, school);
    }
    school.values.set(row.indicator, row.value);
  }
  const unit = { level: "district" as const, code: districtCode };
  const minimums = indicators.map((indicator) => ({
    indicator,
    minimum: index.cell(unit, indicator, period).targets.minimum,
  }));
  const result = [...bySchool.entries()].map(([code, school]) => {
    const cells = minimums.map(({ indicator, minimum }) => {
      const value = school.values.get(indicator.id) ?? null;
      const shown = value === null ? null : roundToDisplay(value);
      const belowMinimum =
        shown !== null &&
        minimum !== null &&
        (indicator.better === "higher" ? shown < minimum : shown > minimum);
      return { value, text: formatPercent(value, locale), belowMinimum };
    });
    return { code, name: school.name, cells, flagged: cells.some((cell) => cell.belowMinimum) };
  });
  result.sort(
    (a, b) =>
      Number(b.flagged) - Number(a.flagged) ||
      compareNames(a.name, b.name) ||
      (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
  );
  return {
    period,
    indicators: indicators.map((indicator) => ({ id: indicator.id, label: indicator.label[locale] })),
    rows: result,
  };
}
