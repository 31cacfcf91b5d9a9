import { describe, expect, it } from "@jest/globals";
import { parseDatasetConfig } from "../../src/dataset/parseDatasetConfig.js";
import { demoDataset } from "../../src/demo/demoDataset.js";
import { demoDatasetJson } from "../../src/demo/demoDatasetJson.js";
import { INDICATOR_IDS } from "../../src/demo/demoSettings.js";
import { generateTargets } from "../../src/demo/generateTargets.js";
import type { DemoDistrict, DemoUnits } from "../../src/demo/readUnits.js";
import type { DatasetConfig, Result } from "../../src/model.js";

const config = parseDatasetConfig(JSON.stringify(demoDatasetJson({ schools: true }))).config as DatasetConfig;

const district = (code: string, regionCode: string): DemoDistrict => ({
  code,
  name: `UGEL ${code}`,
  regionCode,
  regionName: `DRE ${regionCode}`,
  hasPolygon: true,
});
const a1 = district("010001", "010000");
const a2 = district("010002", "010000");
const b1 = district("020001", "020000");
const units: DemoUnits = {
  districts: [a1, a2, b1],
  regions: [
    { code: "010000", name: "DRE 010000", districts: [a1, a2] },
    { code: "020000", name: "DRE 020000", districts: [b1] },
  ],
};

/** April rows of both years: `counts[code] = [numerator, denominator]` for every indicator. */
function aprilResults(counts: Record<string, [number, number]>): Result[] {
  return ["2025-04", "2026-04"].flatMap((period) =>
    Object.entries(counts).flatMap(([districtCode, [numerator, denominator]]) =>
      INDICATOR_IDS.map((indicator) => ({
        period,
        districtCode,
        indicator,
        numerator,
        denominator,
        schools: 10,
      })),
    ),
  );
}

describe("generateTargets", () => {
  // 010001: 50 of 100, 010002: 90 of 300, 020001: 7 of 10. Region 010000 is the roll-up of its two
  // districts, (50 + 90) / (100 + 300) = 35 %, not the mean of 50 % and 30 %; the nation is
  // (50 + 90 + 7) / 410 = 35.853… %, shown 35.9.
  const results = aprilResults({ "010001": [50, 100], "010002": [90, 300], "020001": [7, 10] });
  const targets = generateTargets(demoDataset(config, units, results, []), new Set(["010002"]));
  const baseline = (year: number, code: string) =>
    targets.find((t) => t.year === year && t.code === code && t.indicator === "materiales")?.baseline;

  it("sets each baseline from the unit's April value, summed over its districts (the project's roll-up)", () => {
    for (const year of [2025, 2026]) {
      expect(baseline(year, "010001")).toBe(50);
      expect(baseline(year, "020001")).toBe(70);
      expect(baseline(year, "010000")).toBe(35);
      expect(baseline(year, "020000")).toBe(70);
      expect(baseline(year, "PE")).toBe(35.9);
    }
  });

  it("gives a district without targets no row (it falls back to its region's), and every other unit one per indicator and year", () => {
    expect(targets.filter((t) => t.code === "010002")).toEqual([]);
    expect(targets).toHaveLength(2 * 7 * (1 + 2 + 2));
    for (const t of targets) {
      expect(t.target).toBeGreaterThan(t.baseline as number);
      expect(t.target).toBeLessThanOrEqual(100);
      expect(t.minimum).toBeLessThan(t.target);
    }
  });
});
