import { buildViews } from "../../src/compute/buildViews.js";
import type {
  Dataset,
  IndicatorView,
  Level,
  LevelView,
  Locale,
  Period,
  ReportView,
} from "../../src/model.js";
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

/** The view of one unit of a given level, narrowed to that level's shape (throws on another level). */
export function viewAt<L extends Level>(
  dataset: Dataset,
  level: L,
  code: string,
  period: Period = "2026-05",
): LevelView<L> {
  const found = viewOf(dataset, code, period);
  if (!isLevel(found, level)) throw new Error(`${code} is a ${found.level} view, not ${level}`);
  return found;
}

const isLevel = <L extends Level>(view: ReportView, level: L): view is LevelView<L> => view.level === level;

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
