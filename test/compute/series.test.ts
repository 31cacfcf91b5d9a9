import { describe, expect, it } from "@jest/globals";
import { makeDataset, makeDistrict, makeResult, makeTarget } from "../helpers/builders.js";
import { indicatorOf } from "./support.js";

// School calendar of the dataset: Apr–Nov 2025, then Mar–May 2026 (holidays Dec–Feb are not months).
const calendar = [
  "2025-04",
  "2025-05",
  "2025-06",
  "2025-07",
  "2025-08",
  "2025-09",
  "2025-10",
  "2025-11",
  "2026-03",
  "2026-04",
  "2026-05",
];

describe("series and changes follow the dataset's school calendar", () => {
  const districts = [makeDistrict("010001"), makeDistrict("010002")];
  const results = [
    // 010002 is visited every school month: it defines the calendar.
    ...calendar.map((period, i) => makeResult({ districtCode: "010002", period, value: 80 + i })),
    // 010001 has gaps: no visit in 2025-07 nor in 2026-04 (strike).
    ...calendar
      .filter((period) => period !== "2025-07" && period !== "2026-04")
      .map((period, i) => makeResult({ districtCode: "010001", period, value: 70 + i })),
  ];
  const dataset = makeDataset({
    districts,
    results,
    targets: [makeTarget({ year: 2025, target: 85 }), makeTarget({ year: 2026, target: 85 })],
  });

  it("lists the last 12 school months up to the period, gaps as null (never zero)", () => {
    const series = indicatorOf(dataset, "010001").series;
    expect(series.map((point) => point.period)).toEqual(calendar);
    const gap = series.find((point) => point.period === "2025-07");
    expect(gap).toMatchObject({ value: null, status: "no-data", label: "jul. 2025" });
    expect(series.find((point) => point.period === "2026-04")?.value).toBeNull();
    expect(series.at(-1)).toMatchObject({ period: "2026-05", label: "may. 2026" });
  });

  it("keeps only 12 months when there are more", () => {
    const longer = makeDataset({
      districts,
      results: [
        ...results,
        makeResult({ districtCode: "010002", period: "2026-06", value: 90 }),
        makeResult({ districtCode: "010002", period: "2026-07", value: 90 }),
      ],
    });
    const series = indicatorOf(longer, "010002", "asistencia", "2026-07").series;
    expect(series).toHaveLength(12);
    expect(series[0]?.period).toBe("2025-05");
    expect(series.at(-1)?.period).toBe("2026-07");
  });

  it("compares with the previous school month of the calendar, skipping the holidays", () => {
    const march = indicatorOf(dataset, "010002", "asistencia", "2026-03");
    expect(march.previous).toMatchObject({ period: "2025-11", points: 1, text: "+1.0 p.p.", good: true });
    expect(march.previous?.periodLabel).toBe("noviembre de 2025");
  });

  it("leaves the change empty when this unit has no value in the previous school month", () => {
    const may = indicatorOf(dataset, "010001");
    expect(may.previous).toMatchObject({ period: "2026-04", points: null, text: "—", good: null });
  });

  it("compares with the same month a year earlier when the dataset has it", () => {
    const may = indicatorOf(dataset, "010002");
    expect(may.yearAgo).toMatchObject({ period: "2025-05", points: 9, text: "+9.0 p.p." });
    const march = indicatorOf(dataset, "010002", "asistencia", "2026-03");
    expect(march.yearAgo).toBeNull(); // no results at all in 2025-03
  });

  it("has no previous change at the first month of the data", () => {
    expect(indicatorOf(dataset, "010002", "asistencia", "2025-04").previous).toBeNull();
  });

  it("computes the change on the shown values so the text adds up, and judges it by `better`", () => {
    const data = makeDataset({
      results: [
        makeResult({ districtCode: "010001", period: "2026-04", numerator: 87349, denominator: 100000 }),
        makeResult({ districtCode: "010001", period: "2026-05", numerator: 85051, denominator: 100000 }),
      ],
    });
    const view = indicatorOf(data, "010001");
    expect([view.series[0]?.value, view.value.text]).toEqual([87.349, "85.1%"]);
    expect(view.previous).toMatchObject({ points: -2.2, text: "\u22122.2 p.p.", good: false });
  });
});
