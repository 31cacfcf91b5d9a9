import type {
  Dataset,
  Locale,
  Messages,
  MoneyView,
  Period,
  ReportView,
  TableRow,
  UnitRef,
} from "../model.js";
import { formatMonth, parsePeriod } from "../locale/format.js";
import { buildAlerts } from "./buildAlerts.js";
import { buildContext, type ViewContext } from "./buildContext.js";
import { buildGoodPractices } from "./buildGoodPractices.js";
import { buildHeadline } from "./buildHeadline.js";
import { buildChange, buildIndicatorView, districtLabel } from "./buildIndicatorView.js";
import { buildCommitments } from "./buildCommitments.js";
import { buildCommitmentsSummary } from "./buildCommitmentsSummary.js";
import { buildContactView } from "./buildContactView.js";
import { buildMoney } from "./buildMoney.js";
import { buildMovers } from "./buildMovers.js";
import { buildNoVisits } from "./buildNoVisits.js";
import { buildRegionSchools } from "./buildRegionSchools.js";
import { buildSchoolsView } from "./buildSchoolsView.js";
import { buildTeamPriority } from "./buildTeamPriority.js";
import type { UnitKey } from "./indexDataset.js";
import { InternalError } from "../errors.js";

export interface BuildViewsOptions {
  locale: Locale;
  messages: Messages;
  /** Only these units' views (`level/code`), e.g. the few with English readers; all when absent. */
  only?: ReadonlySet<string>;
}

/**
 * Every report of a period (or those of `only`): the national one, one per region, one per
 * district (in that order, each sorted by code), with every number, status, rank and sentence
 * already decided. A unit's view is the same whichever others are made. Pure: the
 * dataset, the period and the locale's messages are all it reads.
 */
export function buildViews(dataset: Dataset, period: Period, options: BuildViewsOptions): ReportView[] {
  parsePeriod(period);
  const context = buildContext(dataset, period, options.locale, options.messages);
  const html = new Map<string, string | null>();
  const units: UnitKey[] = [
    context.national,
    ...dataset.regions.map((region) => ({ level: "region" as const, code: region.code })),
    ...dataset.districts.map((district) => ({ level: "district" as const, code: district.code })),
  ];
  const only = options.only;
  return (only ? units.filter((unit) => only.has(`${unit.level}/${unit.code}`)) : units).map((unit) =>
    buildView(context, unit, html),
  );
}

/** The report of one unit: the shape of its level (NationalView, RegionView, DistrictView). */
export function buildView(
  context: ViewContext,
  unit: UnitKey,
  html: Map<string, string | null> = new Map(),
): ReportView {
  const { index, period, locale } = context;
  const indicators = index.dataset.indicators;

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

  // The fields every level has, in the order the views are written (`semaforo views`).
  const identity = { code: unit.code, name: index.name(unit) };
  const about = {
    period,
    periodLabel: formatMonth(period, locale),
    locale,
    datasetName: index.dataset.config.name,
    synthetic: index.dataset.config.synthetic,
    thresholds: index.dataset.config.thresholds,
    headline: buildHeadline(context, views, reliableChange),
    indicators: views,
    alerts,
  };
  const contact = buildContactView(context, unit);

  if (unit.level === "district") {
    const district = index.districts.get(unit.code);
    if (!district) throw new InternalError(`no district ${unit.code}`);
    const region: UnitRef = {
      level: "region",
      code: district.regionCode,
      name: index.name({ level: "region", code: district.regionCode }),
    };
    const commitments = buildCommitments(context, unit);
    return {
      level: "district",
      ...identity,
      region,
      ...about,
      goodPractices: buildGoodPractices(context, unit, district.regionCode, html),
      schools: buildSchoolsView(context, unit.code),
      contact,
      noVisits: buildNoVisits(context, unit.code),
      movers: [],
      regionSchools: [],
      // Only when there are commitments: views of datasets without commitments stay as they were.
      ...(commitments ? { commitments } : {}),
      ...withMoney(buildMoney(context, unit, commitments)),
      table: [],
    };
  }

  if (unit.level === "region") {
    const districtCodes = index.regions.get(unit.code)?.districtCodes ?? [];
    const commitments = buildCommitments(context, unit);
    return {
      level: "region",
      ...identity,
      region: null,
      ...about,
      goodPractices: buildGoodPractices(context, unit, unit.code, html),
      schools: null,
      contact,
      noVisits: null,
      movers: buildMovers(context, districtCodes, false, (code) => index.name({ level: "district", code })),
      regionSchools: buildRegionSchools(context, districtCodes),
      ...(commitments ? { commitments } : {}),
      teamPriority: buildTeamPriority(context, unit.code),
      ...withMoney(buildMoney(context, unit, commitments)),
      table: buildTable(
        context,
        districtCodes.map((code) => ({ level: "district", code })),
      ),
    };
  }

  const commitmentsSummary = buildCommitmentsSummary(context);
  return {
    level: "national",
    ...identity,
    region: null,
    ...about,
    goodPractices: buildGoodPractices(context, unit, null, html),
    schools: null,
    contact,
    noVisits: null,
    movers: buildMovers(
      context,
      index.dataset.districts.map((d) => d.code),
      true,
      (code) => districtLabel(context, code),
    ),
    regionSchools: [],
    ...(commitmentsSummary ? { commitmentsSummary } : {}),
    ...withMoney(buildMoney(context, unit, undefined)),
    table: buildTable(
      context,
      index.dataset.regions.map((r) => ({ level: "region", code: r.code })),
    ),
  };
}

const withMoney = (money: MoneyView | undefined) => (money ? { money } : {});

/** A report's table: each unit's value and status per indicator, and its change since last month. */
function buildTable(context: ViewContext, units: UnitKey[]): TableRow[] {
  const { index, period } = context;
  const indicators = index.dataset.indicators;
  return units.map((row) => ({
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
  }));
}
