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
 * How many school months in a row, ending at the report's month, the value has been red. A month
 * without a value (a gap) ends the streak: we only count what was measured.
 */
export function redStreak(context: ViewContext, unit: UnitKey, indicator: Indicator): number {
  let months = 0;
  for (let i = context.calendar.length - 1; i >= 0; i -= 1) {
    const month = context.calendar[i] as string;
    if (context.index.cell(unit, indicator, month).status !== "red") break;
    months += 1;
  }
  return months;
}

/**
 * The alerts of one unit for one indicator (docs/decisions.md, "Alerts"):
 * - fell: worse by at least `fallAlert` points than last school month, both values reliable;
 * - red-streak: red in each of the last three or more school months, saying how many (replaces below-minimum);
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
    const months = redStreak(context, unit, indicator);
    if (months >= 3) {
      add(
        "red-streak",
        t("alert.red-streak", { indicator: label, value, months: formatInteger(months, locale) }),
      );
      (alerts[alerts.length - 1] as Alert).months = months;
    } else {
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
        ? t(cell.schools === 1 ? "reason.few-schools.one" : "reason.few-schools", {
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
