import type { Indicator, Level, Target } from "../model.js";

export interface ResolvedTargets {
  target: number | null;
  baseline: number | null;
  /** The minimum the rule uses: the given one, else target − amberBand (target + amberBand when lower is better). */
  minimum: number | null;
  /** Whose row was used after the fallback district → region → national. */
  source: Level | "none";
}

/** The key of a target row in the index. */
export const targetKey = (year: number, level: Level, code: string, indicator: string) =>
  `${year}|${level}|${code}|${indicator}`;

/**
 * The targets of one unit for one indicator and year. The fallback takes whole rows: a district
 * row without a minimum gets target − amberBand, never its region's minimum.
 */
export function resolveTargets(
  targets: ReadonlyMap<string, Target>,
  chain: { level: Level; code: string }[],
  indicator: Indicator,
  year: number,
  amberBand: number,
): ResolvedTargets {
  for (const { level, code } of chain) {
    const row = targets.get(targetKey(year, level, code, indicator.id));
    if (!row) continue;
    const band = indicator.better === "higher" ? -amberBand : amberBand;
    return {
      target: row.target,
      baseline: row.baseline ?? null,
      minimum: row.minimum ?? row.target + band,
      source: level,
    };
  }
  return { target: null, baseline: null, minimum: null, source: "none" };
}
