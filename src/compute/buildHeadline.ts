import type { Headline, IndicatorView } from "../model.js";
import { formatInteger } from "../locale/format.js";
import type { ViewContext } from "./buildContext.js";
import { emptyStatusCounts } from "./buildIndicatorView.js";

type Mover = NonNullable<Headline["biggestImprovement"]>;

/**
 * Counts of indicators by status, and the biggest improvement and the biggest setback since the
 * previous school month (only changes between two reliable values count; ties go to catalogue order).
 */
export function buildHeadline(
  context: ViewContext,
  indicators: IndicatorView[],
  reliableChange: Set<string>,
): Headline {
  const { t, locale } = context;
  const counts = emptyStatusCounts();
  for (const indicator of indicators) counts[indicator.status] += 1;

  let improvement: Mover | null = null;
  let fall: Mover | null = null;
  for (const indicator of indicators) {
    const change = indicator.previous;
    if (!change || change.points === null || change.good === null || !reliableChange.has(indicator.id))
      continue;
    const mover = { indicator: indicator.id, label: indicator.label, change };
    const size = Math.abs(change.points);
    if (change.good && (!improvement || size > Math.abs(improvement.change.points ?? 0))) improvement = mover;
    if (!change.good && (!fall || size > Math.abs(fall.change.points ?? 0))) fall = mover;
  }

  const n = (count: number) => formatInteger(count, locale);
  const parts = [
    t("headline.counts", {
      total: n(indicators.length),
      green: n(counts.green),
      amber: n(counts.amber),
      red: n(counts.red),
    }),
  ];
  const unrated = counts.referential + counts["no-data"];
  if (unrated > 0) parts.push(t("headline.unrated", { count: n(unrated) }));
  if (improvement)
    parts.push(t("headline.improvement", { indicator: improvement.label, points: improvement.change.text }));
  if (fall) parts.push(t("headline.fall", { indicator: fall.label, points: fall.change.text }));
  // A sentence ending in "p.p." takes no second full stop ("−11.2 p.p.", not "−11.2 p.p..").
  const text = parts.join(" ").replace(/\.\.(?=\s|$)/g, ".");
  return { counts, biggestImprovement: improvement, biggestFall: fall, text };
}
