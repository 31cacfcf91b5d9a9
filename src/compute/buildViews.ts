import type { Dataset, Locale, Messages, Period, ReportView, UnitRef } from "../model.js";
import { formatMonth, parsePeriod } from "../locale/format.js";
import { buildAlerts } from "./buildAlerts.js";
import { buildContext, type ViewContext } from "./buildContext.js";
import { buildGoodPractices } from "./buildGoodPractices.js";
import { buildHeadline } from "./buildHeadline.js";
import { buildChange, buildIndicatorView, districtLabel } from "./buildIndicatorView.js";
import { buildCommitments } from "./buildCommitments.js";
import { buildCommitmentsSummary } from "./buildCommitmentsSummary.js";
import { buildContactView } from "./buildContactView.js";
import { buildMovers } from "./buildMovers.js";
import { buildNoVisits } from "./buildNoVisits.js";
import { buildRegionSchools } from "./buildRegionSchools.js";
import { buildSchoolsView } from "./buildSchoolsView.js";
import type { UnitKey } from "./indexDataset.js";

export interface BuildViewsOptions {
  locale: Locale;
  messages: Messages;
}

/**
 * Every report of a period: the national one, one per region, one per district (in that order,
 * each sorted by code), with every number, status, rank and sentence already decided. Pure: the
 * dataset, the period and the locale's messages are all it reads.
 */
export function buildViews(dataset: Dataset, period: Period, options: BuildViewsOptions): ReportView[] {
  parsePeriod(period);
  const context = buildContext(dataset, period, options.locale, options.messages);
  const html = new Map<string, string>();
  const units: UnitKey[] = [
    context.national,
    ...dataset.regions.map((region) => ({ level: "region" as const, code: region.code })),
    ...dataset.districts.map((district) => ({ level: "district" as const, code: district.code })),
  ];
  return units.map((unit) => buildView(context, unit, html));
}

/** The report of one unit. */
export function buildView(
  context: ViewContext,
  unit: UnitKey,
  html: Map<string, string> = new Map(),
): ReportView {
  const { index, period, locale } = context;
  const indicators = index.dataset.indicators;
  const district = unit.level === "district" ? index.districts.get(unit.code) : undefined;
  const regionCode = district?.regionCode ?? (unit.level === "region" ? unit.code : null);
  const region: UnitRef | null =
    district === undefined
      ? null
      : {
          level: "region",
          code: district.regionCode,
          name: index.name({ level: "region", code: district.regionCode }),
        };

  const views = indicators.map((indicator) => buildIndicatorView(context, unit, indicator));
  const reliableChange = new Set<string>();
  if (context.previousPeriod !== null) {
    for (const indicator of indicators) {
      const now = index.cell(unit, indicator, period);
      const before = index.cell(unit, indicator, context.previousPeriod);
      if (now.reliable && before.reliable) reliableChange.add(indicator.id);
    }
  }
  const alerts = indicators
    .flatMap((indicator, order) => buildAlerts(context, unit, indicator).map((alert) => ({ alert, order })))
    .sort((a, b) => a.alert.priority - b.alert.priority || a.order - b.order)
    .map(({ alert }) => alert);

  const regionDistrictCodes =
    unit.level === "national"
      ? index.dataset.districts.map((d) => d.code)
      : unit.level === "region"
        ? (index.regions.get(unit.code)?.districtCodes ?? [])
        : [];
  const tableUnits: UnitKey[] =
    unit.level === "national"
      ? index.dataset.regions.map((r) => ({ level: "region", code: r.code }))
      : unit.level === "region"
        ? (index.regions.get(unit.code)?.districtCodes ?? []).map((code) => ({ level: "district", code }))
        : [];

  return {
    level: unit.level,
    code: unit.code,
    name: index.name(unit),
    region,
    period,
    periodLabel: formatMonth(period, locale),
    locale,
    datasetName: index.dataset.config.name,
    synthetic: index.dataset.config.synthetic,
    thresholds: index.dataset.config.thresholds,
    headline: buildHeadline(context, views, reliableChange),
    indicators: views,
    alerts,
    goodPractices: buildGoodPractices(context, unit, unit.level === "national" ? null : regionCode, html),
    schools: unit.level === "district" ? buildSchoolsView(context, unit.code) : null,
    contact: buildContactView(context, unit),
    noVisits: unit.level === "district" ? buildNoVisits(context, unit.code) : null,
    movers:
      unit.level === "district"
        ? []
        : buildMovers(context, regionDistrictCodes, unit.level === "national", (code) =>
            unit.level === "national"
              ? districtLabel(context, code)
              : index.name({ level: "district", code }),
          ),
    regionSchools: unit.level === "region" ? buildRegionSchools(context, regionDistrictCodes) : [],
    // Only when there are commitments: views of datasets without commitments stay as they were.
    ...commitmentsFields(context, unit),
    table: tableUnits.map((row) => ({
      unit: { level: row.level, code: row.code, name: index.name(row) },
      cells: indicators.map((indicator) => {
        const cell = index.cell(row, indicator, period);
        const previous = context.previousPeriod;
        // A change only between two reliable values, as the alerts and the headline count them.
        const change =
          previous === null
            ? null
            : buildChange(context, indicator.better, cell, index.cell(row, indicator, previous), previous);
        const reliable = previous !== null && cell.reliable && index.cell(row, indicator, previous).reliable;
        return {
          indicator: indicator.id,
          value: cell.value,
          text: cell.text,
          status: cell.status,
          change: reliable ? change : null,
        };
      }),
    })),
  };
}

/** The commitments section (district, region) or the national summary, when the dataset has any. */
function commitmentsFields(
  context: ViewContext,
  unit: UnitKey,
): Pick<ReportView, "commitments" | "commitmentsSummary"> {
  if (unit.level === "national") {
    const summary = buildCommitmentsSummary(context);
    return summary ? { commitmentsSummary: summary } : {};
  }
  const own = buildCommitments(context, unit);
  return own ? { commitments: own } : {};
}
