import { formatInteger, formatMonth, formatPercent, formatShare } from "../../locale/format.js";
import type { Alert, IndicatorView, MapSpec, Messages, ReportView } from "../../model.js";
import { barChart } from "../charts/barChart.js";
import { bulletChart } from "../charts/bulletChart.js";
import { trendChart } from "../charts/trendChart.js";
import { choroplethMap } from "../maps/choroplethMap.js";
import type { GeoCache } from "../maps/GeoCache.js";
import { STATUS_ORDER } from "../palette.js";
import { statusIcon, type StatusIcon } from "../statusIcon.js";
import { barItem, changeCell, chip, countItems, percentTick, statusLabel, type T } from "./common.js";
import type { FigureBlock, IndicatorSection, RankRow } from "./types.js";

export interface SectionDeps {
  messages: Messages;
  t: T;
  geo: GeoCache;
}

/**
 * Figure sizes in SVG units. An indicator block has a main column (~110 mm: bullet, trend,
 * comparison or ranking, ranks) and a side column (~70 mm: maps, alerts); the heights are set so
 * that a district block stays under half the page (≤ 131 mm) and a district report fits two
 * indicators on a page. 420 units across the main column keep 10-unit text at ~7.3 pt.
 */
const MAIN_WIDTH = 420;
const MAP_SIZE = {
  national: { width: 330, maxHeight: 290 },
  region: { width: 300, maxHeight: 260 },
  district: { width: 300, maxHeight: 165 },
} as const;

/** Printed widths (mm) of the block's columns: `.cols` splits 186 mm less a 5 mm gap 1.55 : 1. */
const MAIN_MM = 110;
const SIDE_MM = 71;

/** Rough printed height (mm) of a figure in a column: caption, its SVG scaled to the column, notes. */
function figureMm(figure: FigureBlock, columnMm: number): number {
  const [width = 1, height = 0] = (/viewBox="0 0 ([\d.]+) ([\d.]+)"/.exec(figure.svg) ?? [])
    .slice(1)
    .map(Number);
  return 4.5 + (height * columnMm) / width + figure.notes.length * 3.5;
}

/** Rough printed height (mm) of the side column's alert list (≈ 48 characters a line). */
function alertsMm(alerts: { text: string }[]): number {
  if (!alerts.length) return 0;
  return 5 + alerts.reduce((sum, a) => sum + Math.ceil((a.text.length + 4) / 48) * 3.9 + 0.8, 0);
}

/** One indicator's block: the figures each level shows, as SVG, plus its facts, ranks and alerts. */
export function buildIndicatorSection(
  view: ReportView,
  ind: IndicatorView,
  index: number,
  deps: SectionDeps,
): IndicatorSection {
  const { messages, t } = deps;
  const tick = percentTick(view.locale);
  const targetLabel = (text: string): string => t("chart.target", { value: text });
  const target = ind.targets.target.value;

  const bullet: FigureBlock | null =
    view.level === "district" || view.level === "region"
      ? {
          title: t("chart.bulletTitle"),
          svg: bulletChart({
            title: t("chart.bulletAria", {
              indicator: ind.label,
              value: ind.value.text,
              minimum: ind.targets.minimum.text,
              target: ind.targets.target.text,
            }),
            better: ind.better,
            value: ind.value.value,
            valueText: ind.value.text,
            status: ind.status,
            minimum: ind.targets.minimum.value,
            target,
            minimumLabel: t("chart.minimum", { value: ind.targets.minimum.text }),
            targetLabel: targetLabel(ind.targets.target.text),
            noDataLabel: t("chart.noData"),
            formatTick: tick,
            width: MAIN_WIDTH,
          }),
          notes: [],
        }
      : null;

  let previousYear = "";
  // Each school year's target over its own months (its points are coloured against it).
  const segments: { first: number; last: number; value: number; label: string }[] = [];
  ind.series.forEach((p, i) => {
    const value = p.target;
    const open = segments[segments.length - 1];
    if (value === null) return;
    if (open && open.value === value && open.last === i - 1) open.last = i;
    else segments.push({ first: i, last: i, value, label: "" });
  });
  // Only the current target is labelled in the chart; earlier years' targets are named in a note
  // (a label there would sit on last year's points).
  const pastTargets: string[] = [];
  segments.forEach((segment, i) => {
    const text = formatPercent(segment.value, view.locale);
    if (i === segments.length - 1) segment.label = targetLabel(text);
    else
      pastTargets.push(
        t("chart.targetYear", { year: (ind.series[segment.first]?.period ?? "").slice(0, 4), value: text }),
      );
  });
  const trend: FigureBlock = {
    title: t("chart.trendTitle"),
    svg: trendChart({
      title: t("chart.trendAria", { indicator: ind.label, unit: view.name }),
      points: ind.series.map((p) => {
        const [month = p.label] = formatMonth(p.period, view.locale, "short").split(" ");
        const year = p.period.slice(0, 4);
        const showYear = year !== previousYear;
        previousYear = year;
        return {
          month,
          year: showYear ? year : "",
          value: p.value,
          valueText: formatPercent(p.value, view.locale),
          status: p.status,
        };
      }),
      target,
      targetLabel: targetLabel(ind.targets.target.text),
      targetSegments: segments,
      gapLabel: t("chart.gap"),
      formatTick: tick,
      width: MAIN_WIDTH,
      height: 96,
    }),
    notes: [
      ...(pastTargets.length ? [t("chart.targetYearNote", { targets: pastTargets.join("; ") })] : []),
      ...(ind.series.some((p) => p.value === null) ? [t("chart.gapNote")] : []),
    ],
  };

  const comparison: FigureBlock | null =
    view.level !== "national" && ind.comparisons.length
      ? {
          title: t(view.level === "district" ? "chart.comparisonDistrict" : "chart.comparisonRegion"),
          svg: barChart({
            title: t("chart.comparisonAria", { indicator: ind.label, unit: view.name }),
            items: ind.comparisons.map((u) => ({ ...barItem(u, false), label: shortName(u.name, view) })),
            target,
            targetLabel: targetLabel(ind.targets.target.text),
            formatTick: tick,
            width: MAIN_WIDTH,
            labelChars: 30,
            rowHeight: 12,
          }),
          // The bars are coloured against each unit's own target, the line is this report's: say
          // so here too (UGEL CUSCO red at 90.9 % beside Perú amber at 90.5 %).
          notes: [t("chart.colourNote", { unit: view.name })],
        }
      : null;

  const ranking: FigureBlock | null =
    view.level !== "district" && ind.peers.units.length
      ? {
          title: t(
            `${view.level === "national" ? "chart.rankingRegions" : "chart.rankingDistricts"}${ind.peers.excluded ? "Excluded" : ""}`,
            {
              ranked: formatInteger(ind.peers.ranked, view.locale),
              excluded: formatInteger(ind.peers.excluded, view.locale),
            },
          ),
          svg: barChart({
            title: t("chart.rankingAria", { indicator: ind.label, unit: view.name }),
            items: ind.peers.units.map((u) => barItem(u, true)),
            target,
            targetLabel: targetLabel(ind.targets.target.text),
            formatTick: tick,
            width: MAIN_WIDTH,
            labelChars: 28,
            rowHeight: 14,
          }),
          // Colours follow each unit's own target, the line is this report's: say so.
          notes: [
            t("chart.colourNote", { unit: view.name }),
            ...(ind.peers.excluded
              ? [t("chart.rankingExcluded", { count: formatInteger(ind.peers.excluded, view.locale) })]
              : []),
          ],
        }
      : null;

  const maps: FigureBlock[] = [];
  const legend = STATUS_ORDER.map((s) => ({ status: s, label: statusLabel(messages, t, s) }));
  const mapBlock = (
    spec: MapSpec,
    titleKey: string,
    size: { width: number; maxHeight: number },
  ): FigureBlock => {
    const projected = deps.geo.project({
      layer: spec.layer,
      codes: spec.features,
      width: size.width,
      maxHeight: size.maxHeight,
      inset: view.level === "national",
    });
    const title = t(titleKey, { indicator: ind.label, unit: view.region?.name ?? view.name });
    const highlightName = spec.highlight !== undefined ? view.name : null;
    // Areas drawn with no unit of the dataset (white): say what they are.
    const known = new Set(spec.values.map((v) => v.code));
    const outside = [...projected.features, ...(projected.inset?.features ?? [])].some(
      (f) => !known.has(f.code),
    );
    // A unit without a polygon is not drawn: say so rather than point at a black border.
    const onMap =
      spec.highlight === undefined ||
      projected.features.some((f) => f.code === spec.highlight) ||
      (projected.inset?.features.some((f) => f.code === spec.highlight) ?? false);
    return {
      title,
      svg: choroplethMap({
        title,
        map: projected,
        values: spec.values,
        ...(spec.highlight !== undefined ? { highlight: spec.highlight } : {}),
        legend,
        insetLabel: t("map.inset"),
      }),
      notes: [
        ...(highlightName ? [t(onMap ? "map.highlight" : "map.notOnMap", { name: highlightName })] : []),
        ...(outside ? [t("map.outside")] : []),
        t("map.credit"),
      ],
    };
  };
  if (view.level === "national") {
    maps.push(mapBlock(ind.map, "map.nationalRegions", MAP_SIZE.national));
    if (ind.districtMap) maps.push(mapBlock(ind.districtMap, "map.nationalDistricts", MAP_SIZE.national));
  } else {
    maps.push(mapBlock(ind.map, "map.regionDistricts", MAP_SIZE[view.level]));
  }

  // "directores presentes: 28 de 34": what was counted, when the locale names it.
  const counted = messages[`counted.${ind.id}`] ?? t("table.ratioOther");
  const facts = [
    { label: t("table.schools"), value: formatInteger(ind.schools, view.locale) },
    {
      label: counted,
      value: t("table.ratioValue", {
        numerator: formatInteger(ind.numerator, view.locale),
        denominator: formatInteger(ind.denominator, view.locale),
      }),
    },
    { label: t("table.minimum"), value: ind.targets.minimum.text },
    { label: t("table.target"), value: ind.targets.target.text },
    { label: t("table.gap"), value: ind.targets.gapText },
    ...(ind.targets.progress === null
      ? []
      : [
          {
            label: t("table.progress"),
            // A share that would be noise (below the baseline, far past the target, a target
            // almost at the baseline) is said in words.
            value: ind.targets.progressPhrase ?? formatShare(ind.targets.progress, view.locale),
          },
        ]),
    { label: t("table.targetSource"), value: t(`table.source.${ind.targets.source}`) },
    ...(ind.previous
      ? [{ label: t("table.change"), value: `${ind.previous.text} ${ind.previous.vsLabel}` }]
      : []),
    ...(ind.yearAgo
      ? [{ label: t("table.change"), value: `${ind.yearAgo.text} ${ind.yearAgo.vsLabel}` }]
      : []),
  ];
  const notes: string[] = [t(ind.better === "higher" ? "chart.betterHigher" : "chart.betterLower")];
  if (ind.referentialReason) notes.push(t(`method.reason.${ind.referentialReason}`));

  const rankTexts = [ind.rankRegional?.text, ind.rankNational?.text].filter((s): s is string => !!s);
  const alerts = alertsFor(view.alerts, ind.id);
  // The ranks go under the column that is shorter without them.
  const mainMm = [bullet, trend, comparison, ranking].reduce(
    (sum, f) => sum + (f ? figureMm(f, MAIN_MM) : 0),
    0,
  );
  const sideMm = maps.reduce((sum, f) => sum + figureMm(f, SIDE_MM) + 3.5, 0) + alertsMm(alerts);
  const rows = (units: typeof ind.top): RankRow[] =>
    units.map((u) => ({
      rank: u.rank !== null ? String(u.rank) : "—",
      name: u.name,
      valueText: u.text,
      chip: chip(messages, t, u.status),
      self: u.self,
    }));

  return {
    id: ind.id,
    number: t("section.indicatorNumber", { n: index + 1, of: view.indicators.length }),
    title: ind.label,
    category: ind.category,
    valueText: ind.value.text,
    change: changeCell(ind.previous),
    chip: chip(messages, t, ind.status, ind.statusLabel),
    facts,
    notes,
    bullet,
    trend,
    comparison,
    ranking,
    maps,
    rankTexts,
    ranksBeside: sideMm < mainMm,
    alerts,
    counts: ind.statusCounts ? countItems(messages, t, ind.statusCounts, view.locale) : [],
    listNote: ind.top.length ? t("chart.colourNoteList") : "",
    top: ind.top.length
      ? { title: t("section.top", { n: ind.top.length }), rows: rows(ind.top), note: ind.topTie }
      : null,
    bottom: ind.bottom.length
      ? { title: t("section.bottom", { n: ind.bottom.length }), rows: rows(ind.bottom), note: ind.bottomTie }
      : null,
  };
}

export function alertsFor(alerts: Alert[], indicator?: string): { text: string; icon: StatusIcon }[] {
  return alerts
    .filter((a) => indicator === undefined || a.indicator === indicator)
    .map((a) => ({
      text: a.text,
      icon: statusIcon(
        a.kind === "turned-green"
          ? "green"
          : a.kind === "referential" || a.kind === "no-data"
            ? "referential"
            : a.kind === "fell"
              ? "amber"
              : "red",
        12,
      ),
    }));
}

/** "DRE X – UGEL Y" → "UGEL Y" when X is the report's own region (the chart title says which). */
function shortName(name: string, view: ReportView): string {
  const prefix = view.region ? `${view.region.name} – ` : view.level === "region" ? `${view.name} – ` : null;
  return prefix && name.startsWith(prefix) ? name.slice(prefix.length) : name;
}
