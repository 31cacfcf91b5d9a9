import type { Status } from "../../model.js";
import { svgOpen, svgText, r1 } from "../charts/svgFrame.js";
import { escapeXml } from "../escapeXml.js";
import { INK, STATUS_STYLES } from "../palette.js";
import { statusShape } from "../statusIcon.js";
import type { ProjectedFeature, ProjectedMap } from "./GeoCache.js";

export interface ChoroplethInput {
  title: string;
  map: ProjectedMap;
  /**
   * Status and text by feature code. Features without an entry are not units of the dataset (the
   * DRE Callao's directly managed area has a polygon but no UGEL): drawn white, not as no data.
   */
  values: { code: string; status: Status; text: string }[];
  /** Outlined in black as "this unit". */
  highlight?: string;
  legend: { status: Status; label: string }[];
  /** Caption of the Lima/Callao inset. */
  insetLabel: string;
}

const LEGEND_ROW = 14;
/** Radius of the status glyph drawn on each unit, and the least area (px²) a unit needs for one. */
const GLYPH_R = 3.4;
const GLYPH_MIN_AREA = 150;

/**
 * The status's shape in its ink colour (white on green and red, dark on amber, grey and no data):
 * the same glyph marks the unit on the map and the swatch in the legend, so the statuses read in
 * grey print and without colour (green and red fills are 21 points apart in grey).
 */
function glyph(status: Status, cx: number, cy: number, r = GLYPH_R): string {
  const style = STATUS_STYLES[status];
  return statusShape(status, cx, cy, r, { fill: style.ink, stroke: style.ink });
}

/** The inset caption's font size and line height, in map units (the legend's size). */
const INSET_FONT = 10;
const INSET_LINE = 11;

/** A choropleth by traffic-light status, with a legend strip and the optional Lima/Callao inset. */
export function choroplethMap(input: ChoroplethInput): string {
  const { map } = input;
  const byCode = new Map(input.values.map((v) => [v.code, v]));
  const legendLayout = layoutLegend(input.legend, map.width);
  const height = map.height + 8 + legendLayout.rows * LEGEND_ROW;
  const parts: string[] = [svgOpen("map choropleth", map.width, height, input.title)];
  // Referential areas: flat grey under a dashed dark outline, drawn after all areas so no white
  // border covers it. A hatch <pattern> fill was rasterized by Chromium into ~100 KB images per
  // report (≈40 ms of print); a dashed stroke stays vector.
  const drawFeatures = (features: ProjectedFeature[], strokeWidth: number): string => {
    const out: string[] = [];
    const dashed: string[] = [];
    const glyphs: string[] = [];
    let highlighted = "";
    for (const f of features) {
      const v = byCode.get(f.code);
      if (!v) {
        out.push(
          `<path class="area outside" data-code="${escapeXml(f.code)}" d="${f.d}" fill="#ffffff" stroke="${INK.axis}" stroke-width="${strokeWidth}"/>`,
        );
        continue;
      }
      const style = STATUS_STYLES[v.status];
      out.push(
        `<path class="area" data-code="${escapeXml(f.code)}" d="${f.d}" fill="${style.fill}" stroke="${INK.border}" stroke-width="${strokeWidth}"/>`,
      );
      if (style.dashed) dashed.push(dashedOutline(f.d, strokeWidth));
      if (f.area >= GLYPH_MIN_AREA) glyphs.push(glyph(v.status, f.anchor[0], f.anchor[1]));
      if (f.code === input.highlight)
        highlighted = `<path class="highlight" d="${f.d}" fill="none" stroke="${INK.highlight}" stroke-width="${strokeWidth * 4}" stroke-linejoin="round"/>`;
    }
    return (
      out.join("") +
      dashed.join("") +
      highlighted +
      (glyphs.length ? `<g class="glyphs" aria-hidden="true">${glyphs.join("")}</g>` : "")
    );
  };
  parts.push(`<g class="areas">${drawFeatures(map.features, 0.6)}</g>`);
  if (map.inset) {
    const b = map.inset;
    parts.push(
      `<g class="inset"><rect x="${b.x}" y="${b.y}" width="${b.width}" height="${b.height}" fill="#ffffff" stroke="${INK.axis}" stroke-width="0.8"/>` +
        insetCaption(input.insetLabel, b.width - 8)
          .map((line, i) =>
            svgText(b.x + 4, b.y + 11 + i * INSET_LINE, line, { "font-size": INSET_FONT, fill: INK.muted }),
          )
          .join("") +
        drawFeatures(b.features, 0.6) +
        `</g>`,
    );
  }
  // Legend strip.
  legendLayout.items.forEach((item) => {
    const y = map.height + 8 + item.row * LEGEND_ROW + LEGEND_ROW / 2;
    // The swatch is a piece of the map: the fill (dashed outline for referential, a thin border for
    // the near-white no data) with the unit's glyph on it.
    const style = STATUS_STYLES[item.status];
    const swatch =
      `<rect x="${r1(item.x)}" y="${r1(y - 5.5)}" width="11" height="11" fill="${style.fill}"${
        item.status === "no-data" ? ` stroke="${style.stroke}" stroke-width="0.6"` : ""
      }/>` +
      (style.dashed ? dashedOutline(`M${r1(item.x + 0.5)},${r1(y - 5)}h10v10h-10z`, 0.6) : "") +
      glyph(item.status, item.x + 5.5, y, 3.2);
    parts.push(
      `<g class="legend-item">${swatch}${svgText(item.x + 14, y + 3.5, item.label, { "font-size": 10, fill: INK.text })}</g>`,
    );
  });
  parts.push("</svg>");
  return parts.join("");
}

/**
 * The inset's caption, at the legend's size (printed at about 7 pt on a national page) and broken
 * into at most two lines at word boundaries so it stays inside its frame (≈ 0.52 em a character).
 * GeoCache leaves room for two lines above the inset's areas.
 */
export function insetCaption(label: string, width: number): string[] {
  const fits = (text: string): boolean => text.length * 0.52 * INSET_FONT <= width;
  const lines: string[] = [];
  for (const word of label.split(/\s+/).filter(Boolean)) {
    const last = lines.length ? lines[lines.length - 1] : undefined;
    if (last !== undefined && (fits(`${last} ${word}`) || lines.length === 2))
      lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

/** The dashed outline of a referential area (or its legend swatch). */
function dashedOutline(d: string, strokeWidth: number): string {
  const w = r1(Math.max(1, strokeWidth * 2));
  return `<path class="referential" d="${d}" fill="none" stroke="${STATUS_STYLES.referential.stroke}" stroke-width="${w}" stroke-dasharray="2.5 1.5"/>`;
}

function layoutLegend(
  legend: { status: Status; label: string }[],
  width: number,
): { rows: number; items: { status: Status; label: string; x: number; row: number }[] } {
  const items: { status: Status; label: string; x: number; row: number }[] = [];
  let x = 2;
  let row = 0;
  for (const entry of legend) {
    const w = 14 + entry.label.length * 5.4 + 12;
    if (x + w > width && x > 2) {
      row += 1;
      x = 2;
    }
    items.push({ ...entry, x, row });
    x += w;
  }
  return { rows: legend.length ? row + 1 : 0, items };
}
