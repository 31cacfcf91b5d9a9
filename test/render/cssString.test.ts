import { describe, expect, it } from "@jest/globals";
import { cssPageLabel, cssString } from "../../src/render/cssString.js";

describe("cssString", () => {
  it("keeps ASCII letters, digits and spaces, and hex-escapes everything else", () => {
    expect(cssString("UGEL 01 Bagua")).toBe('"UGEL 01 Bagua"');
    expect(cssString("Bongará")).toBe('"Bongar\\E1 "');
    expect(cssString("Ñ · 😀")).toBe('"\\D1  \\B7  \\1F600 "');
  });

  it("leaves nothing that can end the string, the rule or the <style> element", () => {
    const hostile = `x"; } body { display: none } /* \\ \n </style><script>alert(1)</script> '&`;
    const escaped = cssString(hostile);
    // Only the two delimiting quotes; no raw quote, brace, backslash-newline, <, >, & or newline.
    expect(escaped.slice(1, -1)).not.toMatch(/["'{};<>&\n/*]/);
    expect(escaped.startsWith('"') && escaped.endsWith('"')).toBe(true);
    // Every escape decodes back to the original text (CSS: backslash, hex digits, one space).
    const decoded = escaped
      .slice(1, -1)
      .replace(/\\([0-9A-F]{1,6}) /g, (_m, hex: string) => String.fromCodePoint(parseInt(hex, 16)));
    expect(decoded).toBe(hostile);
  });
});

describe("cssPageLabel", () => {
  it("turns the locale's page label into CSS counters", () => {
    expect(cssPageLabel("Página {page} de {pages}")).toBe(
      '"P\\E1 gina " counter(page) " de " counter(pages)',
    );
    expect(cssPageLabel("{page}/{pages}")).toBe('counter(page) "\\2F " counter(pages)');
    expect(cssPageLabel("Page {page} of {pages}")).toBe('"Page " counter(page) " of " counter(pages)');
  });
});
