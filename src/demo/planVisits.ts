import type { Period } from "../model.js";
import { LAST, NO_DATA_LAST, PERIODS, PREV, STRIKE, VISITS_PER_MONTH } from "./demoSettings.js";
import { rng } from "./random.js";
import type { DemoDistrict } from "./readUnits.js";
import type { DistrictProfile } from "./unitEffects.js";

/** `visits.get(period).get(district)` = schools visited (absent = no rows that month). */
export type Visits = Map<Period, Map<string, number>>;

/** Schools visited in a district and month; 0 without a visit. */
export const visitsIn = (visits: Visits, period: Period, district: string): number =>
  visits.get(period)?.get(district) ?? 0;

/**
 * How many schools each district visits each month: about VISITS_PER_MONTH spread by district
 * size, with no rows for the strike's regions in the strike month, for NO_DATA_LAST districts in the
 * last month and for rare gaps, and 1–4 schools in some months (inspectors could not reach most).
 */
export function planVisits(
  districts: DemoDistrict[],
  profiles: Map<string, DistrictProfile>,
): { visits: Visits; noDataLast: Set<string> } {
  const weightOf = (code: string) => (profiles.get(code) as DistrictProfile).weight;
  const totalWeight = districts.reduce((s, d) => s + weightOf(d.code), 0);
  const noDataLast = new Set(
    rng("no-data-last")
      .sample(
        districts.filter((d) => d.code !== "120014" && d.regionCode !== "150101"),
        NO_DATA_LAST,
      )
      .map((d) => d.code),
  );
  const visits: Visits = new Map();
  for (const period of PERIODS) {
    const month = new Map<string, number>();
    const pm = rng("month-total", period);
    const total = VISITS_PER_MONTH * (1 + pm.normal(0, 0.03));
    for (const d of districts) {
      const r = rng("visits", d.code, period);
      const isApril = period.endsWith("-04");
      if (period === STRIKE.period && STRIKE.regions.includes(d.regionCode)) continue;
      if (period === LAST && noDataLast.has(d.code)) continue;
      const gap = r.next() < 0.006 && !isApril && period !== LAST && period !== PREV;
      if (gap) continue;
      let n = Math.round(((total * weightOf(d.code)) / totalWeight) * Math.exp(r.normal(0, 0.12)));
      if (!isApril && r.next() < 0.06) n = r.int(1, 4); // inspectors could not reach most schools
      month.set(d.code, Math.max(1, n));
    }
    visits.set(period, month);
  }
  return { visits, noDataLast };
}
