import { formatShare, NO_VALUE } from "../locale/format.js";
import type { Locale } from "../model.js";

/**
 * How a progress from the baseline to the target is told. A share is printed only when it means
 * something: with the target within 1 point of the baseline a tenth of a point moves it by 10 %
 * or more ("avance −1 069 %"), and beyond −100 % … 200 % the figure is noise. Then a phrase.
 *
 * - `unknown`: no progress (no value, no baseline, baseline = target);
 * - `near-baseline`: |target − baseline| ≤ 1 point;
 * - `far-behind`: below −100 %; `behind`: below 0; `far-past`: above 200 %;
 * - `share`: 0 … 200 %, printed as a percentage.
 */
export type ProgressKind = "share" | "behind" | "far-behind" | "far-past" | "near-baseline" | "unknown";

/** Within this many points of the baseline, a target makes progress a noise figure. */
export const NEAR_BASELINE_POINTS = 1;

export function progressKind(
  progress: number | null,
  baseline: number | null,
  target: number | null,
): ProgressKind {
  if (progress === null || !Number.isFinite(progress)) return "unknown";
  if (baseline !== null && target !== null && Math.abs(target - baseline) <= NEAR_BASELINE_POINTS)
    return "near-baseline";
  if (progress < -1) return "far-behind";
  if (progress < 0) return "behind";
  if (progress > 2) return "far-past";
  return "share";
}

/**
 * The progress as a reader sees it in a table cell: "48%", or the phrase that replaces a noise
 * figure ("meta casi igual a la línea de base").
 */
export function describeProgress(
  context: { t: (key: string, params?: Record<string, string>) => string; locale: Locale },
  progress: number | null,
  baseline: number | null,
  target: number | null,
): string {
  const kind = progressKind(progress, baseline, target);
  if (kind === "unknown") return NO_VALUE;
  return kind === "share" ? formatShare(progress, context.locale) : context.t(`progress.${kind}`);
}

/** The phrase for a progress that is not printed as a share; null when the share is printed or there is none. */
export function progressPhrase(
  t: (key: string, params?: Record<string, string>) => string,
  progress: number | null,
  baseline: number | null,
  target: number | null,
): string | null {
  const kind = progressKind(progress, baseline, target);
  return kind === "share" || kind === "unknown" ? null : t(`progress.${kind}`);
}
