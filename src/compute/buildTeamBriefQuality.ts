import { formatMonth } from "../locale/format.js";
import type { DataQualityView } from "../model.js";
import type { ViewContext } from "./buildContext.js";

/**
 * The month's data quality, per district: no result at all this month; referential values (which
 * indicator, and why); school months of the year so far (this month included) without any result.
 */
export function buildTeamBriefQuality(context: ViewContext): DataQualityView {
  const { index, period, locale, t } = context;
  const indicators = index.dataset.indicators;
  const yearMonths = context.calendar.filter((month) => month.slice(0, 4) === period.slice(0, 4));
  const quality: DataQualityView = { noVisits: [], referential: [], missingMonths: [] };
  for (const district of index.dataset.districts) {
    const unit = { level: "district" as const, code: district.code };
    const ref = { ...unit, name: district.name };
    const seen = (month: string) => indicators.some((i) => index.cell(unit, i, month).value !== null);
    if (!seen(period)) quality.noVisits.push(ref);
    const items = indicators.flatMap((indicator) => {
      const cell = index.cell(unit, indicator, period);
      // A missing target is the dataset's gap, not the month's data: it is not listed here.
      if (cell.status !== "referential" || cell.reason === null || cell.reason === "no-target") return [];
      return [
        t("team.quality.referentialItem", {
          indicator: indicator.label[locale],
          reason: t(`team.quality.reason.${cell.reason}`, {
            schools: cell.schools,
            cv: cell.cv === null ? "—" : String(cell.cv),
          }),
        }),
      ];
    });
    if (items.length > 0) quality.referential.push({ unit: ref, items });
    const missing = yearMonths.filter((month) => !seen(month));
    if (missing.length > 0)
      quality.missingMonths.push({ unit: ref, months: missing.map((m) => formatMonth(m, locale, "short")) });
  }
  return quality;
}
