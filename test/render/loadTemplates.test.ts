import { describe, expect, it } from "@jest/globals";
import { readFontCss } from "../../src/render/fonts/readFontCss.js";
import { messagesOf } from "../helpers/messages.js";
import { templatesOnce } from "./support.js";

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
});
