import { describe, expect, it } from "@jest/globals";
import { buildTeamBrief } from "../../src/compute/buildTeamBrief.js";
import { buildTeamBriefRanking, scoreUnit } from "../../src/compute/buildTeamBriefRanking.js";
import type { Dataset } from "../../src/model.js";
import { makeDataset, makeDistrict, makeGoodPractice, makeResult, makeTarget } from "../helpers/builders.js";
import { messagesOf } from "../helpers/messages.js";

const brief = (dataset: Dataset, period = "2026-05") =>
  buildTeamBrief(dataset, period, { locale: "es", messages: messagesOf("es") });

describe("the severity score and the capacity cut", () => {
  it("adds 10 per red, the gap, 5 per streak month after the first, falls and winnable commitments (each part capped at 20)", () => {
    // Red 12.5 below the minimum for 6 months and fell 30 points; and a red 3 below, 2 months, no fall;
    // and an amber that fell 6; and a winnable commitment.
    const score = scoreUnit([
      { red: true, gap: 12.5, redStreak: 6, fall: 30, winnable: false },
      { red: true, gap: 3, redStreak: 2, fall: null, winnable: false },
      { red: false, gap: 0, redStreak: 0, fall: 6, winnable: false },
      { red: false, gap: 0, redStreak: 0, fall: null, winnable: true },
    ]);
    // red 10 + 10; gap 12.5 + 3; streak min(20, 5×5) + 5×1; fall min(20, 30) + 6; commitment 10.
    expect(score).toEqual({ red: 20, gap: 15.5, streak: 25, fall: 26, commitment: 10, total: 96.5 });
  });

  it("ranks by score, then more reds, then code; the first `capacity` accompany, up to 2 × capacity watch, the rest", () => {
    const unit = (code: string, total: number, reds: number) => ({
      code,
      reds,
      score: { red: 0, gap: 0, streak: 0, fall: 0, commitment: 0, total },
    });
    const ranked = buildTeamBriefRanking(
      [
        unit("010005", 10, 0),
        unit("010004", 30, 1),
        unit("010003", 30, 2),
        unit("010002", 50, 1),
        unit("010001", 30, 1),
      ],
      1,
    );
    expect(ranked.map((r) => [r.rank, r.code, r.priority])).toEqual([
      [1, "010002", "acompañar"],
      [2, "010003", "observar"],
      [3, "010001", "observar"],
      [4, "010004", "resto"],
      [5, "010005", "resto"],
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

  it("lists the units that need support, ranked by score, with why, trend, contact and stories", () => {
    const view = brief(dataset);
    // 010001: red (85 − 83 = 2 below), 3 months: 10 + 2 + 5 × 2 = 22.
    // 020001: red (2 below), 2 months: 10 + 2 + 5 = 17. 010002: amber, fell 95 → 88 = 7 points: 7.
    expect(
      view.units.map((u) => [u.rank, u.unit.code, u.priority, u.score.total, u.streaks, u.worstFall]),
    ).toEqual([
      [1, "010001", "acompañar", 22, 1, 0],
      [2, "020001", "acompañar", 17, 1, 0],
      [3, "010002", "acompañar", 7, 0, 7],
    ]);
    expect(view.units[2]?.weak[0]?.reasonTexts).toEqual(["cayó 7.0 puntos desde el mes anterior"]);
    const first = view.units.find((u) => u.unit.code === "010001");
    expect(first?.weak[0]).toMatchObject({
      reasons: ["red-streak"],
      reasonTexts: ["bajo el mínimo 3 meses seguidos"],
      trendText: "80.0% → 82.0% → 83.0%",
      redStreak: 3,
      gap: 2,
    });
    expect(first?.contact?.name).toBe("Luis Quispe");
    // Fit: the own region's story 3 + alike size 1 + its unit improved 2 = 6; the other one 1 (size).
    expect(first?.stories.map((s) => s.title)).toEqual(["Historia <b>propia</b>", "Historia de otra región"]);
    // Accompanied since 2026-04-10: March 80.0 → May 83.0, +3.0 ≥ 2 points: improving.
    expect(first?.supported).toEqual({
      since: "2026-04-10",
      outcome: "improving",
      text: "Acompañada desde 2026-04-10: mejora",
    });
    // 010002's own story is never offered to it; the cap (3) is not reached with three units.
    expect(view.units.find((u) => u.unit.code === "010002")?.stories.map((s) => s.title)).toEqual([
      "Historia <b>propia</b>",
      "Historia de otra región",
    ]);
  });

  it("marks a referential month of the trend (ref., with the reason) and never counts it as red", () => {
    const results = dataset.results.map((r) =>
      r.districtCode === "010001" && r.period === "2026-04" ? { ...r, schools: 3 } : r,
    );
    const unit = brief({ ...dataset, results }).units.find((u) => u.unit.code === "010001");
    // April is referential: the streak is May alone (1 month), so the reason is "below the minimum".
    expect(unit?.weak[0]).toMatchObject({ reasons: ["below-minimum"], redStreak: 1 });
    expect(unit?.weak[0]?.trendText).toBe("80.0% → ref. 82.0% → 83.0%");
    expect(unit?.weak[0]?.trend.map((p) => [p.referential, p.reason])).toEqual([
      [false, null],
      [true, "3 escuelas visitadas"],
      [false, null],
    ]);
  });

  it("a green value that fell is not weak", () => {
    const results = dataset.results.map((r) =>
      r.districtCode === "010003" ? { ...r, numerator: r.period === "2026-04" ? 990 : r.numerator } : r,
    );
    // 010003: 99.0 → 93.0, fell 6 points but still green (target 90): not listed.
    const view = brief({ ...dataset, results });
    expect(view.units.some((u) => u.unit.code === "010003")).toBe(false);
  });

  it("caps a story at 3 units of the capacity list", () => {
    const red = (code: string) =>
      months.map((period) => makeResult({ districtCode: code, period, value: 80 }));
    const many: Dataset = makeDataset({
      districts: ["010001", "010002", "010003", "010004", "020001"].map((c) =>
        c === "020001" ? makeDistrict(c, "020000") : makeDistrict(c),
      ),
      targets: [makeTarget({ target: 90, baseline: 80, minimum: 85 })],
      results: [
        ...red("010001"),
        ...red("010002"),
        ...red("010003"),
        ...red("010004"),
        ...series("020001", [91, 92, 93]),
      ],
      goodPractices: [makeGoodPractice({ district: "020001", period: "2026-04", title: "La única" })],
    });
    // All four tie on score (10 + 5 + 10 = 25): code order; the fourth gets no story.
    expect(brief(many).units.map((u) => [u.unit.code, u.score.total, u.stories.map((s) => s.title)])).toEqual(
      [
        ["010001", 25, ["La única"]],
        ["010002", 25, ["La única"]],
        ["010003", 25, ["La única"]],
        ["010004", 25, []],
      ],
    );
  });

  it("a commitment counts only when winnable: at risk and needing no more than the unit's best reliable month", () => {
    const commitment = (target: number): Dataset => ({
      ...dataset,
      commitments: [
        {
          year: 2026,
          level: "district",
          code: "010003",
          indicator: "asistencia",
          type: "fija",
          months: [...months, "2026-06", "2026-07"],
          amount: 1,
        },
      ],
      targets: [
        makeTarget({ target: 90, baseline: 80, minimum: 85 }),
        makeTarget({ level: "district", code: "010003", target, minimum: 85 }),
      ],
    });
    // 010003 has 91, 92, 93 (sum 276, best 93). Target 95 over five months: (475 − 276) / 2 = 99.5 needed,
    // 6.5 points above its best month: at risk but not plausible, so not listed.
    expect(brief(commitment(95)).units.some((u) => u.unit.code === "010003")).toBe(false);
    // Target 92.6: (463 − 276) / 2 = 93.5 > 93: not listed either.
    expect(brief(commitment(92.6)).units.some((u) => u.unit.code === "010003")).toBe(false);
    // Target 92.4: (462 − 276) / 2 = 93.0 ≤ 93: winnable, listed with 10 points, last (7 < 10 < 17).
    const view = brief(commitment(92.4));
    const unit = view.units.find((u) => u.unit.code === "010003");
    expect(unit).toMatchObject({
      commitmentsAtRisk: 1,
      streaks: 0,
      rank: 3,
      score: { total: 10, commitment: 10 },
    });
    expect(unit?.weak[0]?.reasons).toEqual(["commitment"]);
    expect(unit?.weak[0]?.winnable).toEqual({ amount: 1, needed: 93 });
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
        outcome: "improving",
        months: 1,
        current: true,
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
