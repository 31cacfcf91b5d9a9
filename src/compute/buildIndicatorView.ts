import type {
  ChangeView,
  Indicator,
  IndicatorView,
  MapSpec,
  Period,
  Ranking,
  SeriesPoint,
  Status,
  TargetsView,
  UnitValue,
} from "../model.js";
import {
  compareNames,
  formatDecimal,
  formatMonth,
  formatPercent,
  formatPoints,
  formatShare,
  roundToDisplay,
} from "../locale/format.js";
import type { ViewContext } from "./buildContext.js";
import { progressPhrase } from "./describeProgress.js";
import type { Cell, UnitKey } from "./indexDataset.js";
import { countTied, tieCut, type RankResult, type TieCut } from "./rankUnits.js";

export const STATUSES: readonly Status[] = ["green", "amber", "red", "referential", "no-data"];

export function emptyStatusCounts(): Record<Status, number> {
  return { green: 0, amber: 0, red: 0, referential: 0, "no-data": 0 };
}

/**
 * The change between two months in points, computed on the shown (rounded) values so that the
 * text adds up: 87.3 − 85.1 = +2.2. Null points when either value is missing.
 */
export function buildChange(
  context: ViewContext,
  better: Indicator["better"],
  current: Cell,
  earlier: Cell,
  period: Period,
): ChangeView {
  const points =
    current.shown === null || earlier.shown === null ? null : roundToDisplay(current.shown - earlier.shown);
  return {
    points,
    text: formatPoints(points, context.locale),
    good: points === null || points === 0 ? null : better === "higher" ? points > 0 : points < 0,
    period,
    periodLabel: formatMonth(period, context.locale),
    vsLabel: context.t("change.vs", { month: monthName(context, period) }),
  };
}

/**
 * The month compared with, as short as is unambiguous: "setiembre" within the report's year,
 * "oct. 2025" otherwise (a year-ago change, or December before March).
 */
export function monthName(context: ViewContext, period: Period): string {
  if (period.slice(0, 4) !== context.period.slice(0, 4)) return formatMonth(period, context.locale, "short");
  return formatMonth(period, context.locale).replace(/(\s+de)?\s+\d{4}$/, "");
}

/**
 * The targets, the progress from the year's baseline (docs/decisions.md) and the gap still to
 * cover, all on the shown value: 80.8 against a target of 83.4 → "faltan 2,6 p.p. para la meta".
 */
function buildTargets(context: ViewContext, cell: Cell, better: Indicator["better"]): TargetsView {
  const { target, baseline, minimum, source } = cell.targets;
  const progress =
    cell.shown === null || target === null || baseline === null || target === baseline
      ? null
      : (cell.shown - baseline) / (target - baseline);
  const gap =
    cell.shown === null || target === null
      ? null
      : Math.max(0, roundToDisplay(better === "higher" ? target - cell.shown : cell.shown - target));
  return {
    gap,
    gapText:
      gap === null
        ? "—"
        : gap === 0
          ? context.t("gap.reached")
          : context.t("gap.missing", { points: formatDecimal(gap, context.locale) }),
    baseline: { value: baseline, text: formatPercent(baseline, context.locale) },
    minimum: { value: minimum, text: formatPercent(minimum, context.locale) },
    target: { value: target, text: formatPercent(target, context.locale) },
    source,
    progress,
    progressPhrase: progressPhrase(context.t, progress, baseline, target),
    progressText:
      progress === null
        ? context.t("progress.unknown")
        : (progressPhrase(context.t, progress, baseline, target) ??
          context.t("progress.text", { share: formatShare(progress, context.locale) })),
  };
}

/** Which ranking a rank is in, so that "Puesto 6 de 10" says against what. */
type RankScope = "regionDistricts" | "nationDistricts" | "nationRegions";

function rankText(
  context: ViewContext,
  scope: RankScope,
  rank: number | null,
  of: number,
  excluded: number,
  tied: number,
): string {
  if (rank === null) return context.t(`rank.excluded.${scope}`);
  const base = context.t(`rank.position.${scope}`, { rank: String(rank), of: String(of) });
  // Shared with others: "Puesto 175 de 210 UGEL del país, empatada con 2 más".
  const position =
    tied > 1
      ? `${base}${context.t(tied === 2 ? "rank.tiedWith.one" : "rank.tiedWith.other", { count: String(tied - 1) })}`
      : base;
  return excluded > 0
    ? `${position} ${context.t("rank.excludedCount", { count: String(excluded) })}`
    : position;
}

function rankSummary(context: ViewContext, result: RankResult, code: string, scope: RankScope) {
  const rank = result.ranks.get(code) ?? null;
  const tied = rank === null ? 0 : countTied(result, rank);
  return {
    rank,
    of: result.ranked,
    excluded: result.excluded,
    tied,
    text: rankText(context, scope, rank, result.ranked, result.excluded, tied),
  };
}

function ranking(
  context: ViewContext,
  result: RankResult,
  level: UnitKey["level"],
  indicator: Indicator,
  selfCode: string | null,
): Ranking {
  return {
    units: result.order.map((code) =>
      context.unitValue({ level, code }, indicator, result.ranks.get(code) ?? null, code === selfCode),
    ),
    ranked: result.ranked,
    excluded: result.excluded,
  };
}

function mapSpec(
  context: ViewContext,
  layer: "region" | "district",
  codes: string[],
  drawAll: boolean,
  indicator: Indicator,
  highlight: string | undefined,
): MapSpec {
  return {
    layer,
    features: drawAll ? [] : codes,
    ...(highlight === undefined ? {} : { highlight }),
    values: codes.map((code) => {
      const cell = context.index.cell({ level: layer, code }, indicator, context.period);
      return {
        code,
        value: cell.value,
        status: cell.status,
        text: cell.text,
      };
    }),
  };
}

function countStatuses(context: ViewContext, codes: string[], indicator: Indicator): Record<Status, number> {
  const counts = emptyStatusCounts();
  for (const code of codes)
    counts[context.index.cell({ level: "district", code }, indicator, context.period).status] += 1;
  return counts;
}

/** "27 UGEL empatadas en el puesto 1; se muestran 10 (por nombre)", or "" when no tie is cut. */
function tieText(context: ViewContext, cut: TieCut | null): string {
  if (!cut) return "";
  return context.t("rank.tieCut", {
    tied: String(cut.tied),
    rank: String(cut.rank),
    shown: String(cut.shown),
  });
}

/** District label for national lists: "DRE Amazonas – UGEL Chachapoyas". */
export function districtLabel(context: ViewContext, code: string): string {
  const district = context.index.districts.get(code);
  const region = district ? context.index.regions.get(district.regionCode) : undefined;
  if (!district || !region) return district?.name ?? code;
  return context.t("unit.districtInRegion", { region: region.name, district: district.name });
}

/** One indicator of one report, all figures computed and formatted. */
export function buildIndicatorView(context: ViewContext, unit: UnitKey, indicator: Indicator): IndicatorView {
  const { index, period, locale, t } = context;
  const cell = index.cell(unit, indicator, period);
  const previous = context.previousPeriod;
  const yearAgo = context.yearAgoPeriod;

  const series: SeriesPoint[] = context.seriesPeriods.map((month) => {
    const point = index.cell(unit, indicator, month);
    return {
      period: month,
      label: formatMonth(month, locale, "short"),
      value: point.value,
      status: point.status,
      target: point.targets.target,
    };
  });

  const districts = context.rankDistricts(indicator);
  const regions = context.rankRegions(indicator);
  const regionCode =
    unit.level === "district"
      ? index.districts.get(unit.code)?.regionCode
      : unit.level === "region"
        ? unit.code
        : undefined;
  const regionRank = regionCode === undefined ? null : context.rankWithinRegion(regionCode, indicator);
  const regionDistricts =
    regionCode === undefined ? [] : (index.regions.get(regionCode)?.districtCodes ?? []);
  /** A district as a comparison or ranking row: its national rank and a "DRE – UGEL" label. */
  const districtValue = (code: string): UnitValue =>
    context.unitValue(
      { level: "district", code },
      indicator,
      districts.ranks.get(code) ?? null,
      false,
      districtLabel(context, code),
    );

  const comparisons: UnitValue[] = [];
  let peers: Ranking;
  let rankNational: IndicatorView["rankNational"] = null;
  let rankRegional: IndicatorView["rankRegional"] = null;
  let top: UnitValue[] = [];
  let bottom: UnitValue[] = [];
  let topTie = "";
  let bottomTie = "";
  let statusCounts: Record<Status, number> | null = null;
  let map: MapSpec;
  let districtMap: MapSpec | null = null;

  if (unit.level === "district") {
    comparisons.push(context.unitValue(unit, indicator, districts.ranks.get(unit.code) ?? null, true));
    if (regionCode !== undefined) {
      comparisons.push(
        context.unitValue(
          { level: "region", code: regionCode },
          indicator,
          regions.ranks.get(regionCode) ?? null,
          false,
        ),
      );
    }
    comparisons.push(context.unitValue(context.national, indicator, null, false));
    const neighbours = (index.neighbours.get(unit.code) ?? [])
      .filter((code) => index.districts.has(code))
      .map(districtValue)
      .sort((a, b) => compareNames(a.name, b.name) || (a.code < b.code ? -1 : 1));
    comparisons.push(...neighbours);
    peers = regionRank
      ? ranking(context, regionRank, "district", indicator, unit.code)
      : { units: [], ranked: 0, excluded: 0 };
    rankNational = rankSummary(context, districts, unit.code, "nationDistricts");
    rankRegional = regionRank ? rankSummary(context, regionRank, unit.code, "regionDistricts") : null;
    map = mapSpec(context, "district", regionDistricts, false, indicator, unit.code);
  } else if (unit.level === "region") {
    comparisons.push(context.unitValue(unit, indicator, regions.ranks.get(unit.code) ?? null, true));
    comparisons.push(context.unitValue(context.national, indicator, null, false));
    peers = regionRank
      ? ranking(context, regionRank, "district", indicator, null)
      : { units: [], ranked: 0, excluded: 0 };
    rankNational = rankSummary(context, regions, unit.code, "nationRegions");
    statusCounts = countStatuses(context, regionDistricts, indicator);
    map = mapSpec(context, "district", regionDistricts, false, indicator, undefined);
  } else {
    comparisons.push(context.unitValue(unit, indicator, null, true));
    peers = ranking(context, regions, "region", indicator, null);
    const ranked = districts.order.slice(0, districts.ranked);
    const topCodes = ranked.slice(0, 10);
    const bottomCodes = ranked.slice(-10).reverse();
    top = topCodes.map(districtValue);
    bottom = bottomCodes.map(districtValue);
    // A list that cuts a tie says so: "27 UGEL empatadas en el puesto 1; se muestran 10".
    topTie = tieText(context, tieCut(districts, topCodes, topCodes[topCodes.length - 1]));
    bottomTie = tieText(context, tieCut(districts, bottomCodes, bottomCodes[bottomCodes.length - 1]));
    const allDistricts = index.dataset.districts.map((district) => district.code);
    statusCounts = countStatuses(context, allDistricts, indicator);
    map = mapSpec(
      context,
      "region",
      index.dataset.regions.map((region) => region.code),
      true,
      indicator,
      undefined,
    );
    districtMap = mapSpec(context, "district", allDistricts, true, indicator, undefined);
  }

  return {
    id: indicator.id,
    label: indicator.label[locale],
    category: indicator.category,
    better: indicator.better,
    value: { value: cell.value, text: cell.text },
    numerator: cell.numerator,
    denominator: cell.denominator,
    schools: cell.schools,
    status: cell.status,
    statusLabel: t(`status.${cell.status}`),
    referentialReason: cell.reason,
    previous:
      previous === null
        ? null
        : buildChange(context, indicator.better, cell, index.cell(unit, indicator, previous), previous),
    yearAgo:
      yearAgo === null
        ? null
        : buildChange(context, indicator.better, cell, index.cell(unit, indicator, yearAgo), yearAgo),
    targets: buildTargets(context, cell, indicator.better),
    series,
    comparisons,
    peers,
    rankNational,
    rankRegional,
    top,
    bottom,
    topTie,
    bottomTie,
    statusCounts,
    map,
    districtMap,
  };
}
