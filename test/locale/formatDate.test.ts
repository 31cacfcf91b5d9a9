import { describe, expect, it } from "@jest/globals";
import { formatDate, formatPoints } from "../../src/locale/format.js";

describe("dates in words (formatDate)", () => {
  it("writes a day the reader's way, never as an ISO date", () => {
    expect(formatDate("2026-04-10", "es")).toBe("10 de abril de 2026");
    expect(formatDate("2026-04-10", "en")).toBe("April 10, 2026");
    expect(formatDate("2026-09-01", "es", "short")).toBe("1 set. 2026");
    expect(formatDate("2026-09-01", "en", "short")).toBe("Sep 1, 2026");
  });

  it("leaves anything that is not YYYY-MM-DD as it is", () => {
    expect(formatDate("abril", "es")).toBe("abril");
  });
});

describe("one word for a difference of percentages", () => {
  it("changes use the gaps' unit: p.p. in Spanish", () => {
    expect(formatPoints(-14.5, "es")).toBe("\u221214.5 p.p.");
    expect(formatPoints(2.6, "en")).toBe("+2.6 pts");
  });
});
