import { describe, expect, it } from "@jest/globals";
import { buildTeamBrief } from "../../src/compute/buildTeamBrief.js";
import { buildTeamBriefRanking } from "../../src/compute/buildTeamBriefRanking.js";
import type { Dataset } from "../../src/model.js";
import { makeDataset, makeDistrict, makeGoodPractice, makeResult, makeTarget } from "../helpers/builders.js";
import { messagesOf } from "../helpers/messages.js";

const brief = (dataset: Dataset, period = "2026-05") =>
  buildTeamBrief(dataset, period, { locale: "es", messages: messagesOf("es") });

describe("the support ranking", () => {
  it("lasting problems first, then commitments at risk, then the largest fall, then the code; ties share a rank", () => {
    const ranked = buildTeamBriefRanking([
      { code: "010005", streaks: 0, commitmentsAtRisk: 0, worstFall: 9.5 },
      { code: "010004", streaks: 1, commitmentsAtRisk: 0, worstFall: 0 },
      { code: "010003", streaks: 1, commitmentsAtRisk: 1, worstFall: 0 },
      { code: "010002", streaks: 2, commitmentsAtRisk: 0, worstFall: 0 },
      { code: "010001", streaks: 0, commitmentsAtRisk: 0, worstFall: 9.5 },
      { code: "010006", streaks: 0, commitmentsAtRisk: 0, worstFall: 6 },
    ]);
    expect(ranked.map((r) => [r.rank, r.code])).toEqual([
      [1, "010002"],
      [2, "010003"],
      [3, "010004"],
      [4, "010001"],
      [4, "010005"],
      [6, "010006"],
    ]);
  });
});

describe("the enabling team's brief", () => {
  // Target 90, minimum 85 (so red is below 85), fall alert 5 points.
  const months = ["2026-03", "2026-04", "2026-05"];
  const series = (code: string, values: number[]) =>
    values.map((value, i) => makeResult({ districtCode: code, period: months[i], value }));
  const dataset: Dataset = {
    ...makeDataset({
      districts: [
        makeDistrict("010001"),
        makeDistrict("010002"),
        makeDistrict("010003"),
        makeDistrict("020001", "020000"),
      ],
      targets: [makeTarget({ target: 90, baseline: 80, minimum: 85 })],
      results: [
        ...series("010001", [80, 82, 83]), // below 85 three months: red streak 3
        ...series("010002", [86, 95, 88]), // fell 7.0 points, amber
        ...series("010003", [91, 92, 93]), // fine
        ...series("020001", [86, 84, 83]), // red two months: streak 2
      ],
      goodPractices: [
        makeGoodPractice({ district: "010003", period: "2026-04", title: "Historia <b>propia</b>" }),
        makeGoodPractice({ district: "020001", period: "2026-04", title: "Historia de otra región" }),
      ],
    }),
    contacts: [{ level: "district", code: "010001", name: "Luis Quispe", phone: "041 123456" }],
    support: [
      { date: "2026-04-10", level: "district", code: "010001", indicator: "asistencia", action: "Visita" },
      { date: "2026-05-02", level: "district", code: "010001", indicator: "asistencia", action: "Llamada" },
      { date: "2026-06-01", level: "district", code: "010002", indicator: "asistencia", action: "Después" },
    ],
  };

  it("lists the units that need support, ranked, with why, trend, contact and stories", () => {
    const view = brief(dataset);
    // 010001 and 020001 tie on streaks (one each) and commitments (none): the larger fall decides,
    // 020001 (84.0 → 83.0, 1.0 point) before 010001 (it rose). 010002 only fell (95 → 88, 7.0 points).
    expect(view.units.map((u) => [u.rank, u.unit.code, u.streaks, u.worstFall])).toEqual([
      [1, "020001", 1, 1],
      [2, "010001", 1, 0],
      [3, "010002", 0, 7],
    ]);
    expect(view.units[2]?.weak[0]?.reasonTexts).toEqual(["cayó 7.0 puntos desde el mes anterior"]);
    const first = view.units.find((u) => u.unit.code === "010001");
    expect(first?.weak[0]).toMatchObject({
      reasons: ["red-streak"],
      reasonTexts: ["bajo el mínimo 3 meses seguidos"],
      trendText: "80.0% → 82.0% → 83.0%",
      redStreak: 3,
    });
    expect(first?.contact?.name).toBe("Luis Quispe");
    // Its own region's story first, then the other region's.
    expect(first?.stories.map((s) => s.title)).toEqual(["Historia <b>propia</b>", "Historia de otra región"]);
  });

  it("a commitment at risk lists a unit; one out of reach does not", () => {
    const withCommitments: Dataset = {
      ...dataset,
      commitments: [
        // 010003: (91 + 92 + 93) / 3 = 92.0 against a target of 95 → needs (95 × 4 − 276) / 1 = 104: out of reach.
        {
          year: 2026,
          level: "district",
          code: "010003",
          indicator: "asistencia",
          type: "fija",
          months: [...months, "2026-06"],
          amount: 1,
        },
      ],
      targets: [
        makeTarget({ target: 90, baseline: 80, minimum: 85 }),
        makeTarget({ level: "district", code: "010003", target: 95, minimum: 85 }),
      ],
    };
    expect(brief(withCommitments).units.some((u) => u.unit.code === "010003")).toBe(false);
    // Over five months (two to go) it needs (95 × 5 − 276) / 2 = 99.5: at risk, so it is listed.
    const atRisk: Dataset = {
      ...withCommitments,
      commitments: [{ ...withCommitments.commitments[0]!, months: [...months, "2026-06", "2026-07"] }],
    };
    const unit = brief(atRisk).units.find((u) => u.unit.code === "010003");
    expect(unit).toMatchObject({ commitmentsAtRisk: 1, streaks: 0 });
    expect(unit?.weak[0]?.reasons).toEqual(["commitment"]);
  });

  it("follows up support: the change since the last school month before support started", () => {
    const view = brief(dataset);
    // 010001 supported from 2026-04-10: before = March (80.0), now = May (83.0), +3.0 good.
    // The action dated 2026-06-01 is after the report's month: left out.
    expect(view.followUp).toEqual([
      expect.objectContaining({
        unit: { level: "district", code: "010001", name: "UGEL 010001" },
        since: "2026-04-10",
        actions: [
          { date: "2026-04-10", action: "Visita" },
          { date: "2026-05-02", action: "Llamada" },
        ],
        beforePeriod: "2026-03",
        before: { value: 80, text: "80.0%" },
        now: { value: 83, text: "83.0%" },
        change: { points: 3, text: "+3.0 p.p.", good: true },
      }),
    ]);
  });

  it("lists the month's data quality: no visits, referential values, missing months", () => {
    const results = dataset.results
      // 010003 has no visit in May.
      .filter((r) => !(r.districtCode === "010003" && r.period === "2026-05"))
      // 010002 visited only 3 schools in May: referential.
      .map((r) => (r.districtCode === "010002" && r.period === "2026-05" ? { ...r, schools: 3 } : r));
    const view = brief({ ...dataset, results });
    expect(view.quality.noVisits.map((u) => u.code)).toEqual(["010003"]);
    expect(view.quality.referential).toEqual([
      {
        unit: { level: "district", code: "010002", name: "UGEL 010002" },
        items: ["Indicador asistencia (3 escuelas visitadas)"],
      },
    ]);
    expect(view.quality.missingMonths).toEqual([
      { unit: { level: "district", code: "010003", name: "UGEL 010003" }, months: ["may. 2026"] },
    ]);
  });
});
