import type { Alert, AlertKind, Indicator } from "../model.js";
import {
  formatDecimal,
  formatInteger,
  formatMonth,
  formatPercent,
  roundToDisplay,
} from "../locale/format.js";
import type { ViewContext } from "./buildContext.js";
import type { UnitKey } from "./indexDataset.js";

/** Most important first: the order of the issue. */
export const ALERT_PRIORITY: Record<AlertKind, number> = {
  fell: 1,
  "red-streak": 2,
  "below-minimum": 3,
  "turned-green": 4,
  "no-data": 5,
  referential: 6,
};

/**
 * The alerts of one unit for one indicator (docs/decisions.md, "Alerts"):
 * - fell: worse by at least `fallAlert` points than last school month, both values reliable;
 * - red-streak: red in each of the last three school months (replaces below-minimum);
 * - below-minimum: red this month (past the minimum);
 * - turned-green: green now, amber or red last school month;
 * - no-data: no value this month;
 * - referential: few schools or high cv (a missing target raises no alert).
 */
export function buildAlerts(context: ViewContext, unit: UnitKey, indicator: Indicator): Alert[] {
  const { index, period, locale, t } = context;
  const thresholds = index.dataset.config.thresholds;
  const cell = index.cell(unit, indicator, period);
  const label = indicator.label[locale];
  const alerts: Alert[] = [];
  const add = (kind: AlertKind, text: string) =>
    alerts.push({ kind, indicator: indicator.id, priority: ALERT_PRIORITY[kind], text });
  const value = formatPercent(cell.value, locale);

  const previousPeriod = context.previousPeriod;
  const previous = previousPeriod === null ? null : index.cell(unit, indicator, previousPeriod);
  if (
    previousPeriod !== null &&
    previous &&
    cell.reliable &&
    previous.reliable &&
    cell.shown !== null &&
    previous.shown !== null
  ) {
    const change = roundToDisplay(cell.shown - previous.shown);
    const worsening = indicator.better === "higher" ? -change : change;
    if (worsening >= thresholds.fallAlert) {
      add(
        "fell",
        t(`alert.fell.${indicator.better}`, {
          indicator: label,
          points: formatDecimal(Math.abs(change), locale),
          month: formatMonth(previousPeriod, locale),
          previous: formatPercent(previous.value, locale),
          current: value,
        }),
      );
    }
  }

  if (cell.status === "red") {
    const streak =
      context.streakPeriods !== null &&
      context.streakPeriods.every((month) => index.cell(unit, indicator, month).status === "red");
    if (streak) add("red-streak", t("alert.red-streak", { indicator: label, value }));
    else {
      add(
        "below-minimum",
        t(`alert.below-minimum.${indicator.better}`, {
          indicator: label,
          value,
          minimum: formatPercent(cell.targets.minimum, locale),
        }),
      );
    }
  }

  if (cell.status === "green" && previous && (previous.status === "amber" || previous.status === "red")) {
    add(
      "turned-green",
      t("alert.turned-green", {
        indicator: label,
        value,
        target: formatPercent(cell.targets.target, locale),
      }),
    );
  }

  if (cell.status === "no-data") add("no-data", t("alert.no-data", { indicator: label }));

  if (cell.reason === "few-schools" || cell.reason === "high-cv") {
    const reason =
      cell.reason === "few-schools"
        ? t("reason.few-schools", {
            schools: formatInteger(cell.schools, locale),
            min: formatInteger(thresholds.minSchools, locale),
          })
        : t("reason.high-cv", {
            cv: formatDecimal(cell.cv, locale),
            max: formatDecimal(thresholds.maxCv, locale),
          });
    add("referential", t("alert.referential", { indicator: label, value, reason }));
  }
  return alerts;
}
