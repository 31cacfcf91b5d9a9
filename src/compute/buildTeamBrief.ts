import {
  formatDecimal,
  formatInteger,
  formatMonth,
  formatPercent,
  parsePeriod,
  roundToDisplay,
} from "../locale/format.js";
import type { Dataset, SupportUnitView, TeamBriefView, WeakIndicatorView, WeakReason } from "../model.js";
import { redStreak } from "./buildAlerts.js";
import { buildCommitmentStanding, commitmentsOf } from "./buildCommitments.js";
import { buildContext, type ViewContext } from "./buildContext.js";
import type { BuildViewsOptions } from "./buildViews.js";
import { buildTeamBriefFollowUp } from "./buildTeamBriefFollowUp.js";
import { buildTeamBriefQuality } from "./buildTeamBriefQuality.js";
import { buildTeamBriefRanking } from "./buildTeamBriefRanking.js";

/** Below the minimum this many school months in a row, ending this month: a lasting problem. */
export const STREAK_MONTHS = 2;
/** Stories suggested per unit. */
export const STORIES_PER_UNIT = 2;
/** School months shown in a weak indicator's trend. */
const TREND_MONTHS = 3;

/**
 * The enabling team's monthly brief (docs/decisions.md, "The team's brief"): the districts that
 * need support ranked by buildTeamBriefRanking, each with its weak indicators, trend, contact
 * and fitting stories; the follow-up of support.csv; the month's data quality. Pure.
 */
export function buildTeamBrief(dataset: Dataset, period: string, options: BuildViewsOptions): TeamBriefView {
  parsePeriod(period);
  const context = buildContext(dataset, period, options.locale, options.messages);
  const candidates = dataset.districts.flatMap((district) => {
    const view = supportUnit(context, district.code);
    return view ? [view] : [];
  });
  const ranked = buildTeamBriefRanking(candidates.map((view) => ({ ...view, code: view.unit.code })));
  return {
    level: "team",
    period,
    periodLabel: formatMonth(period, options.locale),
    locale: options.locale,
    datasetName: dataset.config.name,
    synthetic: dataset.config.synthetic,
    fallAlert: dataset.config.thresholds.fallAlert,
    units: ranked.map(({ code: _code, ...view }) => view),
    followUp: buildTeamBriefFollowUp(context),
    quality: buildTeamBriefQuality(context),
  };
}

/** One district's weak indicators and what goes with them; null when none is weak. */
function supportUnit(context: ViewContext, code: string): Omit<SupportUnitView, "rank"> | null {
  const { index, period, locale, t } = context;
  const unit = { level: "district" as const, code };
  const district = index.districts.get(code);
  if (!district) return null;
  const fallAlert = index.dataset.config.thresholds.fallAlert;
  const atRisk = new Set(
    commitmentsOf(context, unit)
      .map((c) => buildCommitmentStanding(context, unit, c))
      // Only what support can still change: an out-of-reach commitment is lost for the year.
      .filter((row) => row.state === "at-risk")
      .map((row) => row.indicator),
  );
  const weak: WeakIndicatorView[] = [];
  for (const indicator of index.dataset.indicators) {
    const cell = index.cell(unit, indicator, period);
    const streak = redStreak(context, unit, indicator);
    const previousPeriod = context.previousPeriod;
    const previous = previousPeriod === null ? null : index.cell(unit, indicator, previousPeriod);
    const fall =
      previous && cell.reliable && previous.reliable && cell.shown !== null && previous.shown !== null
        ? roundToDisplay(
            indicator.better === "higher" ? previous.shown - cell.shown : cell.shown - previous.shown,
          )
        : null;
    const reasons: WeakReason[] = [];
    const reasonTexts: string[] = [];
    if (streak >= STREAK_MONTHS) {
      reasons.push("red-streak");
      reasonTexts.push(t("team.reason.red-streak", { months: formatInteger(streak, locale) }));
    }
    if (fall !== null && fall >= fallAlert) {
      reasons.push("fell");
      reasonTexts.push(t("team.reason.fell", { points: formatDecimal(fall, locale) }));
    }
    if (atRisk.has(indicator.id)) {
      reasons.push("commitment");
      reasonTexts.push(t("team.reason.commitment"));
    }
    if (reasons.length === 0) continue;
    const trendMonths = context.calendar.slice(-TREND_MONTHS);
    weak.push({
      indicator: indicator.id,
      indicatorLabel: indicator.label[locale],
      value: { value: cell.value, text: cell.text },
      status: cell.status,
      statusLabel: context.statusLabel(cell.status),
      reasons,
      reasonTexts,
      trendText: trendMonths
        .map((month) => formatPercent(index.cell(unit, indicator, month).value, locale))
        .join(" → "),
      redStreak: streak,
      fall,
    });
  }
  if (weak.length === 0) return null;
  const region = index.regions.get(district.regionCode);
  const weakIds = new Set(weak.map((w) => w.indicator));
  const stories = index.dataset.goodPractices
    .flatMap((story) => {
      const from = index.districts.get(story.district);
      const indicator = index.indicators.get(story.indicator);
      if (!from || !indicator || !weakIds.has(story.indicator) || story.period > period) return [];
      if (from.code === code) return [];
      return [{ story, from, indicator, own: from.regionCode === district.regionCode ? 0 : 1 }];
    })
    .sort(
      (a, b) =>
        a.own - b.own ||
        (a.story.period < b.story.period ? 1 : a.story.period > b.story.period ? -1 : 0) ||
        (a.story.file < b.story.file ? -1 : a.story.file > b.story.file ? 1 : 0),
    )
    .slice(0, STORIES_PER_UNIT)
    .map(({ story, from, indicator }) => ({
      title: story.title,
      file: story.file,
      district: from.name,
      region: index.regions.get(from.regionCode)?.name ?? from.regionCode,
      indicatorLabel: indicator.label[locale],
    }));
  const contact = index.dataset.contacts.find((c) => c.level === "district" && c.code === code) ?? null;
  return {
    unit: { ...unit, name: district.name },
    region: region ? { level: "region", code: region.code, name: region.name } : null,
    streaks: weak.filter((w) => w.reasons.includes("red-streak")).length,
    commitmentsAtRisk: weak.filter((w) => w.reasons.includes("commitment")).length,
    worstFall: Math.max(0, ...weak.map((w) => w.fall ?? 0)),
    weak,
    contact,
    stories,
  };
}
