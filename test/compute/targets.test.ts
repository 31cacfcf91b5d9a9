import { describe, expect, it } from "@jest/globals";
import { makeDataset, makeDistrict, makeResult, makeTarget } from "../helpers/builders.js";
import { indicatorOf } from "./support.js";

describe("target fallback district → region → national", () => {
  const districts = [makeDistrict("010001"), makeDistrict("010002"), makeDistrict("020001", "020000")];
  const results = districts.map((district) => makeResult({ districtCode: district.code, value: 88 }));
  const dataset = makeDataset({
    districts,
    results,
    targets: [
      makeTarget({ level: "national", code: "PE", target: 95, baseline: 80, minimum: 90 }),
      makeTarget({ level: "region", code: "010000", target: 92, baseline: 84, minimum: 87 }),
      makeTarget({ level: "district", code: "010001", target: 88 }),
      makeTarget({ year: 2025, level: "district", code: "010002", target: 50 }),
    ],
  });

  it("uses the district's own row, whole: its missing minimum is target − 5, not the region's", () => {
    const view = indicatorOf(dataset, "010001");
    expect(view.targets.source).toBe("district");
    expect(view.targets.target.value).toBe(88);
    expect(view.targets.minimum.value).toBe(83);
    expect(view.targets.baseline).toEqual({ value: null, text: "—" });
    expect(view.status).toBe("green");
  });

  it("falls back to the region's row (another year's district row does not count)", () => {
    const view = indicatorOf(dataset, "010002");
    expect(view.targets.source).toBe("region");
    expect(view.targets.target.value).toBe(92);
    expect(view.status).toBe("amber");
  });

  it("falls back to the national row", () => {
    const view = indicatorOf(dataset, "020001");
    expect(view.targets.source).toBe("national");
    expect(view.status).toBe("red");
  });

  it("gives regions their own row, else the national one", () => {
    expect(indicatorOf(dataset, "010000").targets.source).toBe("region");
    expect(indicatorOf(dataset, "020000").targets.source).toBe("national");
    expect(indicatorOf(dataset, "PE").targets.source).toBe("national");
  });

  it("measures progress from baseline to target on the shown value", () => {
    // Region 010000: baseline 84, target 92, value 88 → half-way.
    const view = indicatorOf(dataset, "010000");
    expect(view.targets.progress).toBeCloseTo(0.5, 10);
    expect(view.targets.progressText).toBe("50% del camino de la línea de base a la meta");
    expect(indicatorOf(dataset, "010001").targets.progress).toBeNull();
    expect(indicatorOf(dataset, "010001").targets.progressText).toBe("Avance no disponible");
  });
});
