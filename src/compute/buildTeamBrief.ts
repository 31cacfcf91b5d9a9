import {
  formatDecimal,
  formatInteger,
  formatMonth,
  formatPercent,
  parsePeriod,
  roundToDisplay,
} from "../locale/format.js";
import { teamSettingsOf } from "../dataset/teamSettings.js";
import type {
  Dataset,
  FollowUpView,
  SupportOutcome,
  SupportUnitView,
  TeamBriefView,
  WeakIndicatorView,
  WeakReason,
} from "../model.js";
import { redStreak } from "./buildAlerts.js";
import { buildCommitmentStanding, commitmentsOf } from "./buildCommitments.js";
import { buildContext, type ViewContext } from "./buildContext.js";
import type { BuildViewsOptions } from "./buildViews.js";
import { buildTeamBriefFollowUp } from "./buildTeamBriefFollowUp.js";
import { buildTeamBriefLearnFrom } from "./buildTeamBriefLearnFrom.js";
import { buildTeamBriefQuality } from "./buildTeamBriefQuality.js";
import { buildTeamBriefRanking, scoreUnit } from "./buildTeamBriefRanking.js";
import { matchStories } from "./buildTeamBriefStories.js";
import { buildTrend, trendText } from "./buildTeamBriefTrend.js";
import { buildUnitProfiles } from "./buildUnitProfile.js";

/** Below the minimum this many school months in a row, ending this month: a lasting problem. */
export const STREAK_MONTHS = 2;
/** School months shown in a weak indicator's trend. */
const TREND_MONTHS = 3;

/**
 * The enabling team's monthly brief (docs/decisions.md, "The team's brief"): every district with a
 * weak indicator, scored and ranked (buildTeamBriefRanking); the first `team.capacity` to accompany,
 * the next ones to watch, the rest counted; who is already accompanied and how it goes; stories that
 * fit; places to learn from; the month's data quality. Pure.
 */
export function buildTeamBrief(dataset: Dataset, period: string, options: BuildViewsOptions): TeamBriefView {
  parsePeriod(period);
  const context = buildContext(dataset, period, options.locale, options.messages);
  const settings = teamSettingsOf(dataset.config);
  const followUp = buildTeamBriefFollowUp(context, settings.supportMonths);
  const ranked = rankSupportUnits(context, followUp);
  const profiles = buildUnitProfiles(context);
  const stories = matchStories(
    context,
    ranked.filter((u) => u.priority === "acompañar"),
    profiles,
  );
  return {
    level: "team",
    period,
    periodLabel: formatMonth(period, options.locale),
    locale: options.locale,
    datasetName: dataset.config.name,
    synthetic: dataset.config.synthetic,
    fallAlert: dataset.config.thresholds.fallAlert,
    settings,
    units: ranked.map((unit) => ({ ...unit, stories: stories.get(unit.unit.code) ?? [] })),
    learnFrom: buildTeamBriefLearnFrom(context, profiles),
    followUp,
    quality: buildTeamBriefQuality(context),
  };
}

/**
 * The ranked list with priorities, stories not yet matched: what the region reports need too (the
 * same list, the same order). `followUp` defaults to the support of the dataset's settings.
 */
export function rankSupportUnits(
  context: ViewContext,
  followUp: FollowUpView[] = buildTeamBriefFollowUp(
    context,
    teamSettingsOf(context.index.dataset.config).supportMonths,
  ),
): SupportUnitView[] {
  const settings = teamSettingsOf(context.index.dataset.config);
  const candidates = context.index.dataset.districts.flatMap((district) => {
    const view = supportUnit(context, district.code, followUp);
    return view ? [{ ...view, code: view.unit.code }] : [];
  });
  return buildTeamBriefRanking(candidates, settings.capacity).map(({ code: _code, ...view }) => view);
}

/** One district's weak indicators and what goes with them; null when none is weak. */
function supportUnit(
  context: ViewContext,
  code: string,
  followUp: FollowUpView[],
): Omit<SupportUnitView, "rank" | "priority"> | null {
  const { index, period, locale, t } = context;
  const unit = { level: "district" as const, code };
  const district = index.districts.get(code);
  if (!district) return null;
  const fallAlert = index.dataset.config.thresholds.fallAlert;
  const winnable = new Map<string, { amount: number; needed: number }>();
  for (const commitment of commitmentsOf(context, unit)) {
    const row = buildCommitmentStanding(context, unit, commitment);
    const indicator = index.indicators.get(commitment.indicator);
    const needed = row.needed.value;
    // Only what support can still change, and only when the value needed is plausible.
    if (row.state !== "at-risk" || needed === null || !indicator) continue;
    const best = bestReliable(context, unit, commitment.indicator);
    const plausible =
      best !== null &&
      needed >= 0 &&
      needed <= 100 &&
      (indicator.better === "higher" ? needed <= best : needed >= best);
    if (plausible) winnable.set(indicator.id, { amount: commitment.amount, needed });
  }
  const weak: WeakIndicatorView[] = [];
  const watch: string[] = [];
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
    const red = cell.status === "red";
    const minimum = cell.targets.minimum;
    const gap =
      red && cell.shown !== null && minimum !== null
        ? roundToDisplay(indicator.better === "higher" ? minimum - cell.shown : cell.shown - minimum)
        : 0;
    const fell = fall !== null && fall >= fallAlert;
    if (fell && cell.status === "green") {
      // A green value that fell is not weak: a note to watch.
      watch.push(
        t("team.watch", {
          indicator: indicator.label[locale],
          points: formatDecimal(fall, locale),
          value: cell.text,
        }),
      );
    }
    const reasons: WeakReason[] = [];
    const reasonTexts: string[] = [];
    if (streak >= STREAK_MONTHS) {
      reasons.push("red-streak");
      reasonTexts.push(t("team.reason.red-streak", { months: formatInteger(streak, locale) }));
    } else if (red) {
      reasons.push("below-minimum");
      reasonTexts.push(t("team.reason.below-minimum", { points: formatDecimal(gap, locale) }));
    }
    if (fell && cell.status !== "green") {
      reasons.push("fell");
      reasonTexts.push(t("team.reason.fell", { points: formatDecimal(fall, locale) }));
    }
    const commitment = winnable.get(indicator.id) ?? null;
    if (commitment) {
      reasons.push("commitment");
      reasonTexts.push(t("team.reason.commitment", { needed: formatPercent(commitment.needed, locale) }));
    }
    if (reasons.length === 0) continue;
    const trend = buildTrend(context, unit, indicator, context.calendar.slice(-TREND_MONTHS));
    weak.push({
      indicator: indicator.id,
      indicatorLabel: indicator.label[locale],
      value: { value: cell.value, text: cell.text },
      status: cell.status,
      statusLabel: context.statusLabel(cell.status),
      reasons,
      reasonTexts,
      trend,
      trendText: trendText(context, trend),
      redStreak: streak,
      fall,
      gap,
      winnable: commitment,
    });
  }
  if (weak.length === 0) return null;
  const score = scoreUnit(
    weak.map((w) => ({
      red: w.status === "red",
      gap: w.gap,
      redStreak: w.redStreak,
      fall: w.reasons.includes("fell") ? w.fall : null,
      winnable: w.winnable !== null,
    })),
  );
  const region = index.regions.get(district.regionCode);
  const contact = index.dataset.contacts.find((c) => c.level === "district" && c.code === code) ?? null;
  return {
    unit: { ...unit, name: district.name },
    region: region ? { level: "region", code: region.code, name: region.name } : null,
    score,
    reds: weak.filter((w) => w.status === "red").length,
    streaks: weak.filter((w) => w.reasons.includes("red-streak")).length,
    commitmentsAtRisk: weak.filter((w) => w.winnable !== null).length,
    worstFall: Math.max(0, ...weak.map((w) => (w.reasons.includes("fell") ? (w.fall ?? 0) : 0))),
    weak,
    watch,
    contact,
    supported: supportedMark(context, code, followUp),
    stories: [],
  };
}

/** The unit's best reliable shown value of the last 12 school months (lowest when lower is better). */
function bestReliable(
  context: ViewContext,
  unit: { level: "district"; code: string },
  id: string,
): number | null {
  const indicator = context.index.indicators.get(id);
  if (!indicator) return null;
  const values = context.seriesPeriods.flatMap((month) => {
    const cell = context.index.cell(unit, indicator, month);
    return cell.reliable && cell.shown !== null ? [cell.shown] : [];
  });
  if (values.length === 0) return null;
  return indicator.better === "higher" ? Math.max(...values) : Math.min(...values);
}

/** Accompanied now (actions in the last `supportMonths` months): since when, and how it goes. */
function supportedMark(
  context: ViewContext,
  code: string,
  followUp: FollowUpView[],
): SupportUnitView["supported"] {
  const rows = followUp.filter((f) => f.current && f.unit.level === "district" && f.unit.code === code);
  const first = rows[0];
  if (!first) return null;
  const since = rows.reduce((min, r) => (r.since < min ? r.since : min), first.since);
  const outcomes = rows.map((r) => r.outcome);
  const outcome: SupportOutcome = outcomes.includes("no-improvement")
    ? "no-improvement"
    : outcomes.every((o) => o === "improving")
      ? "improving"
      : "flat";
  const months = Math.max(...rows.map((r) => r.months));
  return {
    since,
    outcome,
    text: context.t(`team.supported.${outcome}`, { since, months: formatInteger(months, context.locale) }),
  };
}
