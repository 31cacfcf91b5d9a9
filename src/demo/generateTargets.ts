import { indexDataset, type UnitKey } from "../compute/indexDataset.js";
import { InternalError } from "../errors.js";
import { roundToDisplay } from "../locale/format.js";
import { NATIONAL_CODE, type Dataset, type Level, type Target } from "../model.js";
import { DEMO_INDICATORS, REGION_WITHOUT_TARGETS, THRESHOLDS } from "./demoSettings.js";
import { visitsIn, type Visits } from "./planVisits.js";
import { clamp, rng, type Random } from "./random.js";
import type { DemoDistrict } from "./readUnits.js";

/** The years with targets; each year's baseline is its April. */
export const TARGET_YEARS = ["2025", "2026"] as const;

/**
 * The districts without targets of their own (they fall back to their region's): the districts
 * of REGION_WITHOUT_TARGETS, those without a reliable April baseline (fewer schools than the
 * rule's minSchools: a referential value), and
 * random others up to about 10 % of the districts plus 3.
 */
export function chooseDistrictsWithoutTargets(districts: DemoDistrict[], visits: Visits): Set<string> {
  const without = new Set<string>();
  for (const d of districts) {
    if (d.regionCode === REGION_WITHOUT_TARGETS) without.add(d.code);
    // No reliable April baseline: the ministry keeps the region's targets.
    else if (TARGET_YEARS.some((year) => visitsIn(visits, `${year}-04`, d.code) < THRESHOLDS.minSchools))
      without.add(d.code);
  }
  const others = districts.filter((d) => !without.has(d.code));
  const target = Math.round(districts.length * 0.1) + 3;
  for (const d of rng("no-targets").sample(others, Math.max(0, target - without.size))) without.add(d.code);
  return without;
}

/** A target a few points above the baseline (fewer when there is little room left), and a minimum 5–8 points below it. */
function makeTarget(r: Random, level: Level, baselinePct: number) {
  const baseline = roundToDisplay(baselinePct);
  const room = 100 - baseline;
  const gain =
    level === "national"
      ? clamp(room * r.uniform(0.15, 0.3), 1, 3)
      : clamp(room * r.uniform(0.15, 0.35), 1, 5);
  const target = roundToDisplay(Math.min(100, baseline + gain));
  const minimum = roundToDisplay(Math.max(0, target - r.uniform(5, 8)));
  return { baseline, target, minimum };
}

/**
 * targets.csv: for each year, national, regional and district targets set from the unit's April
 * value. That value is the project's own roll-up (compute/indexDataset's cell: the sum of the
 * numerators over the sum of the denominators of the unit's districts), read from `dataset`, which
 * holds the results.
 */
export function generateTargets(dataset: Dataset, districtsWithoutTargets: Set<string>): Target[] {
  const index = indexDataset(dataset, NATIONAL_CODE, "es");
  const targets: Target[] = [];
  const add = (year: string, unit: UnitKey) => {
    for (const indicator of DEMO_INDICATORS) {
      const april = index.cell(unit, indicator, `${year}-04`).value;
      if (april === null) throw new InternalError(`no April ${year} value for ${unit.code} ${indicator.id}`);
      targets.push({
        year: Number(year),
        level: unit.level,
        code: unit.code,
        indicator: indicator.id,
        ...makeTarget(rng("t", year, unit.code, indicator.id), unit.level, april),
      });
    }
  };
  for (const year of TARGET_YEARS) {
    add(year, { level: "national", code: NATIONAL_CODE });
    for (const region of dataset.regions)
      if (region.code !== REGION_WITHOUT_TARGETS) add(year, { level: "region", code: region.code });
    for (const d of dataset.districts)
      if (!districtsWithoutTargets.has(d.code)) add(year, { level: "district", code: d.code });
  }
  return targets;
}
