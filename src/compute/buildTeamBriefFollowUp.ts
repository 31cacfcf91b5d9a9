import { formatMonth, formatPercent, formatPoints, roundToDisplay } from "../locale/format.js";
import type { FollowUpView, SupportAction } from "../model.js";
import type { ViewContext } from "./buildContext.js";

/**
 * The follow-up of support.csv: per unit and indicator, the change from the last school month
 * before support started (the state that called for it) to the report's month, on shown values.
 * Actions dated after the report's month are left out, so a brief rebuilt later is the same.
 */
export function buildTeamBriefFollowUp(context: ViewContext): FollowUpView[] {
  const { index, period, locale } = context;
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
    const before = beforePeriod === null ? null : index.cell(unit, indicator, beforePeriod).shown;
    const now = index.cell(unit, indicator, period).shown;
    const points = before === null || now === null ? null : roundToDisplay(now - before);
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
