import { scaleLinear } from "d3-scale";
import type { Status } from "../../model.js";
import { statusShape } from "../statusIcon.js";
import { INK, STATUS_STYLES } from "../palette.js";
import { r1, svgOpen, svgText } from "./svgFrame.js";
import { uniqueLabels } from "./uniqueLabels.js";

export interface BarItem {
  label: string;
  value: number | null;
  valueText: string;
  status: Status;
  /** Rank shown before the label ("3"), or "" for none. */
  rank: string;
  /** The report's own unit: bold, on a tinted row. */
  self: boolean;
}

export interface BarChartInput {
  title: string;
  items: BarItem[];
  target: number | null;
  targetLabel: string;
  formatTick: (value: number) => string;
  width?: number;
  /** Longest label kept, in characters. */
  labelChars?: number;
  rowHeight?: number;
}

/** Width of the right-hand value column, in SVG units. */
const VALUE_W = 40;

/**
 * Horizontal bars on a 0–100 scale, one row per unit: rank, status shape, name, bar, and the value
 * in a fixed right-hand column. Used for comparisons (own unit, neighbours, region, nation) and
 * rankings. Kept lean because a report prints up to 14 of them: the values sit in their own column
 * (no white boxes to keep them readable over the gridlines), the gridlines are one path, only 0, 50
 * and 100 are labelled, and rows are not wrapped in groups.
 */
export function barChart(input: BarChartInput): string {
  const width = input.width ?? 640;
  const rowH = input.rowHeight ?? 19;
  const labelChars = input.labelChars ?? 34;
  const fontSize = Math.min(11, rowH - 2.5);
  const hasRank = input.items.some((i) => i.rank !== "");
  const rankW = hasRank ? 22 : 0;
  const labelX = rankW + 18;
  // Labels take ~0.56 em a character: unit names are mostly capitals.
  const barX =
    labelX +
    Math.min(labelChars, Math.max(8, ...input.items.map((i) => i.label.length))) * fontSize * 0.56 +
    8;
  const top = 13;
  const bottom = top + input.items.length * rowH;
  const height = bottom + (input.target !== null ? 13 : 2);
  const x = scaleLinear()
    .domain([0, 100])
    .range([barX, width - VALUE_W - 6])
    .clamp(true);
  const parts: string[] = [svgOpen("chart bar-chart", width, height, input.title)];
  const labels = uniqueLabels(
    input.items.map((item) => item.label),
    labelChars,
  );

  input.items.forEach((item, i) => {
    if (item.self)
      parts.push(
        `<rect class="self" x="0" y="${r1(top + i * rowH)}" width="${width}" height="${rowH}" fill="#e8eef7"/>`,
      );
  });
  const ticks = [0, 25, 50, 75, 100];
  parts.push(
    `<path class="grid" d="${ticks.map((t) => `M${r1(x(t))},${top - 3}V${r1(bottom)}`).join("")}" stroke="${INK.grid}" stroke-width="0.8"/>`,
  );
  for (const t of [0, 50, 100]) {
    parts.push(
      svgText(x(t), top - 5, input.formatTick(t), {
        "font-size": 9,
        fill: INK.axis,
        "text-anchor": "middle",
      }),
    );
  }
  if (input.target !== null) {
    const tx = x(input.target);
    parts.push(
      `<path class="target-line" d="M${r1(tx)},${top - 2}V${r1(bottom + 2)}" stroke="${INK.target}" stroke-width="1.6" stroke-dasharray="5 3"/>`,
    );
    parts.push(
      svgText(tx, bottom + 11, input.targetLabel, {
        "font-size": 10,
        "font-weight": "600",
        fill: INK.text,
        "text-anchor": "middle",
      }),
    );
  }
  input.items.forEach((item, i) => {
    const y0 = top + i * rowH;
    const cy = y0 + rowH / 2;
    const baseline = cy + fontSize * 0.35;
    const style = STATUS_STYLES[item.status];
    const weight = item.self ? "700" : "400";
    if (item.rank)
      parts.push(
        svgText(rankW - 2, baseline, item.rank, {
          "font-size": fontSize - 1,
          fill: INK.muted,
          "text-anchor": "end",
        }),
      );
    parts.push(statusShape(item.status, rankW + 8, cy, Math.min(4.5, rowH / 3.2)));
    parts.push(
      svgText(labelX, baseline, labels[i] ?? item.label, {
        class: "bar-label",
        "font-size": fontSize,
        "font-weight": weight,
        fill: INK.text,
      }),
    );
    if (item.value !== null) {
      parts.push(
        `<rect class="bar" x="${r1(x(0))}" y="${r1(y0 + 2.5)}" width="${r1(Math.max(1, x(item.value) - x(0)))}" height="${r1(rowH - 5)}" fill="${style.fill}" stroke="${item.self ? INK.highlight : style.stroke}" stroke-width="${item.self ? 1.6 : 0.6}"/>`,
      );
    }
    parts.push(
      svgText(width - 2, baseline, item.valueText, {
        "font-size": fontSize,
        "font-weight": weight,
        fill: INK.text,
        "text-anchor": "end",
      }),
    );
  });
  parts.push("</svg>");
  return parts.join("");
}
