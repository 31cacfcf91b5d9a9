import { describe, expect, it } from "@jest/globals";
import { cpSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readFontCss } from "../../src/render/fonts/readFontCss.js";
import { readStyles, STYLE_SHEETS } from "../../src/render/loadTemplates.js";
import { renderReport } from "../../src/render/renderReport.js";
import { makeSampleViews, TINY_UNITS } from "../helpers/sampleViews.js";
import { messagesOf } from "../helpers/messages.js";
import { ROOT, templatesOnce, tinyContext } from "./support.js";

describe("loadTemplates", () => {
  it("embeds Source Sans 3 latin + latin-ext 400/600/700 as base64 woff2 (nothing fetched)", () => {
    const css = readFontCss();
    expect(css.match(/@font-face/g)).toHaveLength(6);
    for (const weight of [400, 600, 700]) expect(css).toContain(`font-weight:${weight};`);
    expect(css.match(/src:url\(data:font\/woff2;base64,/g)).toHaveLength(6);
    expect(css).toContain("unicode-range:U+0100-02BA"); // latin-ext: ñ is latin, ő/ş etc. latin-ext
    expect(css).not.toMatch(/url\((?!data:)/);
  });

  it("compiles in strict mode: a missing field is an error, not an empty string", () => {
    expect(() => templatesOnce().render("district", { lang: "es" })).toThrow(/not defined|strict|in/);
  });

  it("keeps the render strings of both locales in step", () => {
    const prefixes = /^(report|section|table|chart|map|legend|method|cover|footer)\./;
    const es = Object.keys(messagesOf("es"))
      .filter((k) => prefixes.test(k))
      .sort();
    const en = Object.keys(messagesOf("en"))
      .filter((k) => prefixes.test(k))
      .sort();
    expect(en).toEqual(es);
    expect(es.length).toBeGreaterThan(100);
  });

  it("inlines templates/styles/*.css into every report as they are, in STYLE_SHEETS order", () => {
    const css = STYLE_SHEETS.map((name) =>
      readFileSync(join(ROOT, "templates", "styles", `${name}.css`), "utf8"),
    );
    expect(readStyles()).toBe(css.join(""));
    // A function partial: CSS is never read as a template, so no Handlebars may hide in it.
    expect(readStyles()).not.toContain("{{");
    const view = makeSampleViews(TINY_UNITS).find((v) => v.level === "district")!;
    const style = /<style>\n([\s\S]*?)<\/style>/.exec(renderReport(view, tinyContext()))![1]!;
    expect(style.startsWith(`${readFontCss()}${css.join("")}@page {\n  @top-left`)).toBe(true);
  });

  it("refuses a style sheet that STYLE_SHEETS does not list, and a listed one that is missing", () => {
    const dir = mkdtempSync(join(tmpdir(), "semaforo-styles-"));
    try {
      cpSync(join(ROOT, "templates", "styles"), join(dir, "styles"), { recursive: true });
      expect(readStyles(dir)).toBe(readStyles());
      writeFileSync(join(dir, "styles", "extra.css"), ".x { color: red; }\n");
      expect(() => readStyles(dir)).toThrow(/found .*extra/);
      unlinkSync(join(dir, "styles", "extra.css"));
      unlinkSync(join(dir, "styles", "region.css"));
      expect(() => readStyles(dir)).toThrow(/STYLE_SHEETS/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
