import type { Period, Result } from "../model.js";
import {
  ANDEAN,
  INDICATOR_IDS,
  MODEL,
  PERIODS,
  SCHOOL_MONTHS,
  STRIKE,
  type PerIndicator,
} from "./demoSettings.js";
import { roundToDisplay } from "../locale/format.js";
import { fixed1 } from "./oneDecimal.js";
import { personName } from "./personName.js";
import type { Shocks } from "./planScenarios.js";
import type { Visits } from "./planVisits.js";
import { clamp, logistic, rng } from "./random.js";
import type { DemoDistrict, DemoRegion } from "./readUnits.js";
import { ratioCv, schoolIdentity, simulateSchools } from "./simulateSchools.js";
import { regionEffects, type DistrictProfile } from "./unitEffects.js";

/** One row of schools.csv, as written. */
export interface DemoSchoolRow {
  period: Period;
  district: string;
  code: string;
  name: string;
  indicator: string;
  /** "100" / "0" for a yes/no, else one decimal. */
  value: string;
  director: string;
  phone: string;
  level: string;
  area: string;
}

/**
 * results.csv and schools.csv. Per district d, indicator i and month m:
 *   p = logistic(base_i + region_i + rurality_d · rural_i + district_i + trend_i · t + season
 *                + region-month noise + district-month noise + scenario shocks)
 * then each visited school is simulated and the counts summed. `cv` is the ratio estimator's
 * (simulateSchools.ratioCv), capped at 999.9 and rounded to one decimal (roundToDisplay). The school rows of
 * SCHOOL_MONTHS take their names, directors and phones from streams of their own, so the figures
 * do not depend on them.
 */
export function generateResults(
  districts: DemoDistrict[],
  regions: DemoRegion[],
  profiles: Map<string, DistrictProfile>,
  visits: Visits,
  shocks: Shocks,
): { results: Result[]; schoolRows: DemoSchoolRow[] } {
  const regionEff = new Map(regions.map((reg) => [reg.code, regionEffects(reg)]));
  const results: Result[] = [];
  const schoolRows: DemoSchoolRow[] = [];
  const usedCodes = new Set<string>();
  PERIODS.forEach((period, t) => {
    const month = Number(period.slice(5));
    for (const d of districts) {
      const n = visits.get(period)?.get(d.code);
      if (n === undefined) continue;
      const prof = profiles.get(d.code) as DistrictProfile;
      const region = regionEff.get(d.regionCode) as PerIndicator;
      const rm = rng("region-month", d.regionCode, period);
      const dm = rng("district-month", d.code, period);
      const probs = {} as PerIndicator;
      for (const id of INDICATOR_IDS) {
        const m = MODEL[id];
        let x = m.base + region[id] + prof.rurality * m.rural + prof.effects[id];
        x += m.trend * t;
        // Cold months in the Andes: students and teachers miss more days.
        if (ANDEAN.has(d.regionCode) && (month === 6 || month === 7) && id.startsWith("asistencia-e"))
          x -= 0.25;
        // Back to school after the strike: hours are short in the months that follow.
        if (
          STRIKE.regions.includes(d.regionCode) &&
          id === "horas-clase" &&
          (period === "2026-07" || period === "2026-05")
        )
          x -= 0.35;
        x += rm.normal(0, 0.08) + dm.normal(0, 0.12);
        x += shocks.get(`${d.code}|${id}`)?.[period] ?? 0;
        probs[id] = clamp(logistic(x), 0.01, 0.995);
      }
      const schools = simulateSchools(d.code, period, n, probs);
      const population = Math.max(n + 1, Math.round(prof.weight * 230));
      for (const id of INDICATOR_IDS) {
        const items = schools.map((s) => s[id]);
        const cv = ratioCv(items, population);
        results.push({
          period,
          districtCode: d.code,
          indicator: id,
          numerator: items.reduce((s, it) => s + it.num, 0),
          denominator: items.reduce((s, it) => s + it.den, 0),
          schools: n,
          ...(cv === null ? {} : { cv: roundToDisplay(Math.min(cv, 999.9)) }),
        });
      }
      if (SCHOOL_MONTHS.includes(period)) {
        const r = rng("school-ids", d.code, period);
        for (const s of schools) {
          const who = schoolIdentity(r, usedCodes);
          // The optional visit-list columns, from their own stream so the figures do not change.
          const f = rng("school-facts", who.code);
          const facts = {
            director: personName(f),
            phone: `9${String(f.int(10000000, 99999999))}`,
            level: f.pick(["Inicial", "Primaria", "Primaria", "Secundaria"]),
            area: f.next() < 0.55 ? "rural" : "urbana",
          };
          for (const id of INDICATOR_IDS) {
            const { num, den } = s[id];
            schoolRows.push({
              period,
              district: d.code,
              code: who.code,
              name: who.name,
              indicator: id,
              value: den === 1 ? String(num * 100) : fixed1((100 * num) / den),
              ...facts,
            });
          }
        }
      }
    }
  });
  return { results, schoolRows };
}
