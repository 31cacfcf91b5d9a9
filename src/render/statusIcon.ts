import type { Status } from "../model.js";
import { STATUS_STYLES } from "./palette.js";

/**
 * SVG marks (no wrapper) of a status shape centred on (cx, cy) with radius r, in the status's own
 * colours or in `paint` (a map's glyph is drawn in the status's ink on its fill).
 */
export function statusShape(
  status: Status,
  cx: number,
  cy: number,
  r: number,
  paint?: { fill: string; stroke: string },
): string {
  const s = { ...STATUS_STYLES[status], ...paint };
  const f = (n: number): string => String(Math.round(n * 10) / 10);
  const stroke = `stroke="${s.stroke}" stroke-width="${f(Math.max(0.8, r / 5))}"`;
  switch (s.shape) {
    case "circle":
      return `<circle cx="${f(cx)}" cy="${f(cy)}" r="${f(r)}" fill="${s.fill}" ${stroke}/>`;
    case "triangle":
      return `<path d="M${f(cx)},${f(cy - r * 1.05)}L${f(cx + r * 1.1)},${f(cy + r * 0.85)}L${f(cx - r * 1.1)},${f(cy + r * 0.85)}Z" fill="${s.fill}" ${stroke}/>`;
    case "square":
      return `<rect x="${f(cx - r * 0.85)}" y="${f(cy - r * 0.85)}" width="${f(r * 1.7)}" height="${f(r * 1.7)}" fill="${s.fill}" ${stroke}/>`;
    case "diamond":
      return `<path d="M${f(cx)},${f(cy - r)}L${f(cx + r)},${f(cy)}L${f(cx)},${f(cy + r)}L${f(cx - r)},${f(cy)}Z" fill="${s.fill}" ${stroke}/>`;
    case "dash":
      return `<circle cx="${f(cx)}" cy="${f(cy)}" r="${f(r * 0.9)}" fill="#ffffff" ${stroke}/><path d="M${f(cx - r * 0.5)},${f(cy)}H${f(cx + r * 0.5)}" stroke="${s.stroke}" stroke-width="${f(Math.max(1, r / 3))}"/>`;
  }
}

/** Pixel sizes of the HTML status icon; each has its own CSS class (`si-9` … `si-14`). */
export type IconSize = 9 | 10 | 12 | 14;

/** A small status icon in running text, as templates place it (partials/statusIcon.hbs). */
export interface StatusIcon {
  status: Status;
  size: IconSize;
}

/**
 * A small status icon in running text: partials/statusIcon.hbs makes it an empty inline box whose
 * shape is drawn by CSS (the `si` rules in templates/styles/status.css: round, clipped to a triangle or
 * diamond, square, or a ring). An SVG per icon, even one <use> of a shared symbol, cost Chromium a
 * document (and a shadow tree) per icon, about 60 ms of print per district report for ~120 icons;
 * a CSS box costs next to nothing. Decorative: the status label is always written beside it.
 */
export function statusIcon(status: Status, size: IconSize = 12): StatusIcon {
  return { status, size };
}
