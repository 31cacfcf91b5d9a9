import { describe, expect, it } from "@jest/globals";
import { findNeighbours } from "../../src/compute/findNeighbours.js";
import { makeDataset, makeDistrict, makeGridTopology, makeResult } from "../helpers/builders.js";
import { indicatorOf } from "./support.js";

// A   B   C
// D   .   E      ("." is no feature; F has no feature at all)
const grid = [
  ["A", "B", "C"],
  ["D", null, "E"],
];

describe("neighbours from the TopoJSON", () => {
  it("pairs features that share an edge, not those touching at a corner", () => {
    const neighbours = findNeighbours(makeGridTopology(grid), "districts");
    expect(Object.fromEntries(neighbours)).toEqual({
      A: ["B", "D"],
      B: ["A", "C"],
      C: ["B", "E"],
      D: ["A"],
      E: ["C"],
    });
  });

  it("returns nothing for a missing layer", () => {
    expect(findNeighbours(makeGridTopology(grid), "ugel").size).toBe(0);
  });

  it("compares a district with its neighbours (any region), after itself, its region and the nation", () => {
    const dataset = makeDataset({
      districts: [
        makeDistrict("A", "R1", "UGEL A"),
        makeDistrict("B", "R1", "UGEL B"),
        makeDistrict("D", "R2", "UGEL D"),
        makeDistrict("F", "R2", "UGEL F"),
      ],
      results: ["A", "B", "D", "F"].map((code) => makeResult({ districtCode: code, value: 90 })),
      topology: makeGridTopology(grid),
      regionNames: { R1: "DRE Uno", R2: "DRE Dos" },
    });
    const a = indicatorOf(dataset, "A").comparisons;
    expect(a.map((unit) => [unit.level, unit.code, unit.self])).toEqual([
      ["district", "A", true],
      ["region", "R1", false],
      ["national", "PE", false],
      ["district", "D", false], // neighbours sorted by their label "DRE … – UGEL …"
      ["district", "B", false],
    ]);
    expect(a[3]?.name).toBe("DRE Dos – UGEL D");
    // F has no feature in the TopoJSON: no neighbours.
    expect(indicatorOf(dataset, "F").comparisons.map((unit) => unit.code)).toEqual(["F", "R2", "PE"]);
  });

  it("maps a district's region with the district highlighted", () => {
    const dataset = makeDataset({
      districts: [makeDistrict("A", "R1"), makeDistrict("B", "R1"), makeDistrict("D", "R2")],
      results: [makeResult({ districtCode: "A", value: 90 })],
      topology: makeGridTopology(grid),
    });
    const map = indicatorOf(dataset, "A").map;
    expect(map).toEqual({
      layer: "district",
      features: ["A", "B"],
      highlight: "A",
      values: [
        { code: "A", value: 90, status: "green", text: "90.0%" },
        { code: "B", value: null, status: "no-data", text: "—" },
      ],
    });
    const national = indicatorOf(dataset, "PE");
    expect(national.map.layer).toBe("region");
    expect(national.map.features).toEqual([]);
    expect(national.districtMap?.values.map((value) => value.code)).toEqual(["A", "B", "D"]);
  });
});
