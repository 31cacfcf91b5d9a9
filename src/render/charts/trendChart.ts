import { scaleLinear, scalePoint } from "d3-scale";
import { line } from "d3-shape";
import type { Status } from "../../model.js";
import { statusShape } from "../statusIcon.js";
import { INK } from "../palette.js";
import { boxedText, r1, svgOpen, svgText } from "./svgFrame.js";

export interface TrendPoint {
  /** Short month label, e.g. "oct." (line 1 of the axis). */
  month: string;
  /** Year shown under the month where the year starts or changes; "" otherwise. */
  year: string;
  value: number | null;
  valueText: string;
  status: Status;
}

export interface TrendChartInput {
  title: string;
  points: TrendPoint[];
  target: number | null;
  targetLabel: string;
  /** Label written in the gap months ("sin dato"). */
  gapLabel: string;
  formatTick: (value: number) => string;
  width?: number;
  height?: number;
}

/**
 * The monthly trend: a line that breaks at gaps (d3 line().defined()), one status mark per month
 * with data, a dashed target line, and the last value written out. The gridlines are one path and
 * the marks one group: a report prints up to 7 of these.
 */
export function trendChart(input: TrendChartInput): string {
  const width = input.width ?? 640;
  const height = input.height ?? 165;
  const m = { top: 14, right: 24, bottom: 30, left: 40 };
  const values = input.points.map((p) => p.value).filter((v): v is number => v !== null);
  const extent = [...values, ...(input.target !== null ? [input.target] : [])];
  let lo = extent.length ? Math.min(...extent) : 0;
  let hi = extent.length ? Math.max(...extent) : 100;
  const pad = Math.max(5, (hi - lo) * 0.15);
  lo = Math.max(0, Math.floor((lo - pad) / 5) * 5);
  hi = Math.min(100, Math.ceil((hi + pad) / 5) * 5);
  if (hi <= lo) hi = Math.min(100, lo + 10);
  const y = scaleLinear()
    .domain([lo, hi])
    .range([height - m.bottom, m.top]);
  const x = scalePoint<number>()
    .domain(input.points.map((_, i) => i))
    .range([m.left + 12, width - m.right])
    .padding(0);
  const xi = (i: number): number => x(i) ?? m.left;

  const parts: string[] = [svgOpen("chart trend-chart", width, height, input.title)];
  // Grid (one path) and about three y ticks (the plot is short).
  const yTicks = y.ticks(3);
  parts.push(
    `<path class="grid" d="${yTicks.map((t) => `M${m.left},${r1(y(t))}H${width - m.right + 10}`).join("")}" stroke="${INK.grid}" stroke-width="0.8"/>`,
  );
  for (const t of yTicks) {
    parts.push(
      svgText(m.left - 4, y(t) + 3.5, input.formatTick(t), {
        "font-size": 10,
        fill: INK.axis,
        "text-anchor": "end",
      }),
    );
  }
  // Gap months: a light band and a short note.
  const step = input.points.length > 1 ? xi(1) - xi(0) : 40;
  input.points.forEach((p, i) => {
    if (p.value !== null) return;
    parts.push(
      `<rect class="gap" x="${r1(xi(i) - step / 2 + 2)}" y="${m.top}" width="${r1(step - 4)}" height="${r1(height - m.bottom - m.top)}" fill="#f3f3f3"/>`,
    );
    parts.push(
      svgText(xi(i), height - m.bottom - 6, input.gapLabel, {
        "font-size": 9,
        fill: INK.muted,
        "text-anchor": "middle",
      }),
    );
  });
  // Target line.
  if (input.target !== null) {
    const ty = y(input.target);
    parts.push(
      `<path class="target-line" d="M${m.left},${r1(ty)}H${width - m.right + 10}" stroke="${INK.target}" stroke-width="1.6" stroke-dasharray="6 3"/>`,
    );
    parts.push(
      boxedText(m.left + 4, ty - 5, input.targetLabel, {
        "font-size": 11,
        "font-weight": "600",
        fill: INK.text,
      }),
    );
  }
  // The line, broken at gaps.
  const path = line<TrendPoint>()
    .defined((p) => p.value !== null)
    .x((_, i) => xi(i))
    .y((p) => y(p.value ?? 0))
    .digits(1)(input.points);
  if (path)
    parts.push(`<path class="trend-line" d="${path}" fill="none" stroke="${INK.line}" stroke-width="2.2"/>`);
  // Marks and the last value.
  let last = -1;
  const marks: string[] = [];
  input.points.forEach((p, i) => {
    if (p.value === null) return;
    last = i;
    marks.push(statusShape(p.status, xi(i), y(p.value), 4.2));
  });
  if (marks.length) parts.push(`<g class="points">${marks.join("")}</g>`);
  const lastPoint = input.points[last];
  if (lastPoint && lastPoint.value !== null) {
    parts.push(
      boxedText(xi(last), y(lastPoint.value) - 9, lastPoint.valueText, {
        "font-size": 12,
        "font-weight": "700",
        fill: INK.text,
        "text-anchor": "middle",
      }),
    );
  }
  // X axis labels.
  input.points.forEach((p, i) => {
    parts.push(
      svgText(xi(i), height - m.bottom + 12, p.month, {
        "font-size": 10,
        fill: INK.muted,
        "text-anchor": "middle",
      }),
    );
    if (p.year)
      parts.push(
        svgText(xi(i), height - m.bottom + 23, p.year, {
          "font-size": 9,
          fill: INK.axis,
          "text-anchor": "middle",
        }),
      );
  });
  parts.push("</svg>");
  return parts.join("");
}
