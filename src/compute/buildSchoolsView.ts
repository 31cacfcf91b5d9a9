import type { Dataset, Period, SchoolInfo, SchoolRow, SchoolsView } from "../model.js";
import { compareNames, formatPercent, roundToDisplay } from "../locale/format.js";
import type { ViewContext } from "./buildContext.js";

/** How many schools the visit plan names. */
export const VISIT_FIRST = 5;

const yesNoCache = new WeakMap<Dataset, Map<Period, Set<string>>>();

/**
 * The indicators that are yes/no at school level in a month: every school value in the dataset is
 * 0 or 100 (the principal was there or not). Decided on the whole month, not one district, so that
 * a column never switches between "Sí/No" and percentages from one report to the next.
 */
function yesNoIndicators(dataset: Dataset, period: Period): Set<string> {
  let byPeriod = yesNoCache.get(dataset);
  if (!byPeriod) yesNoCache.set(dataset, (byPeriod = new Map<Period, Set<string>>()));
  let found = byPeriod.get(period);
  if (found) return found;
  const seen = new Set<string>();
  const mixed = new Set<string>();
  for (const row of dataset.schools) {
    if (row.period !== period) continue;
    seen.add(row.indicator);
    if (row.value !== 0 && row.value !== 100) mixed.add(row.indicator);
  }
  found = new Set([...seen].filter((id) => !mixed.has(id)));
  byPeriod.set(period, found);
  return found;
}

/** Most indicators below the minimum first, then the largest shortfall, then name and code. */
export function compareSchoolRows(a: SchoolRow, b: SchoolRow): number {
  return (
    b.belowCount - a.belowCount ||
    b.shortfall - a.shortfall ||
    compareNames(a.name, b.name) ||
    (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)
  );
}

/** Only the school facts the file gave (an empty object becomes null). */
function infoOf(info: SchoolInfo | undefined): SchoolInfo | null {
  if (!info) return null;
  const kept = Object.fromEntries(Object.entries(info).filter(([, v]) => typeof v === "string" && v !== ""));
  return Object.keys(kept).length ? kept : null;
}

/**
 * The monitored schools of a district for the month (schools.csv) as a visit plan. Columns: the
 * indicators that have school rows, catalogue order; a yes/no indicator reads "Sí"/"No". A cell is
 * below the minimum when its shown value is past the district's minimum (the one its status uses);
 * a school's shortfall is the sum of those distances (IE A, 0 against a minimum of 87.5 and 70.0
 * against 80.0: 2 below, shortfall 97.5). Null when the district has no school rows for the month.
 */
export function buildSchoolsView(context: ViewContext, districtCode: string): SchoolsView | null {
  const { index, period, locale, t } = context;
  const rows = index.schools.get(`${period}|${districtCode}`);
  if (!rows || rows.length === 0) return null;
  const present = new Set(rows.map((row) => row.indicator));
  const yesNo = yesNoIndicators(index.dataset, period);
  const indicators = index.dataset.indicators.filter((indicator) => present.has(indicator.id));
  const bySchool = new Map<string, { name: string; values: Map<string, number>; info?: SchoolInfo }>();
  for (const row of rows) {
    let school = bySchool.get(row.schoolCode);
    if (!school) {
      school = { name: row.schoolName, values: new Map() };
      bySchool.set(row.schoolCode, school);
    }
    school.values.set(row.indicator, row.value);
    if (row.info) school.info = { ...school.info, ...row.info };
  }
  const unit = { level: "district" as const, code: districtCode };
  const minimums = indicators.map((indicator) => ({
    indicator,
    minimum: index.cell(unit, indicator, period).targets.minimum,
    yesNo: yesNo.has(indicator.id),
  }));
  const result: SchoolRow[] = [...bySchool.entries()].map(([code, school]) => {
    let shortfall = 0;
    const failing: string[] = [];
    const cells = minimums.map(({ indicator, minimum, yesNo: binary }) => {
      const value = school.values.get(indicator.id) ?? null;
      const shown = value === null ? null : roundToDisplay(value);
      const past =
        shown === null || minimum === null
          ? 0
          : roundToDisplay(indicator.better === "higher" ? minimum - shown : shown - minimum);
      const belowMinimum = past > 0;
      if (belowMinimum) {
        shortfall += past;
        failing.push(indicator.label[locale]);
      }
      const text =
        value === null
          ? "—"
          : binary
            ? t(value === 100 ? "school.yes" : "school.no")
            : formatPercent(value, locale);
      return { value, text, belowMinimum };
    });
    return {
      code,
      name: school.name,
      districtCode,
      cells,
      flagged: failing.length > 0,
      belowCount: failing.length,
      shortfall: roundToDisplay(shortfall),
      failing,
      info: infoOf(school.info),
    };
  });
  result.sort(compareSchoolRows);
  return {
    period,
    indicators: minimums.map(({ indicator, yesNo: binary }) => ({
      id: indicator.id,
      label: indicator.label[locale],
      yesNo: binary,
    })),
    rows: result,
    visitFirst: result.filter((row) => row.belowCount > 0).slice(0, VISIT_FIRST),
  };
}
