import { addMonths, formatMonth, formatPercent, formatPoints, roundToDisplay } from "../locale/format.js";
import type { FollowUpView, SupportAction, SupportOutcome } from "../model.js";
import type { ViewContext } from "./buildContext.js";

/** Better by at least this many points (reliable values) since support began: improving. */
export const IMPROVING_POINTS = 2;
/** Without improvement after at least this many school months: "sin mejora tras N meses". */
export const NO_IMPROVEMENT_MONTHS = 2;

/**
 * The result since support began (docs/decisions.md, "Who is already accompanied"): improving when
 * better by at least IMPROVING_POINTS on reliable values; otherwise "no-improvement" once
 * NO_IMPROVEMENT_MONTHS school months have passed since the first action's month, else flat.
 */
export function supportOutcome(goodPoints: number | null, months: number): SupportOutcome {
  if (goodPoints !== null && goodPoints >= IMPROVING_POINTS) return "improving";
  return months >= NO_IMPROVEMENT_MONTHS ? "no-improvement" : "flat";
}

/**
 * The follow-up of support.csv: per unit and indicator, the change from the last school month
 * before support started (the state that called for it) to the report's month, on shown values.
 * Actions dated after the report's month are left out, so a brief rebuilt later is the same.
 */
export function buildTeamBriefFollowUp(context: ViewContext, supportMonths: number): FollowUpView[] {
  const { index, period, locale } = context;
  const windowStart = addMonths(period, -(supportMonths - 1));
  const groups = new Map<string, SupportAction[]>();
  for (const action of index.dataset.support) {
    if (action.date.slice(0, 7) > period) continue;
    const key = `${action.level}|${action.code}|${action.indicator}`;
    const list = groups.get(key);
    if (list) list.push(action);
    else groups.set(key, [action]);
  }
  const views: FollowUpView[] = [];
  for (const actions of groups.values()) {
    const first = actions[0];
    const indicator = first ? index.indicators.get(first.indicator) : undefined;
    if (!first || !indicator) continue;
    const unit = { level: first.level, code: first.code };
    const started = first.date.slice(0, 7);
    const beforePeriod = [...context.calendar].reverse().find((month) => month < started) ?? null;
    const beforeCell = beforePeriod === null ? null : index.cell(unit, indicator, beforePeriod);
    const nowCell = index.cell(unit, indicator, period);
    const before = beforeCell?.shown ?? null;
    const now = nowCell.shown;
    const points = before === null || now === null ? null : roundToDisplay(now - before);
    const reliable = !!beforeCell?.reliable && nowCell.reliable;
    const good = points === null || !reliable ? null : indicator.better === "higher" ? points : -points;
    const months = context.calendar.filter((month) => month > started && month <= period).length;
    const last = actions[actions.length - 1]?.date.slice(0, 7) ?? started;
    views.push({
      unit: { ...unit, name: index.name(unit) },
      indicator: indicator.id,
      indicatorLabel: indicator.label[locale],
      since: first.date,
      actions: actions.map(({ date, action }) => ({ date, action })),
      beforePeriod,
      beforeLabel: beforePeriod === null ? "—" : formatMonth(beforePeriod, locale),
      before: { value: before, text: formatPercent(before, locale) },
      now: { value: now, text: formatPercent(now, locale) },
      change: {
        points,
        text: formatPoints(points, locale),
        good:
          points === null || points === 0 ? null : indicator.better === "higher" ? points > 0 : points < 0,
      },
      beforeReferential: beforeCell !== null && beforeCell.value !== null && !beforeCell.reliable,
      nowReferential: nowCell.value !== null && !nowCell.reliable,
      outcome: supportOutcome(good, months),
      months,
      current: last >= windowStart,
    });
  }
  // Oldest support first: the longest-running follow-ups lead.
  return views.sort(
    (a, b) =>
      (a.since < b.since ? -1 : a.since > b.since ? 1 : 0) ||
      (a.unit.code < b.unit.code ? -1 : a.unit.code > b.unit.code ? 1 : 0) ||
      (a.indicator < b.indicator ? -1 : a.indicator > b.indicator ? 1 : 0),
  );
}
