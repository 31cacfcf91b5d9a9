import type { Period } from "../model.js";
import { INDICATOR_IDS, LAST, PREV } from "./demoSettings.js";
import { visitsIn, type Visits } from "./planVisits.js";
import { rng } from "./random.js";
import type { DemoDistrict } from "./readUnits.js";

/** `shocks.get("district|indicator")` = logit shift per month. */
export type Shocks = Map<string, Partial<Record<Period, number>>>;

/**
 * Shocks in the last months, so that every alert kind happens: 24 well-visited districts with
 * targets of their own, one indicator each; 8 fall in the last month, 8 stay low for three months
 * (a red streak), 8 dip the month before and recover (turn green).
 */
export function planScenarios(districts: DemoDistrict[], visits: Visits, noTargets: Set<string>): Shocks {
  const eligible = districts.filter(
    (d) => !noTargets.has(d.code) && [LAST, PREV, "2026-08"].every((p) => visitsIn(visits, p, d.code) >= 8),
  );
  const chosen = rng("scenarios").sample(eligible, 24);
  const shocks: Shocks = new Map();
  chosen.forEach((d, k) => {
    const indicator = INDICATOR_IDS[(k * 3) % INDICATOR_IDS.length] as string;
    const key = `${d.code}|${indicator}`;
    if (k < 8) {
      shocks.set(key, { [LAST]: -1.0 });
    } else if (k < 16) {
      shocks.set(key, { "2026-08": -1.0, [PREV]: -1.0, [LAST]: -1.0 });
    } else {
      shocks.set(key, { [PREV]: -0.9, [LAST]: 0.7 });
    }
  });
  return shocks;
}
