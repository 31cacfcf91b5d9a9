import { escapeXml } from "../escapeXml.js";

/** Rounds a coordinate to one decimal for compact, stable SVG. */
export function r1(n: number): string {
  return String(Math.round(n * 10) / 10);
}

/** Opens an accessible SVG: viewBox, width/height, role="img", aria-label and <title>. */
export function svgOpen(className: string, width: number, height: number, title: string): string {
  const t = escapeXml(title);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="${className}" viewBox="0 0 ${r1(width)} ${r1(height)}" ` +
    `width="${r1(width)}" height="${r1(height)}" role="img" aria-label="${t}" font-family="'Source Sans 3', sans-serif">` +
    `<title>${t}</title>`
  );
}

/** A <text> element with escaped content. */
export function svgText(
  x: number,
  y: number,
  text: string,
  attrs: Record<string, string | number> = {},
): string {
  const a = Object.entries(attrs)
    .map(([k, v]) => ` ${k}="${typeof v === "number" ? r1(v) : escapeXml(v)}"`)
    .join("");
  return `<text x="${r1(x)}" y="${r1(y)}"${a}>${escapeXml(text)}</text>`;
}

/** Shortens a label to at most `max` characters with an ellipsis. */
export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

/**
 * A label on a white box, so lines crossing it do not hide it. The box is sized from the text
 * length (an estimate: ~0.56 em per character). A box is much cheaper to print than a stroked
 * text halo, which Chromium's PDF backend turns into Type 3 glyph outlines.
 */
export function boxedText(
  x: number,
  y: number,
  text: string,
  attrs: Record<string, string | number> & { "font-size": number },
): string {
  const size = attrs["font-size"];
  const w = text.length * size * 0.56 + 3;
  const anchor = attrs["text-anchor"];
  const left = anchor === "middle" ? x - w / 2 : anchor === "end" ? x - w + 1.5 : x - 1.5;
  return (
    `<rect x="${r1(left)}" y="${r1(y - size * 0.82)}" width="${r1(w)}" height="${r1(size * 1.08)}" fill="#ffffff"/>` +
    svgText(x, y, text, attrs)
  );
}
