import type { Status } from "../model.js";
import { STATUS_STYLES } from "./palette.js";

/** SVG marks (no wrapper) of a status shape centred on (cx, cy) with radius r. */
export function statusShape(status: Status, cx: number, cy: number, r: number): string {
  const s = STATUS_STYLES[status];
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

/** A small inline SVG icon of a status (decorative: the status label is always written beside it). */
export function statusIcon(status: Status, size = 12): string {
  const r = size / 2 - 1;
  return `<svg class="status-icon" width="${size}" height="${size}" viewBox="0 0 ${size} ${size}" aria-hidden="true" focusable="false">${statusShape(status, size / 2, size / 2, r)}</svg>`;
}
