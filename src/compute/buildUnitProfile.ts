import type { Period } from "../model.js";
import type { ViewContext } from "./buildContext.js";

/** A district's context, from the data: its share of rural schools and its size. */
export interface UnitProfile {
  regionCode: string;
  /** Share (0–1) of its schools in schools.csv marked `area` rural, latest month up to the period; null without `area`. */
  ruralShare: number | null;
  /** Schools visited this month (the most over its indicators). */
  schools: number;
}

/** Every district's profile, for story matching and the places to learn from. Pure. */
export function buildUnitProfiles(context: ViewContext): Map<string, UnitProfile> {
  const { index, period } = context;
  const months: Period[] = [...context.calendar].reverse();
  const profiles = new Map<string, UnitProfile>();
  for (const district of index.dataset.districts) {
    const unit = { level: "district" as const, code: district.code };
    let ruralShare: number | null = null;
    for (const month of months) {
      const rows = index.schools.get(`${month}|${district.code}`) ?? [];
      const areas = new Map<string, string>();
      for (const row of rows)
        if (row.info?.area) areas.set(row.schoolCode, row.info.area.trim().toLowerCase());
      if (areas.size === 0) continue;
      ruralShare = [...areas.values()].filter((area) => area === "rural").length / areas.size;
      break;
    }
    const schools = Math.max(
      0,
      ...index.dataset.indicators.map((indicator) => index.cell(unit, indicator, period).schools),
    );
    profiles.set(district.code, { regionCode: district.regionCode, ruralShare, schools });
  }
  return profiles;
}
