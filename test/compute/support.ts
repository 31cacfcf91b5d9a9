import { buildViews } from "../../src/compute/buildViews.js";
import type { Dataset, IndicatorView, Locale, Period, ReportView } from "../../src/model.js";
import { messagesOf } from "../helpers/messages.js";

export function views(dataset: Dataset, period: Period = "2026-05", locale: Locale = "es"): ReportView[] {
  return buildViews(dataset, period, { locale, messages: messagesOf(locale) });
}

/** The view of one unit (PE, a region code or a district code). */
export function viewOf(
  dataset: Dataset,
  code: string,
  period: Period = "2026-05",
  locale: Locale = "es",
): ReportView {
  const found = views(dataset, period, locale).find((view) => view.code === code);
  if (!found) throw new Error(`no view for ${code}`);
  return found;
}

/** One indicator of one unit's view. */
export function indicatorOf(
  dataset: Dataset,
  code: string,
  indicator = "asistencia",
  period: Period = "2026-05",
): IndicatorView {
  const found = viewOf(dataset, code, period).indicators.find((view) => view.id === indicator);
  if (!found) throw new Error(`no indicator ${indicator} in ${code}`);
  return found;
}
