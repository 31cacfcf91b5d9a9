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
      if (f.code === input.highlight)
        highlighted = `<path class="highlight" d="${f.d}" fill="none" stroke="${INK.highlight}" stroke-width="${strokeWidth * 4}" stroke-linejoin="round"/>`;
    }
    return out.join("") + dashed.join("") + highlighted;
  };
  parts.push(`<g class="areas">${drawFeatures(map.features, 0.6)}</g>`);
  if (map.inset) {
    const b = map.inset;
    parts.push(
      `<g class="inset"><rect x="${b.x}" y="${b.y}" width="${b.width}" height="${b.height}" fill="#ffffff" stroke="${INK.axis}" stroke-width="0.8"/>` +
        // Sized to stay inside its frame (≈ 0.52 em a character).
        svgText(b.x + 4, b.y + 11, input.insetLabel, {
          "font-size": Math.min(9, (b.width - 8) / (0.52 * input.insetLabel.length)),
          fill: INK.muted,
        }) +
        drawFeatures(b.features, 0.6) +
        `</g>`,
    );
  }
  // Legend strip.
  legendLayout.items.forEach((item) => {
    const y = map.height + 8 + item.row * LEGEND_ROW + LEGEND_ROW / 2;
    const swatch = STATUS_STYLES[item.status].dashed
      ? `<rect x="${r1(item.x)}" y="${r1(y - 5)}" width="10" height="10" fill="${STATUS_STYLES[item.status].fill}"/>` +
        dashedOutline(`M${r1(item.x + 0.5)},${r1(y - 4.5)}h9v9h-9z`, 0.6)
      : statusShape(item.status, item.x + 5, y, 5);
    parts.push(
      `<g class="legend-item">${swatch}${svgText(item.x + 14, y + 3.5, item.label, { "font-size": 10, fill: INK.text })}</g>`,
    );
  });
  parts.push("</svg>");
  return parts.join("");
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
