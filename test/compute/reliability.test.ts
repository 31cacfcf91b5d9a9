import { describe, expect, it } from "@jest/globals";
import type { Result } from "../../src/model.js";
import { makeDataset, makeDistrict, makeIndicator, makeResult, makeTarget } from "../helpers/builders.js";
import { indicatorOf, viewOf } from "./support.js";

// The reliability rule (docs/decisions.md): a value with cv above maxCv (15 by default) is only
// referential; it is never ranked and its changes raise no alert. At exactly maxCv it counts.

type Row = Partial<Result> & { value?: number };

describe("a high cv makes a value unreliable", () => {
  /** District 010001 at 95 in April and 80 in May (a 15-point fall), with the given cvs. */
  const dataset = (april: Row, may: Row) =>
    makeDataset({
      districts: [makeDistrict("010001"), makeDistrict("010002"), makeDistrict("010003")],
      indicators: [makeIndicator()],
      results: [
        makeResult({ districtCode: "010001", period: "2026-04", value: 95, ...april }),
        makeResult({ districtCode: "010001", period: "2026-05", value: 99, ...may }),
        makeResult({ districtCode: "010002", period: "2026-04", value: 50 }),
        makeResult({ districtCode: "010002", period: "2026-05", value: 60 }),
        makeResult({ districtCode: "010003", period: "2026-04", value: 50 }),
        makeResult({ districtCode: "010003", period: "2026-05", value: 70 }),
      ],
      targets: [makeTarget({ target: 90 })],
    });

  it("is ranked with cv 15 and left out of the ranking with cv 15.1", () => {
    expect(indicatorOf(dataset({}, { cv: 15 }), "010001").rankNational).toMatchObject({
      rank: 1,
      of: 3,
      excluded: 0,
    });
    const high = indicatorOf(dataset({}, { cv: 15.1 }), "010001");
    expect(high.rankNational).toMatchObject({ rank: null, excluded: 1 });
    expect(indicatorOf(dataset({}, { cv: 15.1 }), "010003").rankNational).toMatchObject({ rank: 1, of: 2 });
  });

  it("raises a fall between reliable values only: a cv of 15.1 either month silences it", () => {
    const kinds = (april: Row, may: Row) =>
      viewOf(dataset(april, { value: 80, ...may }), "010001").alerts.map((alert) => alert.kind);
    expect(kinds({ cv: 15 }, { cv: 15 })).toContain("fell");
    expect(kinds({ cv: 15.1 }, {})).not.toContain("fell");
    expect(kinds({}, { cv: 15.1 })).not.toContain("fell");
  });
});
