import { scaleLinear } from "d3-scale";
import { line } from "d3-shape";
import { r1 } from "../render/charts/svgFrame.js";
import { escapeXml } from "../render/escapeXml.js";
import { INK } from "../render/palette.js";
import { statusShape } from "../render/statusIcon.js";
import type { SitePoint } from "./types.js";

/**
 * A 12-month sparkline for the public pages: the line breaks at gaps, the last month carries its
 * status mark, and a dashed line marks the target. Its text alternative is `label`; the page also
 * lists the months as a table.
 */
export function sparkline(points: SitePoint[], target: number | null, label: string): string {
  const width = 132;
  const height = 34;
  const pad = 5;
  const values = points.flatMap((p) => (p.value === null ? [] : [p.value]));
  const all = target === null ? values : [...values, target];
  let lo = all.length ? Math.min(...all) : 0;
  let hi = all.length ? Math.max(...all) : 100;
  if (hi - lo < 10) {
    const mid = (hi + lo) / 2;
    lo = Math.max(0, mid - 5);
    hi = Math.min(100, mid + 5);
  }
  const y = scaleLinear()
    .domain([lo, hi])
    .range([height - pad, pad]);
  const x = (i: number): number =>
    pad + (points.length > 1 ? (i * (width - 2 * pad)) / (points.length - 1) : 0);
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" class="sparkline" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${escapeXml(label)}">`,
  ];
  if (target !== null)
    parts.push(
      `<path d="M${pad},${r1(y(target))}H${width - pad}" stroke="${INK.axis}" stroke-width="1" stroke-dasharray="3 2"/>`,
    );
  const path = line<SitePoint>()
    .defined((p) => p.value !== null)
    .x((_, i) => x(i))
    .y((p) => y(p.value ?? 0))
    .digits(1)(points);
  if (path) parts.push(`<path d="${path}" fill="none" stroke="${INK.line}" stroke-width="1.8"/>`);
  points.forEach((p, i) => {
    if (p.value !== null && i === points.length - 1) parts.push(statusShape(p.status, x(i), y(p.value), 3.6));
    else if (p.value !== null && points[i - 1]?.value == null && points[i + 1]?.value == null)
      parts.push(`<circle cx="${r1(x(i))}" cy="${r1(y(p.value))}" r="1.6" fill="${INK.line}"/>`);
  });
  parts.push("</svg>");
  return parts.join("");
}
