import { describe, expect, it } from "@jest/globals";
import { makeDataset, makeIndicator, makeResult, makeTarget } from "../helpers/builders.js";
import { viewOf } from "./support.js";

describe("headline", () => {
  const indicators = [
    makeIndicator({ id: "a" }),
    makeIndicator({ id: "b" }),
    makeIndicator({ id: "c", better: "lower" }),
    makeIndicator({ id: "d" }),
    makeIndicator({ id: "e" }),
  ];
  const row = (indicator: string, period: string, value: number, schools = 10) =>
    makeResult({ districtCode: "010001", indicator, period, value, schools });
  const dataset = makeDataset({
    indicators,
    results: [
      row("a", "2026-04", 80),
      row("a", "2026-05", 92), // +12, green
      row("b", "2026-04", 90),
      row("b", "2026-05", 87), // −3, amber
      row("c", "2026-04", 4),
      row("c", "2026-05", 12), // +8 on lower-is-better: setback, red
      row("d", "2026-04", 50),
      row("d", "2026-05", 95, 2), // +45 but referential: not counted
      // e: no data
    ],
    targets: indicators.map((indicator) =>
      makeTarget({ indicator: indicator.id, target: indicator.better === "lower" ? 5 : 90 }),
    ),
  });

  it("counts indicators by status and names the biggest improvement and setback among reliable changes", () => {
    const headline = viewOf(dataset, "010001").headline;
    expect(headline.counts).toEqual({ green: 1, amber: 1, red: 1, referential: 1, "no-data": 1 });
    expect(headline.biggestImprovement).toMatchObject({
      indicator: "a",
      change: { points: 12, text: "+12.0 p.p." },
    });
    expect(headline.biggestFall).toMatchObject({ indicator: "c", change: { points: 8, good: false } });
    expect(headline.text).toBe(
      "De 5 indicadores: 1 en meta, 1 en alerta y 1 bajo el mínimo. 2 sin color (referencial o sin datos). " +
        "Mayor mejora: Indicador a, +12.0 p.p.. Mayor retroceso: Indicador c, +8.0 p.p..",
    );
  });

  it("has no movers without a previous month", () => {
    const headline = viewOf(dataset, "010001", "2026-04").headline;
    expect(headline.biggestImprovement).toBeNull();
    expect(headline.biggestFall).toBeNull();
  });

  it("speaks English with the English messages", () => {
    const headline = viewOf(dataset, "010001", "2026-05", "en").headline;
    expect(headline.text).toMatch(/^Of 5 indicators: 1 on target, 1 below target and 1 below the minimum\./);
  });
});
