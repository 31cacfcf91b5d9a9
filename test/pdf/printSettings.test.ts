import { describe, expect, it } from "@jest/globals";
import { A4_MM, PAGE_MARGINS, PDF_OPTIONS, PRINT_VIEWPORT } from "../../src/pdf/launchPrinter.js";
import { readStyles } from "../../src/render/loadTemplates.js";

/** The declarations of every top-level `@page { … }` rule of the reports' CSS (margin boxes left out). */
function pageRules(css: string): Record<string, string>[] {
  const rules: Record<string, string>[] = [];
  for (const match of css.matchAll(/@page\s*\{/g)) {
    let depth = 1;
    let i = match.index + match[0].length;
    let own = "";
    for (; depth > 0 && i < css.length; i++) {
      const c = css[i]!;
      if (c === "{") depth++;
      else if (c === "}") depth--;
      else if (depth === 1) own += c;
    }
    const declarations: Record<string, string> = {};
    // Margin boxes (`@top-left { … }`) are nested: what remains at depth 1 are the page's own.
    for (const part of own.replace(/@[\w-]+\s*/g, "").split(";")) {
      const [name, ...value] = part.split(":");
      if (name?.trim() && value.length > 0) declarations[name.trim()] = value.join(":").trim();
    }
    rules.push(declarations);
  }
  return rules;
}

describe("the print settings and the styles' @page agree", () => {
  const rules = pageRules(readStyles()).filter((r) => "size" in r || "margin" in r);

  it("page.pdf() prints on the paper and with the margins of the styles' @page", () => {
    expect(rules).toEqual([{ size: "A4 portrait", margin: "14mm 12mm 16mm 12mm" }]);
    const [size, orientation] = rules[0]!.size!.split(" ");
    expect(PDF_OPTIONS.format).toBe(size);
    expect(orientation).toBe("portrait");
    const m = PAGE_MARGINS;
    expect(rules[0]!.margin).toBe(`${m.top} ${m.right} ${m.bottom} ${m.left}`);
    expect(PDF_OPTIONS.margin).toEqual(PAGE_MARGINS);
  });

  it("the pages are laid out at the printable area of that paper (A4 less the margins, 96 px per inch)", () => {
    const mm = (value: string) => Number(/^(\d+(?:\.\d+)?)mm$/.exec(value)![1]);
    const [top, right, bottom, left] = rules[0]!.margin!.split(" ").map(mm) as [
      number,
      number,
      number,
      number,
    ];
    expect(A4_MM).toEqual({ width: 210, height: 297 });
    expect(PRINT_VIEWPORT).toEqual({
      width: Math.round(((A4_MM.width - left - right) / 25.4) * 96),
      height: Math.round(((A4_MM.height - top - bottom) / 25.4) * 96),
    });
    expect(PRINT_VIEWPORT).toEqual({ width: 703, height: 1009 });
  });
});
