import { describe, expect, it } from "@jest/globals";
import {
  makeDataset,
  makeDistrict,
  makeIndicator,
  makeResult,
  makeSchool,
  makeTarget,
} from "../helpers/builders.js";
import { viewOf } from "./support.js";

describe("schools of a district view", () => {
  const dataset = makeDataset({
    districts: [makeDistrict("010001"), makeDistrict("010002")],
    indicators: [
      makeIndicator({ id: "a" }),
      makeIndicator({ id: "b", better: "lower" }),
      makeIndicator({ id: "c" }),
    ],
    results: [makeResult({ districtCode: "010001", indicator: "a", value: 90 })],
    targets: [
      makeTarget({ indicator: "a", target: 90, minimum: 85 }),
      makeTarget({ indicator: "b", target: 5 }),
    ],
    schools: [
      makeSchool({
        districtCode: "010001",
        schoolCode: "S1",
        schoolName: "IE Alfa",
        indicator: "a",
        value: 95,
      }),
      makeSchool({
        districtCode: "010001",
        schoolCode: "S1",
        schoolName: "IE Alfa",
        indicator: "b",
        value: 10.04,
      }),
      makeSchool({
        districtCode: "010001",
        schoolCode: "S2",
        schoolName: "IE Beta",
        indicator: "a",
        value: 84.9,
      }),
      makeSchool({
        districtCode: "010001",
        schoolCode: "S3",
        schoolName: "IE Gama",
        indicator: "b",
        value: 12,
      }),
      makeSchool({
        districtCode: "010001",
        schoolCode: "S4",
        schoolName: "IE Delta",
        indicator: "a",
        value: 85,
      }),
      makeSchool({ districtCode: "010001", schoolCode: "S9", period: "2026-04", indicator: "a", value: 1 }),
    ],
  });

  it("lists the month's schools by how many indicators are below the minimum, then how far, then name", () => {
    const schools = viewOf(dataset, "010001").schools;
    expect(schools?.indicators).toEqual([
      { id: "a", label: "Indicador a", yesNo: false },
      { id: "b", label: "Indicador b", yesNo: false },
    ]);
    expect(schools?.rows.map((row) => [row.name, row.flagged, row.belowCount, row.shortfall])).toEqual([
      ["IE Gama", true, 1, 2], // 12 > 10 (lower is better: minimum = 5 + 5): 2.0 points past it
      ["IE Beta", true, 1, 0.1], // 84.9 < 85: 0.1 points past it
      ["IE Alfa", false, 0, 0], // 10.04 shows 10.0: at the limit
      ["IE Delta", false, 0, 0],
    ]);
    expect(schools?.rows[0]?.failing).toEqual(["Indicador b"]);
    expect(schools?.visitFirst.map((row) => row.name)).toEqual(["IE Gama", "IE Beta"]);
    expect(schools?.rows[0]?.cells).toEqual([
      { value: null, text: "—", belowMinimum: false },
      { value: 12, text: "12.0%", belowMinimum: true },
    ]);
  });

  it("is null for districts without school rows, and for regions and the nation", () => {
    expect(viewOf(dataset, "010002").schools).toBeNull();
    expect(viewOf(dataset, "010000").schools).toBeNull();
    expect(viewOf(dataset, "PE").schools).toBeNull();
  });
});
