import { scaleLinear } from "d3-scale";
import type { Status } from "../../model.js";
import { INK, STATUS_STYLES } from "../palette.js";
import { boxedText, r1, svgOpen, svgText } from "./svgFrame.js";

export interface BulletChartInput {
  title: string;
  better: "higher" | "lower";
  value: number | null;
  valueText: string;
  status: Status;
  minimum: number | null;
  target: number | null;
  /** "Mínimo 85 %" / "Meta 90 %" — already worded. */
  minimumLabel: string;
  targetLabel: string;
  /** Shown instead of a bar when the value is missing. */
  noDataLabel: string;
  formatTick: (value: number) => string;
  width?: number;
}

/**
 * A bullet chart: the value as a bar over the 0–100 scale, qualitative bands (below the minimum,
 * between minimum and target, at target), a dashed minimum tick and a solid target tick.
 */
export function bulletChart(input: BulletChartInput): string {
  const width = input.width ?? 640;
  const height = 56;
  const left = 8;
  const right = 52;
  const barTop = 15;
  const bandH = 18;
  const x = scaleLinear()
    .domain([0, 100])
    .range([left, width - right])
    .clamp(true);
  const parts: string[] = [svgOpen("chart bullet-chart", width, height, input.title)];

  // Qualitative bands, greys only: darkest = worst.
  const { minimum: min, target } = input;
  const bands: [number, number, string][] = [];
  if (min !== null && target !== null) {
    const lo = Math.min(min, target);
    const hi = Math.max(min, target);
    const worst = "#c9c9c9";
    const mid = "#e0e0e0";
    const best = "#f2f2f2";
    if (input.better === "higher") bands.push([0, lo, worst], [lo, hi, mid], [hi, 100, best]);
    else bands.push([0, lo, best], [lo, hi, mid], [hi, 100, worst]);
  } else {
    bands.push([0, 100, "#e6e6e6"]);
  }
  for (const [a, b, fill] of bands) {
    if (b > a)
      parts.push(
        `<rect x="${r1(x(a))}" y="${barTop}" width="${r1(x(b) - x(a))}" height="${bandH}" fill="${fill}"/>`,
      );
  }

  // Value bar.
  const style = STATUS_STYLES[input.status];
  if (input.value !== null) {
    const w = Math.max(1.5, x(input.value) - x(0));
    parts.push(
      `<rect class="value-bar" x="${r1(x(0))}" y="${barTop + 5}" width="${r1(w)}" height="${bandH - 10}" fill="${style.fill}" stroke="${style.stroke}" stroke-width="1"/>`,
    );
  } else {
    parts.push(
      svgText(x(0) + 6, barTop + bandH / 2 + 4, input.noDataLabel, { "font-size": 11, fill: INK.muted }),
    );
  }

  // Minimum (dashed, label below) and target (solid, label above).
  if (min !== null) {
    const mx = x(min);
    parts.push(
      `<path class="minimum-tick" d="M${r1(mx)},${barTop}V${barTop + bandH + 3}" stroke="${INK.muted}" stroke-width="2" stroke-dasharray="3 2"/>`,
    );
    parts.push(
      svgText(mx, barTop + bandH + 12, input.minimumLabel, {
        "font-size": 10,
        fill: INK.muted,
        "text-anchor": anchorFor(mx, left, width - right),
      }),
    );
  }
  if (target !== null) {
    const tx = x(target);
    parts.push(
      `<path class="target-tick" d="M${r1(tx)},${barTop - 4}V${barTop + bandH + 4}" stroke="${INK.target}" stroke-width="3"/>`,
    );
    // On a white box: a target at the scale's end puts its label across the minimum's tick.
    parts.push(
      boxedText(tx, barTop - 6, input.targetLabel, {
        "font-size": 10,
        "font-weight": "600",
        fill: INK.text,
        "text-anchor": anchorFor(tx, left, width - right),
      }),
    );
  }

  // The value, written in the right margin so it never meets a tick or its label.
  if (input.value !== null) {
    parts.push(
      svgText(width - right + 6, barTop + bandH / 2 + 4.5, input.valueText, {
        "font-size": 13,
        "font-weight": "700",
        fill: INK.text,
      }),
    );
  }
  // The scale's ends (the minimum and target labels mark the points that matter).
  for (const t of [0, 100]) {
    parts.push(
      svgText(x(t), height - 2, input.formatTick(t), {
        "font-size": 9,
        fill: INK.axis,
        "text-anchor": t === 0 ? "start" : "end",
      }),
    );
  }
  parts.push("</svg>");
  return parts.join("");
}

function anchorFor(px: number, lo: number, hi: number): string {
  if (px - lo < 40) return "start";
  if (hi - px < 40) return "end";
  return "middle";
}
