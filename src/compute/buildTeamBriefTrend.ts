import { formatMonth, formatPercent } from "../locale/format.js";
import type { Indicator, Period, BriefTrendPoint } from "../model.js";
import type { ViewContext } from "./buildContext.js";
import type { UnitKey } from "./indexDataset.js";

/**
 * A short series with its referential months marked (few schools, high cv): the brief shows them
 * grey with "ref." and the reason in a note, never as plain values. Pure.
 */
export function buildTrend(
  context: ViewContext,
  unit: UnitKey,
  indicator: Indicator,
  months: Period[],
): BriefTrendPoint[] {
  const { index, locale } = context;
  return months.map((period) => {
    const cell = index.cell(unit, indicator, period);
    const referential = cell.value !== null && !cell.reliable;
    return {
      period,
      label: formatMonth(period, locale, "short"),
      value: { value: cell.value, text: formatPercent(cell.value, locale) },
      referential,
      reason: referential ? referentialReason(context, cell.schools, cell.cv, cell.reason) : null,
    };
  });
}

/** Why a value is referential, in the brief's words: "1 escuelas visitadas", "CV de 17.4 %". */
export function referentialReason(
  context: ViewContext,
  schools: number,
  cv: number | null,
  reason: string | null,
): string {
  if (reason !== "high-cv" && schools === 1) return context.t("team.refOneSchool");
  return context.t(`team.quality.reason.${reason === "high-cv" ? "high-cv" : "few-schools"}`, {
    schools,
    cv: cv === null ? "—" : String(cv),
  });
}

/** "80,0 % → ref. 47,4 % → 83,0 %": the series as one line (the CSV's `trend`). */
export function trendText(context: ViewContext, trend: BriefTrendPoint[]): string {
  return trend
    .map((point) => (point.referential ? `${context.t("team.ref")} ${point.value.text}` : point.value.text))
    .join(" → ");
}
