import { describe, expect, it } from "@jest/globals";
import { makeDataset, makeDistrict, makeResult, makeTarget } from "../helpers/builders.js";
import { indicatorOf, viewOf } from "./support.js";

describe("roll-ups of regions and the nation", () => {
  // 90/100 = 90 % and 500/1000 = 50 %: the naive average is 70 %, the weighted value 590/1100 = 53.6 %.
  const dataset = makeDataset({
    districts: [makeDistrict("010001"), makeDistrict("010002"), makeDistrict("020001", "020000")],
    results: [
      makeResult({ districtCode: "010001", numerator: 90, denominator: 100, schools: 3, cv: 40 }),
      makeResult({ districtCode: "010002", numerator: 500, denominator: 1000, schools: 3 }),
      makeResult({ districtCode: "020001", numerator: 300, denominator: 400, schools: 2 }),
    ],
    targets: [makeTarget({ target: 60 })],
  });

  it("weights by denominators: Σnumerators / Σdenominators, never the average of percentages", () => {
    const region = indicatorOf(dataset, "010000");
    expect(region.value.value).toBeCloseTo((100 * 590) / 1100, 10);
    expect(region.value.text).toBe("53.6%");
    expect(region.numerator).toBe(590);
    expect(region.denominator).toBe(1100);
    const national = indicatorOf(dataset, "PE");
    expect(national.value.value).toBeCloseTo((100 * 890) / 1500, 10);
    expect(national.numerator).toBe(890);
  });

  it("sums schools; a roll-up is referential only when its summed schools are below minSchools", () => {
    const region = indicatorOf(dataset, "010000");
    expect(region.schools).toBe(6);
    // Its districts are referential (3 schools; one with cv 40) but the region is rated: cv is unknown for roll-ups.
    expect(indicatorOf(dataset, "010001").referentialReason).toBe("few-schools");
    expect(region.status).toBe("red");
    const small = indicatorOf(dataset, "020000");
    expect(small.schools).toBe(2);
    expect(small.status).toBe("referential");
    expect(small.referentialReason).toBe("few-schools");
    expect(indicatorOf(dataset, "PE").schools).toBe(8);
  });

  it("rolls up the districts that have data; a region with none is no-data", () => {
    const partial = makeDataset({
      districts: [makeDistrict("010001"), makeDistrict("010002"), makeDistrict("020001", "020000")],
      results: [makeResult({ districtCode: "010001", value: 80, schools: 6 })],
    });
    expect(indicatorOf(partial, "010000").value.value).toBe(80);
    expect(indicatorOf(partial, "020000").status).toBe("no-data");
  });

  it("makes one view per unit: national, then regions, then districts, each by code", () => {
    const all = [viewOf(dataset, "PE"), viewOf(dataset, "010000"), viewOf(dataset, "020001")];
    expect(all.map((view) => view.level)).toEqual(["national", "region", "district"]);
    expect(viewOf(dataset, "PE").name).toBe("Perú");
    expect(viewOf(dataset, "020001").region).toEqual({ level: "region", code: "020000", name: "DRE 020000" });
  });

  it("tables the regions (national) and the districts (region) by status", () => {
    const national = viewOf(dataset, "PE");
    expect(national.table.map((row) => row.unit.code)).toEqual(["010000", "020000"]);
    expect(national.table[0]?.cells[0]).toMatchObject({
      indicator: "asistencia",
      text: "53.6%",
      status: "red",
    });
    const region = indicatorOf(dataset, "010000");
    expect(region.statusCounts).toEqual({ green: 0, amber: 0, red: 0, referential: 2, "no-data": 0 });
    expect(viewOf(dataset, "010000").table.map((row) => row.unit.code)).toEqual(["010001", "010002"]);
  });
});
