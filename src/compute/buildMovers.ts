import type { MoverView } from "../model.js";
import { compareNames, formatPercent } from "../locale/format.js";
import type { ViewContext } from "./buildContext.js";
import { buildChange } from "./buildIndicatorView.js";

/** How many districts a movers list names. */
export const MOVERS = 6;

/**
 * The districts whose month went worst: for each district its largest fall since last school month
 * among reliable values (at least `fallAlert` points, as the "fell" alert), and, on national lists,
 * any indicator that turned red (red now, reliable and not red last month). Turned-red first, then
 * by the size of the fall, then name. One row per district: its worst indicator.
 * `label` names the district as the list needs ("DRE … – UGEL …" nationally).
 */
export function buildMovers(
  context: ViewContext,
  districtCodes: string[],
  includeTurnedRed: boolean,
  label: (code: string) => string,
): MoverView[] {
  const { index, period, locale } = context;
  const previous = context.previousPeriod;
  if (previous === null) return [];
  const fallAlert = index.dataset.config.thresholds.fallAlert;
  const found: (MoverView & { size: number })[] = [];
  for (const code of districtCodes) {
    const unit = { level: "district" as const, code };
    let best: (MoverView & { size: number }) | null = null;
    for (const indicator of index.dataset.indicators) {
      const now = index.cell(unit, indicator, period);
      const before = index.cell(unit, indicator, previous);
      if (!now.reliable || !before.reliable) continue;
      const change = buildChange(context, indicator.better, now, before, previous);
      const size = change.good === false && change.points !== null ? Math.abs(change.points) : 0;
      const turnedRed = includeTurnedRed && now.status === "red" && before.status !== "red";
      if (!turnedRed && size < fallAlert) continue;
      const candidate = {
        district: { level: "district" as const, code, name: index.name(unit) },
        label: label(code),
        indicator: indicator.id,
        indicatorLabel: indicator.label[locale],
        change,
        previousText: formatPercent(before.value, locale),
        currentText: now.text,
        status: now.status,
        turnedRed,
        size,
      };
      if (
        !best ||
        Number(candidate.turnedRed) > Number(best.turnedRed) ||
        (candidate.turnedRed === best.turnedRed && candidate.size > best.size)
      )
        best = candidate;
    }
    if (best) found.push(best);
  }
  found.sort(
    (a, b) => Number(b.turnedRed) - Number(a.turnedRed) || b.size - a.size || compareNames(a.label, b.label),
  );
  return found.slice(0, MOVERS).map(({ size: _size, ...mover }) => mover);
}
