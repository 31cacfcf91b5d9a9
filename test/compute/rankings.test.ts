import { describe, expect, it } from "@jest/globals";
import { rankUnits } from "../../src/compute/rankUnits.js";
import { makeDataset, makeDistrict, makeIndicator, makeResult, makeTarget } from "../helpers/builders.js";
import { indicatorOf } from "./support.js";

describe("rankUnits", () => {
  const unit = (code: string, value: number | null, rankable = true) => ({
    code,
    name: `U ${code}`,
    value,
    rankable,
  });

  it("shares ranks between ties (competition ranking 1, 2, 2, 4), best first", () => {
    const result = rankUnits([unit("a", 70), unit("b", 90), unit("c", 80), unit("d", 80)], "higher");
    expect(result.order).toEqual(["b", "c", "d", "a"]);
    expect(["b", "c", "d", "a"].map((code) => result.ranks.get(code))).toEqual([1, 2, 2, 4]);
  });

  it("ties values that show the same at one decimal", () => {
    const result = rankUnits([unit("a", 80.04), unit("b", 79.96), unit("c", 79.94)], "higher");
    expect(["a", "b", "c"].map((code) => result.ranks.get(code))).toEqual([1, 1, 3]);
  });

  it("ranks the lowest first when lower is better", () => {
    const result = rankUnits([unit("a", 7), unit("b", 3), unit("c", 5)], "lower");
    expect(result.order).toEqual(["b", "c", "a"]);
    expect(result.ranks.get("a")).toBe(3);
  });

  it("leaves out referential and no-data units, counts them, and lists them last by name", () => {
    const result = rankUnits([unit("z", 99, false), unit("a", 50), unit("m", null, false)], "higher");
    expect(result).toMatchObject({ ranked: 1, excluded: 2, order: ["a", "m", "z"] });
    expect(result.ranks.get("z")).toBeNull();
  });
});

describe("ranks in views", () => {
  const districts = [
    makeDistrict("010001", "010000", "UGEL Uno"),
    makeDistrict("010002", "010000", "UGEL Dos"),
    makeDistrict("010003", "010000", "UGEL Tres"),
    makeDistrict("020001", "020000", "UGEL Cuatro"),
    makeDistrict("020002", "020000", "UGEL Cinco"),
  ];
  const dataset = makeDataset({
    districts,
    indicators: [makeIndicator(), makeIndicator({ id: "ausentes", better: "lower" })],
    results: [
      makeResult({ districtCode: "010001", value: 80 }),
      makeResult({ districtCode: "010002", value: 90 }),
      makeResult({ districtCode: "010003", value: 99, schools: 4 }), // referential: left out
      makeResult({ districtCode: "020001", value: 90 }),
      // 020002 has no data: left out
      makeResult({ districtCode: "010001", indicator: "ausentes", value: 3 }),
      makeResult({ districtCode: "010002", indicator: "ausentes", value: 8 }),
    ],
    targets: [makeTarget({ target: 85 }), makeTarget({ indicator: "ausentes", target: 5 })],
    regionNames: { "010000": "DRE Norte", "020000": "DRE Sur" },
  });

  it("ranks a district among all districts and within its region, saying how many were left out", () => {
    const view = indicatorOf(dataset, "010001");
    expect(view.rankNational).toEqual({
      rank: 3,
      of: 3,
      excluded: 2,
      tied: 1,
      text: "Puesto 3 de 3 UGEL del país (2 sin puesto por ser referenciales o sin datos)",
    });
    expect(view.rankRegional).toMatchObject({ rank: 2, of: 2, excluded: 1 });
    expect(indicatorOf(dataset, "020001").rankNational?.rank).toBe(1);
    expect(indicatorOf(dataset, "010002").rankNational?.rank).toBe(1);
  });

  it("gives a left-out district no rank", () => {
    const view = indicatorOf(dataset, "010003");
    expect(view.rankNational?.rank).toBeNull();
    expect(view.rankNational?.text).toMatch(/^Sin puesto/);
  });

  it("lists the district's regional peers best first, itself marked, the left-out last", () => {
    const peers = indicatorOf(dataset, "010001").peers;
    expect(peers.units.map((u) => [u.code, u.rank, u.self])).toEqual([
      ["010002", 1, false],
      ["010001", 2, true],
      ["010003", null, false],
    ]);
    expect(peers).toMatchObject({ ranked: 2, excluded: 1 });
  });

  it("ranks lower-is-better indicators lowest first", () => {
    expect(indicatorOf(dataset, "010001", "ausentes").rankNational?.rank).toBe(1);
    expect(indicatorOf(dataset, "010002", "ausentes").rankNational?.rank).toBe(2);
  });

  it("ranks regions in the national view, and shows top and bottom districts labelled DRE – UGEL", () => {
    const national = indicatorOf(dataset, "PE");
    // Norte: (800 + 900 + 990) / 3000 = 89.7 %; Sur: 90 %.
    expect(national.peers.units.map((u) => [u.name, u.rank])).toEqual([
      ["DRE Sur", 1],
      ["DRE Norte", 2],
    ]);
    expect(national.top.map((u) => [u.name, u.rank])).toEqual([
      ["DRE Sur – UGEL Cuatro", 1], // ties in order of the district's name
      ["DRE Norte – UGEL Dos", 1],
      ["DRE Norte – UGEL Uno", 3],
    ]);
    expect(national.bottom[0]?.name).toBe("DRE Norte – UGEL Uno");
    // Uno (80 %) is amber: target 85, no minimum → minimum 80.
    expect(national.statusCounts).toEqual({ green: 2, amber: 1, red: 0, referential: 1, "no-data": 1 });
    expect(national.rankNational).toBeNull();
  });

  it("ranks a region among all regions and lists its districts", () => {
    const region = indicatorOf(dataset, "020000");
    expect(region.rankNational).toMatchObject({
      rank: 1,
      of: 2,
      excluded: 0,
      text: "Puesto 1 de 2 regiones",
    });
    expect(region.peers.units.map((u) => u.code)).toEqual(["020001", "020002"]);
  });
});
