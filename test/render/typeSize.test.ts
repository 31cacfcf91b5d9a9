import { describe, expect, it } from "@jest/globals";
import { readStyles } from "../../src/render/loadTemplates.js";

/** Smallest printed type, in points: below it a printed report is hard to read. */
const MIN_PT = 7;

describe("no printed text under 7 pt", () => {
  it("every font-size of the report's style sheets is at least 7 pt (or relative, ≥ 0.8em)", () => {
    const css = readStyles();
    const sizes = [...css.matchAll(/font-size:\s*([\d.]+)(pt|px|em|rem|%)/g)].map((m) => ({
      value: Number(m[1]),
      unit: m[2],
      rule:
        css
          .slice(Math.max(0, (m.index ?? 0) - 80), m.index)
          .split("\n")
          .pop() ?? "",
    }));
    expect(sizes.length).toBeGreaterThan(10);
    const tooSmall = sizes.filter(
      (s) =>
        (s.unit === "pt" && s.value < MIN_PT) ||
        (s.unit === "px" && s.value * 0.75 < MIN_PT) ||
        ((s.unit === "em" || s.unit === "rem") && s.value < 0.8) ||
        (s.unit === "%" && s.value < 80),
    );
    expect(tooSmall).toEqual([]);
  });
});
