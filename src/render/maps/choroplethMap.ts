import type { Status } from "../../model.js";
import { svgOpen, svgText, r1 } from "../charts/svgFrame.js";
import { escapeXml } from "../escapeXml.js";
import { INK, STATUS_STYLES } from "../palette.js";
import { statusShape } from "../statusIcon.js";
import type { ProjectedFeature, ProjectedMap } from "./GeoCache.js";

export interface ChoroplethInput {
  title: string;
  map: ProjectedMap;
  /** Status and text by feature code; features without an entry are drawn as no data. */
  values: { code: string; status: Status; text: string }[];
  /** Outlined in black as "this unit". */
  highlight?: string;
  /** Unique within the HTML document (pattern ids). */
  idPrefix: string;
  legend: { status: Status; label: string }[];
  /** Caption of the Lima/Callao inset. */
  insetLabel: string;
}

const LEGEND_ROW = 16;

/** A choropleth by traffic-light status, with a legend strip and the optional Lima/Callao inset. */
export function choroplethMap(input: ChoroplethInput): string {
  const { map } = input;
  const byCode = new Map(input.values.map((v) => [v.code, v]));
  const hatchId = `${input.idPrefix}-hatch`;
  const legendLayout = layoutLegend(input.legend, map.width);
  const height = map.height + 8 + legendLayout.rows * LEGEND_ROW;
  const parts: string[] = [svgOpen("map choropleth", map.width, height, input.title)];
  parts.push(
    `<defs><pattern id="${escapeXml(hatchId)}" width="5" height="5" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">` +
      `<rect width="5" height="5" fill="${STATUS_STYLES.referential.fill}"/><path d="M0,0V5" stroke="#7a7a7a" stroke-width="1.2"/></pattern></defs>`,
  );
  const fillOf = (status: Status): string =>
    STATUS_STYLES[status].hatch ? `url(#${escapeXml(hatchId)})` : STATUS_STYLES[status].fill;
  const drawFeatures = (features: ProjectedFeature[], strokeWidth: number): string => {
    const out: string[] = [];
    let highlighted = "";
    for (const f of features) {
      const v = byCode.get(f.code);
      const status = v?.status ?? "no-data";
      out.push(
        `<path class="area" data-code="${escapeXml(f.code)}" d="${f.d}" fill="${fillOf(status)}" stroke="${INK.border}" stroke-width="${strokeWidth}"/>`,
      );
      if (f.code === input.highlight)
        highlighted = `<path class="highlight" d="${f.d}" fill="none" stroke="${INK.highlight}" stroke-width="${strokeWidth * 4}" stroke-linejoin="round"/>`;
    }
    return out.join("") + highlighted;
  };
  parts.push(`<g class="areas">${drawFeatures(map.features, 0.6)}</g>`);
  if (map.inset) {
    const b = map.inset;
    parts.push(
      `<g class="inset"><rect x="${b.x}" y="${b.y}" width="${b.width}" height="${b.height}" fill="#ffffff" stroke="${INK.axis}" stroke-width="0.8"/>` +
        svgText(b.x + 4, b.y + 11, input.insetLabel, { "font-size": 9, fill: INK.muted }) +
        drawFeatures(b.features, 0.6) +
        `</g>`,
    );
  }
  // Legend strip.
  legendLayout.items.forEach((item) => {
    const y = map.height + 8 + item.row * LEGEND_ROW + LEGEND_ROW / 2;
    const swatch = STATUS_STYLES[item.status].hatch
      ? `<rect x="${r1(item.x)}" y="${r1(y - 5)}" width="10" height="10" fill="url(#${escapeXml(hatchId)})" stroke="${INK.axis}" stroke-width="0.5"/>`
      : statusShape(item.status, item.x + 5, y, 5);
    parts.push(
      `<g class="legend-item">${swatch}${svgText(item.x + 14, y + 3.5, item.label, { "font-size": 10, fill: INK.text })}</g>`,
    );
  });
  parts.push("</svg>");
  return parts.join("");
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
