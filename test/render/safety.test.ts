import { describe, expect, it } from "@jest/globals";
import { escapeXml } from "../../src/render/escapeXml.js";
import { renderReport } from "../../src/render/renderReport.js";
import { HOSTILE, makeSampleViews, TINY_UNITS } from "../helpers/sampleViews.js";
import { tinyContext } from "./support.js";

/** Handlebars' own escaping (it also escapes = and `). */
function hbsEscape(text: string): string {
  const map: Record<string, string> = {
    "&": "&amp;",
    "<": "&lt;",
    ">": "&gt;",
    '"': "&quot;",
    "'": "&#x27;",
    "`": "&#x60;",
    "=": "&#x3D;",
  };
  return text.replace(/[&<>"'`=]/g, (c) => map[c] ?? c);
}

/** Where the text appears escaped (by the templates or by our SVG code). */
function shownAsText(html: string, text: string): boolean {
  return html.includes(hbsEscape(text)) || html.includes(escapeXml(text));
}

/** Markup-looking elements that must never come out of the data. */
const FORBIDDEN = [/<script/i, /<iframe/i, /<img/i, /<foreignObject/i, /<a\s/i, /href="javascript:/i, /<b>/];

/**
 * Names, titles, school names and stories that look like markup must come out as text. The
 * sample views put HOSTILE strings in the first region's name, its first district's name, a
 * good-practice title and a school name; the good-practice HTML is already sanitized (as the
 * views deliver it) and holds escaped markup.
 */
describe("untrusted text in every level", () => {
  const views = makeSampleViews(TINY_UNITS, { hostile: true });
  const context = tinyContext();

  for (const code of ["PE", "010000", "010001"]) {
    it(`is escaped in the ${code} report`, () => {
      const html = renderReport(
        views.find((v) => v.code === code)!,
        context,
      );
      for (const pattern of FORBIDDEN)
        expect({ pattern: String(pattern), found: pattern.test(html) }).toEqual({
          pattern: String(pattern),
          found: false,
        });
      expect(shownAsText(html, HOSTILE.region)).toBe(true);
      expect(shownAsText(html, HOSTILE.title)).toBe(true);
      if (code !== "PE") expect(shownAsText(html, HOSTILE.district)).toBe(true);
      if (code === "010001") expect(shownAsText(html, HOSTILE.school)).toBe(true);
      // The sanitized story keeps its escaped text: not unescaped, not escaped twice.
      expect(
        html.includes(
          "<p>El equipo probó &lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;iframe&gt; sin éxito.</p>",
        ),
      ).toBe(true);
    });
  }

  it("escapes names inside SVG <text> too", () => {
    const html = renderReport(
      views.find((v) => v.code === "010002")!,
      context,
    );
    const svgTexts = [...html.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1] ?? "");
    expect(svgTexts.some((t) => t.startsWith("UGEL &lt;script&gt;alert(&quot;x&quot;)"))).toBe(true);
  });
});
