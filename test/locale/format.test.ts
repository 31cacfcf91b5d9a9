import { describe, expect, it } from "@jest/globals";
import {
  addMonths,
  formatDecimal,
  formatMonth,
  formatPercent,
  formatPoints,
  formatShare,
  roundToDisplay,
} from "../../src/locale/format.js";
import { createTranslator, interpolate } from "../../src/locale/translate.js";
import { readMessages } from "../../src/locale/readMessages.js";

describe("roundToDisplay", () => {
  it("rounds to one decimal, half away from zero, ignoring binary noise", () => {
    expect(roundToDisplay((29 / 100) * 100)).toBe(29); // 28.999999999999996
    expect(roundToDisplay(92.95)).toBe(93);
    expect(roundToDisplay(92.94999)).toBe(92.9);
    expect(roundToDisplay(-2.25)).toBe(-2.3);
    expect(roundToDisplay(-0.04)).toBe(0);
    expect(Object.is(roundToDisplay(-0.04), -0)).toBe(false);
  });
});

describe("number formats", () => {
  it("uses es-PE (decimal point) and en", () => {
    expect(formatPercent(87.25, "es")).toBe("87.3%");
    expect(formatPercent(100, "en")).toBe("100.0%");
    expect(formatDecimal(12.34, "es")).toBe("12.3");
    expect(formatShare(0.624, "es")).toBe("62%");
  });

  it("signs changes in points with a typographic minus", () => {
    expect(formatPoints(2.14, "es")).toBe("+2.1 p.p.");
    expect(formatPoints(-0.4, "es")).toBe("\u22120.4 p.p.");
    expect(formatPoints(0, "en")).toBe("0.0 pts");
  });

  it('shows "—" for missing, NaN and infinite values', () => {
    for (const value of [null, undefined, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(formatPercent(value, "es")).toBe("—");
      expect(formatPoints(value, "es")).toBe("—");
      expect(formatShare(value, "es")).toBe("—");
    }
  });
});

describe("months", () => {
  it("names months in Spanish and English", () => {
    expect(formatMonth("2026-10", "es")).toBe("octubre de 2026");
    expect(formatMonth("2026-10", "en")).toBe("October 2026");
    expect(formatMonth("2026-01", "es", "short")).toBe("ene. 2026");
    expect(formatMonth("2026-01", "en", "short")).toBe("Jan 2026");
  });

  it("adds months across years and rejects malformed periods", () => {
    expect(addMonths("2026-03", -12)).toBe("2025-03");
    expect(addMonths("2026-01", -1)).toBe("2025-12");
    expect(addMonths("2025-12", 1)).toBe("2026-01");
    expect(() => formatMonth("2026-13", "es")).toThrow(/YYYY-MM/);
  });
});

describe("messages", () => {
  it("interpolates {name} placeholders and refuses missing or non-finite values", () => {
    expect(interpolate("{a} y {b}", { a: 1, b: "dos" })).toBe("1 y dos");
    expect(() => interpolate("{a}", {})).toThrow(/\{a\}/);
    expect(() => interpolate("{a}", { a: Number.NaN })).toThrow(/NaN/);
  });

  it("throws on a missing key instead of printing it", () => {
    const t = createTranslator({ "status.green": "En meta" });
    expect(t("status.green")).toBe("En meta");
    expect(() => t("status.blue")).toThrow(/status\.blue/);
  });

  it("reads both locale files, with the same compute keys", async () => {
    const es = await readMessages("es");
    const en = await readMessages("en");
    const prefixes = /^(status|alert|headline|change|rank|reason|unit|progress)\./;
    const esKeys = Object.keys(es)
      .filter((key) => prefixes.test(key))
      .sort();
    const enKeys = Object.keys(en)
      .filter((key) => prefixes.test(key))
      .sort();
    expect(esKeys).toEqual(enKeys);
    expect(es["status.green"]).toBe("En meta");
  });
});
