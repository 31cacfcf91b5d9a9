import { describe, expect, it } from "@jest/globals";
import type { Status } from "../../src/model.js";
import { STATUS_ORDER, STATUS_STYLES } from "../../src/render/palette.js";

/** Grey level (0–100 %) as printers convert colour: 0.299 R + 0.587 G + 0.114 B. */
function grey(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  return ((0.299 * r! + 0.587 * g! + 0.114 * b!) / 255) * 100;
}

describe("the status palette printed in grey", () => {
  it("converts like a printer (the check can fail)", () => {
    expect(grey("#000000")).toBe(0);
    expect(Math.round(grey("#ffffff"))).toBe(100);
    expect(Math.round(grey("#0b5d32"))).toBe(25);
  });

  it("keeps every two status fills at least 15 points of grey apart", () => {
    const pairs: string[] = [];
    STATUS_ORDER.forEach((a, i) =>
      STATUS_ORDER.slice(i + 1).forEach((b) => {
        const gap = Math.abs(grey(STATUS_STYLES[a].fill) - grey(STATUS_STYLES[b].fill));
        if (gap < 15) pairs.push(`${a}/${b}: ${gap.toFixed(1)}`);
      }),
    );
    expect(pairs).toEqual([]);
  });

  it("draws each status's glyph in an ink that stands out from its fill in grey (40 points or more)", () => {
    const weak = (Object.keys(STATUS_STYLES) as Status[]).filter(
      (s) => Math.abs(grey(STATUS_STYLES[s].fill) - grey(STATUS_STYLES[s].ink)) < 40,
    );
    expect(weak).toEqual([]);
  });

  it("gives each status its own shape", () => {
    const shapes = STATUS_ORDER.map((s) => STATUS_STYLES[s].shape);
    expect(new Set(shapes).size).toBe(STATUS_ORDER.length);
  });
});
