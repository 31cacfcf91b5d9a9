import { formatPercent } from "../locale/format.js";
import type { ReportView, TableRow } from "../model.js";
import type { HeatTable } from "../render/context/types.js";
import type { SiteUnit, ValueRow } from "./types.js";

/**
 * The one adapter from report views to what publishing needs: the open-data rows of the view's
 * month and the public page's content. Everything else in src/publish reads these types, never
 * `ReportView`, so a change in the views touches this file only.
 *
 * `heat` is the report's own table of the national page (render's page context): the league
 * table's order, ranks and scores are decided there, once, and the site shows them as they are.
 */
export function fromViews(
  view: ReportView,
  heat: HeatTable | null = null,
): { rows: ValueRow[]; unit: SiteUnit } {
  const rows: ValueRow[] = view.indicators.flatMap((ind) =>
    // A month without data for the unit is a gap, not a zero: no row.
    ind.value.value === null || ind.status === "no-data"
      ? []
      : [
          {
            period: view.period,
            level: view.level,
            code: view.code,
            indicator: ind.id,
            numerator: ind.numerator,
            denominator: ind.denominator,
            schools: ind.schools,
            value: ind.value.value,
            status: ind.status,
            referentialReason: ind.referentialReason,
            baseline: ind.targets.baseline.value,
            minimum: ind.targets.minimum.value,
            target: ind.targets.target.value,
            targetSource: ind.targets.source,
          },
        ],
  );
  const unit: SiteUnit = {
    level: view.level,
    code: view.code,
    name: view.name,
    region: view.region ? { code: view.region.code, name: view.region.name } : null,
    period: view.period,
    periodLabel: view.periodLabel,
    locale: view.locale,
    datasetName: view.datasetName,
    synthetic: view.synthetic,
    headline: { text: view.headline.text, counts: view.headline.counts },
    indicators: view.indicators.map((ind) => ({
      id: ind.id,
      label: ind.label,
      status: ind.status,
      statusLabel: ind.statusLabel,
      valueText: ind.value.text,
      target: ind.targets.target.value,
      targetText: ind.targets.target.text,
      minimumText: ind.targets.minimum.text,
      changeText: ind.previous?.text ?? "—",
      schools: ind.schools,
      series: ind.series.map((point) => ({
        period: point.period,
        label: point.label,
        value: point.value,
        // The views' series carry raw values; written like the reports' figures ("87,3 %").
        text: formatPercent(point.value, view.locale),
        status: point.status,
      })),
      mapValues:
        view.level === "national"
          ? ind.map.values.map(({ code, status, text }) => ({ code, status, text }))
          : [],
    })),
    table: leagueOrder(view, heat).map(({ row, rank, score }) => ({
      level: row.unit.level,
      code: row.unit.code,
      name: row.unit.name,
      rank,
      score,
      cells: row.cells.map((cell) => ({ indicator: cell.indicator, text: cell.text, status: cell.status })),
    })),
    tableNote: heat?.ranked ? heat.note : "",
  };
  return { rows, unit };
}

/** The view's table rows in the report's league order (matched by name), or as they are. */
function leagueOrder(
  view: ReportView,
  heat: HeatTable | null,
): { row: TableRow; rank: string; score: string }[] {
  const plain = view.table.map((row) => ({ row, rank: "", score: "" }));
  if (!heat?.ranked) return plain;
  const byName = new Map(view.table.map((row) => [row.unit.name, row]));
  const ranked = heat.rows.flatMap((h) => {
    const row = byName.get(h.name);
    return row ? [{ row, rank: h.rank, score: h.score }] : [];
  });
  return ranked.length === view.table.length ? ranked : plain;
}
