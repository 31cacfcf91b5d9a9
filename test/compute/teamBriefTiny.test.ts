import { beforeAll, describe, expect, it } from "@jest/globals";
import { buildTeamBrief } from "../../src/compute/buildTeamBrief.js";
import { buildViews } from "../../src/compute/buildViews.js";
import type { Dataset, SupportAction, TeamBriefView } from "../../src/model.js";
import { renderTeamCsv } from "../../src/render/renderTeamCsv.js";
import { messagesOf } from "../helpers/messages.js";
import { readTinyDataset } from "../helpers/tiny.js";

/*
 * fixtures/tiny in 2026-05, every expectation worked out by hand from its CSV files.
 * Minimums (targets.csv 2026): asistencia-estudiantes 90 for 010001, 86 in region 010000, 88 elsewhere;
 * docentes-ausentes (lower is better) 7 for 010001, 9 elsewhere; servicios-basicos 80 for 010001,
 * 95 − 5 = 90 for 020001, 65 elsewhere (2025: target 70 − 5 = 65). Fall alert 5.
 *
 * - 020003 servicios-basicos 5/8 = 62.5 < 65: red, 2.5 below; red in every school month of the
 *   calendar (2025-05 4/9 = 44.4, 2025-10 4/8 = 50.0, 2025-11 5/9 = 55.6, 2026-03 50.0,
 *   2026-04 44.4): a 6-month streak → 10 + 2.5 + min(20, 5 × 5) = 32.5. Its asistencia is
 *   referential (cv 17.4), docentes 3/58 = 5.2 green.
 * - 020002 asistencia 470/540 = 87.0 < 88: red, 1.0 below; docentes 4/38 = 10.5 > 9: red, 1.5 below;
 *   no April rows, so no streak and no fall → 10 + 10 + 1.0 + 1.5 = 22.5.
 * - 010002 asistencia 614/740 = 83.0 < 86: red, 3.0 below; April 737/837 = 88.1, so it fell 5.1
 *   (≥ 5) and the streak is 1 → 10 + 3.0 + 5.1 = 18.1.
 * - 010001, 020001 have nothing below the minimum and no fall of 5; 010003 visited 3 schools:
 *   referential, never red.
 */
let tiny: Dataset;
beforeAll(async () => {
  tiny = await readTinyDataset();
});
const brief = (dataset: Dataset): TeamBriefView =>
  buildTeamBrief(dataset, "2026-05", { locale: "es", messages: messagesOf("es") });
const withTeam = (capacity: number): Dataset => ({
  ...tiny,
  config: { ...tiny.config, team: { capacity, supportMonths: 3 } },
});

describe("the team brief on fixtures/tiny (2026-05)", () => {
  it("scores and ranks the three units by hand", () => {
    const view = brief(tiny);
    expect(view.settings).toEqual({ capacity: 15, supportMonths: 3 });
    expect(view.units.map((u) => [u.rank, u.unit.code, u.priority, u.score])).toEqual([
      [1, "020003", "acompañar", { red: 10, gap: 2.5, streak: 20, fall: 0, commitment: 0, total: 32.5 }],
      [2, "020002", "acompañar", { red: 20, gap: 2.5, streak: 0, fall: 0, commitment: 0, total: 22.5 }],
      [3, "010002", "acompañar", { red: 10, gap: 3, streak: 0, fall: 5.1, commitment: 0, total: 18.1 }],
    ]);
    expect(view.units[0]?.weak.map((w) => [w.indicator, w.redStreak, w.gap])).toEqual([
      ["servicios-basicos", 6, 2.5],
    ]);
    expect(view.units[2]?.weak.map((w) => [w.indicator, w.reasons, w.fall])).toEqual([
      ["asistencia-estudiantes", ["below-minimum", "fell"], 5.1],
    ]);
  });

  it("cuts at the capacity: 1 to accompany, the next 2 under watch; the CSV keeps all with its priority", () => {
    const view = brief(withTeam(1));
    expect(view.units.map((u) => [u.unit.code, u.priority])).toEqual([
      ["020003", "acompañar"],
      ["020002", "observar"],
      ["010002", "observar"],
    ]);
    // One CSV row per weak indicator: 020003 (1), 020002 (2), 010002 (1), in that order.
    const rows = renderTeamCsv(view)
      .replace(/^\uFEFF/, "")
      .trimEnd()
      .split("\r\n")
      .slice(1);
    expect(
      rows.map((r) =>
        r
          .split(",")
          .slice(0, 3)
          .concat(r.split(",")[10] ?? ""),
      ),
    ).toEqual([
      ["1", "acompañar", "32.5", "020003"],
      ["2", "observar", "22.5", "020002"],
      ["2", "observar", "22.5", "020002"],
      ["3", "observar", "18.1", "010002"],
    ]);
    // Stories only for the units to accompany.
    expect(view.units.map((u) => u.stories.length)).toEqual([1, 0, 0]);
  });

  it("matches stories by indicator, then context; a unit never gets its own story", () => {
    const view = brief(tiny);
    const titles = (code: string) =>
      view.units.find((u) => u.unit.code === code)?.stories.map((s) => s.title);
    // 020003 (servicios-basicos): the only story on it, Chachapoyas (010001).
    expect(titles("020003")).toEqual(["Agua segura en las escuelas de Chachapoyas"]);
    // 020002 (asistencia, docentes): Huaraz's docentes story fits 5 (same region 3 + Huaraz improved,
    // 5.3 → 2.8, 2; sizes 6 vs 14 schools are not alike) before Bagua's asistencia story 1 (7 vs 6
    // schools alike; Bagua fell 87.0 → 83.0 since 2025-05). The first pass gives Huaraz, the second Bagua.
    expect(titles("020002")).toEqual([
      "Menos ausencias docentes en Huaraz",
      "Buen inicio del año escolar en Bagua",
    ]);
    // 010002 (asistencia): the only asistencia story is its own.
    expect(titles("010002")).toEqual([]);
    // The CSV names stories by title.
    expect(renderTeamCsv(view)).toContain(
      "Menos ausencias docentes en Huaraz | Buen inicio del año escolar en Bagua",
    );
  });

  it("marks accompanied units: improving, flat, or no improvement after N months", () => {
    const support: SupportAction[] = [
      // 020003 servicios: before = 2025-11 (55.6), now 62.5: +6.9 ≥ 2, reliable → improving; 2 months since.
      {
        date: "2026-03-10",
        level: "district",
        code: "020003",
        indicator: "servicios-basicos",
        action: "Visita",
      },
      // 010002 asistencia: before = 2026-03 (86.0), now 83.0: worse, 1 month since → flat (too early).
      {
        date: "2026-04-02",
        level: "district",
        code: "010002",
        indicator: "asistencia-estudiantes",
        action: "Visita",
      },
      // 020002 docentes: before = 2025-05 (5/42 = 11.9), now 10.5: 1.4 better < 2; 4 school months
      // after 2025-10 (2025-11, 2026-03, 2026-04, 2026-05) → "sin mejora tras 4 meses".
      {
        date: "2025-10-05",
        level: "district",
        code: "020002",
        indicator: "docentes-ausentes",
        action: "Visita",
      },
      {
        date: "2026-04-20",
        level: "district",
        code: "020002",
        indicator: "docentes-ausentes",
        action: "Llamada",
      },
    ];
    const view = brief({ ...tiny, support });
    expect(view.units.map((u) => [u.unit.code, u.supported?.text ?? null])).toEqual([
      ["020003", "Acompañada desde 2026-03-10: mejora"],
      ["020002", "Acompañada desde 2025-10-05: sin mejora tras 4 meses"],
      ["010002", "Acompañada desde 2026-04-02: sin cambio claro aún"],
    ]);
    expect(view.followUp.map((f) => [f.unit.code, f.change.points, f.outcome, f.months, f.current])).toEqual([
      ["020002", -1.4, "no-improvement", 4, true],
      ["020003", 6.9, "improving", 2, true],
      ["010002", -3, "flat", 1, true],
    ]);
    // Only actions in the last 3 months (2026-03 … 2026-05) mark a unit: with only the 2025 action,
    // 020002 stays in the follow-up but is not marked.
    const old = brief({ ...tiny, support: support.filter((s) => s.date !== "2026-04-20") });
    expect(old.units.find((u) => u.unit.code === "020002")?.supported).toBeNull();
    expect(old.followUp.find((f) => f.unit.code === "020002")?.current).toBe(false);
  });

  it("finds a place to learn from: Chachapoyas' basic services, strong in a mostly rural district", () => {
    // tiny's schools.csv has no `area`: no rural context; no region is red on any indicator
    // (010000 servicios 16/21 = 76.2, asistencia 2087/2350 = 88.8, docentes 12/172 = 7.0;
    // 020000 asistencia 2905/3134 = 92.7, docentes 11/238 = 4.6, servicios 22/28 = 78.6): none.
    expect(brief(tiny).learnFrom).toEqual([]);
    // Mark 7 of 010001's 11 schools rural (7/11 = 64 % ≥ 50 %).
    const codes = [
      ...new Set(tiny.schools.filter((s) => s.districtCode === "010001").map((s) => s.schoolCode)),
    ].sort();
    const rural = new Set(codes.slice(0, 7));
    const schools = tiny.schools.map((s) =>
      s.districtCode === "010001"
        ? { ...s, info: { ...s.info, area: rural.has(s.schoolCode) ? "rural" : "urbana" } }
        : s,
    );
    // 010001 servicios 10/11 = 90.9 ≥ 90: green; 3 school months back (2025-11) 9/12 = 75.0 → +15.9;
    // 12 months back (2025-05) 9/12 = 75.0 → +15.9; its region 76.2. Its asistencia (93.0, 2025-11
    // 93.0) and docentes (5.0, 2025-11 5.5) are amber and not improving by 5.
    expect(brief({ ...tiny, schools }).learnFrom).toEqual([
      {
        unit: { level: "district", code: "010001", name: "UGEL Chachapoyas" },
        region: { level: "region", code: "010000", name: "DRE Amazonas" },
        indicator: "servicios-basicos",
        indicatorLabel: expect.any(String),
        value: { value: (10 / 11) * 100, text: "90.9%" },
        change3: 15.9,
        change12: 15.9,
        regionValue: { value: (16 / 21) * 100, text: "76.2%" },
        ruralShare: 7 / 11,
        hard: ["rural"],
        story: "Agua segura en las escuelas de Chachapoyas",
      },
    ]);
  });

  it("region reports name the same prioritised units in the same order", () => {
    const dataset = withTeam(2);
    const regions = buildViews(dataset, "2026-05", { locale: "es", messages: messagesOf("es") }).filter(
      (v) => v.level === "region",
    );
    const priority = Object.fromEntries(
      regions.map((r) => [
        r.code,
        r.level === "region" ? r.teamPriority.map((p) => [p.rank, p.unit.code]) : [],
      ]),
    );
    // Capacity 2: 020003 and 020002 accompany (both Áncash); 010002 is only under watch.
    expect(priority).toEqual({
      "010000": [],
      "020000": [
        [1, "020003"],
        [2, "020002"],
      ],
    });
  });
});
