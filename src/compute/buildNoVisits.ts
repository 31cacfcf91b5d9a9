import type { NoVisitsView } from "../model.js";
import { formatMonth } from "../locale/format.js";
import type { ViewContext } from "./buildContext.js";

/** How many earlier months the short report shows. */
export const NO_VISITS_MONTHS = 3;

/**
 * A district with no result at all this month gets a short report: null when it has any value;
 * otherwise its last months with at least one value (at most three, newest first), so that the
 * reader sees where it stood rather than seven pages of "—".
 */
export function buildNoVisits(context: ViewContext, districtCode: string): NoVisitsView | null {
  const { index, period, locale } = context;
  const unit = { level: "district" as const, code: districtCode };
  const indicators = index.dataset.indicators;
  const hasValue = (month: string) =>
    indicators.some((indicator) => index.cell(unit, indicator, month).value !== null);
  if (hasValue(period)) return null;
  const months = context.calendar
    .filter((month) => month < period && hasValue(month))
    .slice(-NO_VISITS_MONTHS);
  return {
    lastMonths: months.reverse().map((month) => ({
      period: month,
      periodLabel: formatMonth(month, locale),
      cells: indicators.map((indicator) => {
        const cell = index.cell(unit, indicator, month);
        return { indicator: indicator.id, value: cell.value, text: cell.text, status: cell.status };
      }),
    })),
  };
}
