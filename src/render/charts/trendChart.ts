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

/** A school year's target over its own months (points `first`..`last`, inclusive). */
export interface TargetSegment {
  first: number;
  last: number;
  value: number;
  label: string;
}

export interface TrendChartInput {
  title: string;
  points: TrendPoint[];
  target: number | null;
  targetLabel: string;
  /**
   * Each school year's target over its own months, so that last year's points, coloured against
   * last year's target, are drawn against it too. Without it, `target` spans the whole chart.
   */
  targetSegments?: TargetSegment[];
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
  const segments: TargetSegment[] =
    input.targetSegments ??
    (input.target !== null && input.points.length
      ? [{ first: 0, last: input.points.length - 1, value: input.target, label: input.targetLabel }]
      : []);
  const extent = [...values, ...segments.map((segment) => segment.value)];
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
  // Target lines, one per school year over its own months; labels placed where the line is not.
  const plotLeft = m.left;
  const plotRight = width - m.right + 10;
  const screen = input.points.map((p, i) => (p.value === null ? null : { x: xi(i), y: y(p.value) }));
  /** Whether the trend line (or a mark) passes through a box. */
  const crosses = (box: { x0: number; x1: number; y0: number; y1: number }): boolean => {
    for (let i = 0; i < screen.length; i += 1) {
      const a = screen[i];
      if (!a) continue;
      if (a.x >= box.x0 - 5 && a.x <= box.x1 + 5 && a.y >= box.y0 - 5 && a.y <= box.y1 + 5) return true;
      const b = screen[i + 1];
      if (!b) continue;
      for (let k = 1; k < 20; k += 1) {
        const x = a.x + ((b.x - a.x) * k) / 20;
        const yy = a.y + ((b.y - a.y) * k) / 20;
        if (x >= box.x0 && x <= box.x1 && yy >= box.y0 - 1.5 && yy <= box.y1 + 1.5) return true;
      }
    }
    return false;
  };
  segments.forEach((segment, index) => {
    const ty = y(segment.value);
    const x0 = index === 0 ? plotLeft : xi(segment.first) - step / 2;
    const x1 = index === segments.length - 1 ? plotRight : xi(segment.last) + step / 2;
    parts.push(
      `<path class="target-line" d="M${r1(x0)},${r1(ty)}H${r1(x1)}" stroke="${INK.target}" stroke-width="1.6" stroke-dasharray="6 3"/>`,
    );
    if (segment.label === "") return;
    const size = index === segments.length - 1 ? 11 : 9;
    const w = segment.label.length * size * 0.56 + 3;
    if (x1 - x0 < w * 0.6 && index !== segments.length - 1) return;
    // Above the line at its left end, else below it, else at its right end (above, then below).
    const candidates = [
      { x: x0 + 4, y: ty - 5, anchor: "start" },
      { x: x0 + 4, y: ty + size + 2, anchor: "start" },
      { x: x1 - 4, y: ty - 5, anchor: "end" },
      { x: x1 - 4, y: ty + size + 2, anchor: "end" },
    ].filter((c) => c.y - size * 0.82 >= 0 && c.y <= height - m.bottom);
    const boxOf = (c: { x: number; y: number; anchor: string }) => {
      const left = c.anchor === "end" ? c.x - w : c.x;
      return { x0: left, x1: left + w, y0: c.y - size * 0.82, y1: c.y + size * 0.26 };
    };
    const place = candidates.find((c) => !crosses(boxOf(c))) ??
      candidates[0] ?? { x: x0 + 4, y: ty - 5, anchor: "start" };
    parts.push(
      boxedText(place.x, place.y, segment.label, {
        "font-size": size,
        "font-weight": "600",
        fill: INK.text,
        ...(place.anchor === "end" ? { "text-anchor": "end" } : {}),
      }),
    );
  });
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
    // Above the point, unless that would leave the chart (a value at the top of the scale).
    const above = y(lastPoint.value) - 9;
    parts.push(
      boxedText(xi(last), above - 12 * 0.82 < 0 ? y(lastPoint.value) + 17 : above, lastPoint.valueText, {
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
