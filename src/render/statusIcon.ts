import type { Status } from "../model.js";
import { STATUS_ORDER, STATUS_STYLES } from "./palette.js";

/** SVG marks (no wrapper) of a status shape centred on (cx, cy) with radius r. */
export function statusShape(status: Status, cx: number, cy: number, r: number, strokeVar?: string): string {
  const s = STATUS_STYLES[status];
  const f = (n: number): string => String(Math.round(n * 10) / 10);
  const colour = strokeVar ? `style="stroke:var(${strokeVar},${s.stroke})"` : `stroke="${s.stroke}"`;
  const stroke = `${colour} stroke-width="${f(Math.max(0.8, r / 5))}"`;
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

const ICON_BOX = 12;

/**
 * The hidden sprite every report carries once: one <symbol> per status, which statusIcon()
 * references. One shape per status instead of a full inline SVG per icon keeps the document small
 * and cheap to print. The outline colour follows the CSS variable `--si` (white on status fills).
 */
export function statusSprite(): string {
  const symbols = STATUS_ORDER.map(
    (s) =>
      `<symbol id="si-${s}" viewBox="0 0 ${ICON_BOX} ${ICON_BOX}">${statusShape(s, ICON_BOX / 2, ICON_BOX / 2, ICON_BOX / 2 - 1, "--si")}</symbol>`,
  ).join("");
  return `<svg class="status-sprite" width="0" height="0" style="position:absolute" aria-hidden="true" focusable="false">${symbols}</svg>`;
}

/** A small status icon (decorative: the status label is always written beside it); needs statusSprite() in the document. */
export function statusIcon(status: Status, size = 12): string {
  return `<svg class="status-icon" width="${size}" height="${size}" aria-hidden="true" focusable="false"><use href="#si-${status}"/></svg>`;
}
