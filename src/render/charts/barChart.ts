import { scaleLinear } from "d3-scale";
import type { Status } from "../../model.js";
import { statusShape } from "../statusIcon.js";
import { INK, STATUS_STYLES } from "../palette.js";
import { boxedText, clip, r1, svgOpen, svgText } from "./svgFrame.js";

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

/**
 * Horizontal bars on a 0–100 scale, one row per unit: rank, status shape, name, bar, value. Used
 * for comparisons (own unit, neighbours, region, nation) and rankings.
 */
export function barChart(input: BarChartInput): string {
  const width = input.width ?? 640;
  const rowH = input.rowHeight ?? 19;
  const labelChars = input.labelChars ?? 34;
  const hasRank = input.items.some((i) => i.rank !== "");
  const rankW = hasRank ? 22 : 0;
  const labelX = rankW + 18;
  const barX =
    labelX + Math.min(labelChars, Math.max(8, ...input.items.map((i) => i.label.length))) * 5.6 + 8;
  const top = 16;
  const height = top + input.items.length * rowH + 18;
  const x = scaleLinear()
    .domain([0, 100])
    .range([barX, width - 52])
    .clamp(true);
  const parts: string[] = [svgOpen("chart bar-chart", width, height, input.title)];

  input.items.forEach((item, i) => {
    if (item.self)
      parts.push(
        `<rect class="self" x="0" y="${r1(top + i * rowH)}" width="${width}" height="${rowH}" fill="#e8eef7"/>`,
      );
  });
  for (const t of [0, 25, 50, 75, 100]) {
    parts.push(
      `<path d="M${r1(x(t))},${top - 4}V${r1(top + input.items.length * rowH)}" stroke="${INK.grid}" stroke-width="0.8"/>`,
    );
    parts.push(
      svgText(x(t), top - 7, input.formatTick(t), {
        "font-size": 9,
        fill: INK.axis,
        "text-anchor": "middle",
      }),
    );
  }
  if (input.target !== null) {
    const tx = x(input.target);
    parts.push(
      `<path class="target-line" d="M${r1(tx)},${top - 2}V${r1(top + input.items.length * rowH + 2)}" stroke="${INK.target}" stroke-width="1.6" stroke-dasharray="5 3"/>`,
    );
    parts.push(
      svgText(tx, top + input.items.length * rowH + 14, input.targetLabel, {
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
    const style = STATUS_STYLES[item.status];
    const weight = item.self ? "700" : "400";
    const row: string[] = [];
    if (item.rank)
      row.push(
        svgText(rankW - 2, cy + 4, item.rank, { "font-size": 10, fill: INK.muted, "text-anchor": "end" }),
      );
    row.push(statusShape(item.status, rankW + 8, cy, 4.5));
    row.push(
      svgText(labelX, cy + 4, clip(item.label, labelChars), {
        "font-size": 11,
        "font-weight": weight,
        fill: INK.text,
      }),
    );
    if (item.value !== null) {
      row.push(
        `<rect class="bar" x="${r1(x(0))}" y="${r1(y0 + 3)}" width="${r1(Math.max(1, x(item.value) - x(0)))}" height="${rowH - 6}" fill="${style.fill}" stroke="${item.self ? INK.highlight : style.stroke}" stroke-width="${item.self ? 1.6 : 0.6}"/>`,
      );
    }
    row.push(
      boxedText((item.value !== null ? x(item.value) : x(0)) + 4, cy + 4, item.valueText, {
        "font-size": 11,
        "font-weight": weight,
        fill: INK.text,
      }),
    );
    parts.push(`<g class="row">${row.join("")}</g>`);
  });
  parts.push("</svg>");
  return parts.join("");
}
