import { compare } from "../dataset/compare.js";
import { addMonths, formatPercent, roundToDisplay } from "../locale/format.js";
import type { Indicator, LearnFromView, Period } from "../model.js";
import type { ViewContext } from "./buildContext.js";
import type { UnitProfile } from "./buildUnitProfile.js";

/** Units in the section "UGEL para documentar buenas prácticas". */
export const LEARN_FROM_MAX = 10;
/** Most schools rural: at least this share of the schools visited. */
export const RURAL_MAJORITY = 0.5;

/**
 * Places to learn from (docs/decisions.md, "Places to learn from"): a district × indicator whose
 * value this month is reliable and either green without a 3-month fall of the alert or more
 * (strong) or not red and better by at least the
 * fall alert over 3 school months and over 12 months (clearly improving), in a hard context: most
 * of its schools rural, or its region below the minimum on that indicator. One entry per district
 * (its best), ordered by how many hard contexts, then how far above its region, then the code. Pure.
 */
export function buildTeamBriefLearnFrom(
  context: ViewContext,
  profiles: Map<string, UnitProfile>,
): LearnFromView[] {
  const { index, period, locale } = context;
  const alert = index.dataset.config.thresholds.fallAlert;
  const back3 = context.calendar.length >= 4 ? (context.calendar[context.calendar.length - 4] ?? null) : null;
  const back12 = addMonths(period, -12);
  const change = (indicator: Indicator, code: string, then: Period | null): number | null => {
    if (then === null) return null;
    const unit = { level: "district" as const, code };
    const now = index.cell(unit, indicator, period);
    const before = index.cell(unit, indicator, then);
    if (!now.reliable || !before.reliable || now.shown === null || before.shown === null) return null;
    return roundToDisplay(
      indicator.better === "higher" ? now.shown - before.shown : before.shown - now.shown,
    );
  };
  const best = new Map<string, LearnFromView & { above: number }>();
  for (const district of index.dataset.districts) {
    const profile = profiles.get(district.code);
    const unit = { level: "district" as const, code: district.code };
    const region = { level: "region" as const, code: district.regionCode };
    for (const indicator of index.dataset.indicators) {
      const cell = index.cell(unit, indicator, period);
      if (!cell.reliable || cell.shown === null || cell.status === "red" || cell.status === "no-data")
        continue;
      const change3 = change(indicator, district.code, back3);
      const change12 = change(indicator, district.code, back12);
      // Strong: green, and not falling by the alert or more over 3 months.
      const strong = cell.status === "green" && (change3 === null || change3 > -alert);
      const improving = change3 !== null && change3 >= alert && (change12 === null || change12 >= alert);
      if (!strong && !improving) continue;
      const regionCell = index.cell(region, indicator, period);
      const hard: LearnFromView["hard"] = [];
      if (profile?.ruralShare != null && profile.ruralShare >= RURAL_MAJORITY) hard.push("rural");
      if (regionCell.reliable && regionCell.status === "red") hard.push("region-red");
      if (hard.length === 0) continue;
      const above =
        regionCell.shown === null
          ? 0
          : roundToDisplay(
              indicator.better === "higher" ? cell.shown - regionCell.shown : regionCell.shown - cell.shown,
            );
      const story = index.dataset.goodPractices.find(
        (s) => s.district === district.code && s.indicator === indicator.id && s.period <= period,
      );
      const entry = {
        unit: { ...unit, name: district.name },
        region: { ...region, name: index.name(region) },
        indicator: indicator.id,
        indicatorLabel: indicator.label[locale],
        value: { value: cell.value, text: cell.text },
        change3,
        change12,
        regionValue: { value: regionCell.value, text: formatPercent(regionCell.value, locale) },
        ruralShare: profile?.ruralShare ?? null,
        hard,
        story: story ? story.title : null,
        above,
      };
      const held = best.get(district.code);
      if (!held || order(entry, held) < 0) best.set(district.code, entry);
    }
  }
  return [...best.values()]
    .sort(order)
    .slice(0, LEARN_FROM_MAX)
    .map(({ above: _above, ...view }) => view);
}

function order(a: LearnFromView & { above: number }, b: LearnFromView & { above: number }): number {
  return (
    b.hard.length - a.hard.length ||
    b.above - a.above ||
    compare(a.unit.code, b.unit.code) ||
    compare(a.indicator, b.indicator)
  );
}
