import { describe, expect, it } from "@jest/globals";
import type { Dataset } from "../../src/model.js";
import {
  makeDataset,
  makeDistrict,
  makeIndicator,
  makeResult,
  makeSchool,
  makeTarget,
} from "../helpers/builders.js";
import { indicatorOf, viewOf } from "./support.js";

/** Two districts of one region, one indicator, four school months of 2026 and October 2025. */
function dataset(extra: Partial<Parameters<typeof makeDataset>[0]> = {}): Dataset {
  const row = (districtCode: string, period: string, value: number) =>
    makeResult({ districtCode, period, value });
  return makeDataset({
    districts: [makeDistrict("010001", "010000", "UGEL Uno"), makeDistrict("010002", "010000", "UGEL Dos")],
    results: [
      row("010001", "2025-10", 70),
      row("010001", "2026-03", 75),
      row("010001", "2026-04", 69.6),
      row("010001", "2026-05", 73.1),
      row("010001", "2026-06", 80.8),
      row("010002", "2026-03", 95),
      row("010002", "2026-04", 95),
      row("010002", "2026-05", 95),
      row("010002", "2026-06", 85),
    ],
    targets: [
      makeTarget({ year: 2025, target: 80, minimum: 75 }),
      makeTarget({ target: 92, minimum: 87.5, baseline: 69.6 }),
    ],
    ...extra,
  });
}

describe("gap and progress to target", () => {
  it("says how many points are missing and how far from the baseline the value has come", () => {
    const ind = indicatorOf(dataset(), "010001", "asistencia", "2026-06");
    // 92.0 − 80.8 = 11.2 points missing; (80.8 − 69.6) / (92.0 − 69.6) = 11.2 / 22.4 = 50 %.
    expect(ind.targets.gap).toBe(11.2);
    expect(ind.targets.gapText).toBe("faltan 11.2 p.p. para la meta");
    expect(ind.targets.progress).toBeCloseTo(0.5, 10);
    expect(ind.targets.progressText).toMatch(/^50\s?% del camino/);
  });

  it("says the target is reached at or beyond it", () => {
    const ind = indicatorOf(dataset(), "010002", "asistencia", "2026-05");
    // 95.0 ≥ 92.0.
    expect(ind.targets).toMatchObject({ gap: 0, gapText: "meta alcanzada" });
  });
});

describe("what changed", () => {
  it("labels the change with the month compared with, and the year-ago change with its year", () => {
    const ind = indicatorOf(dataset(), "010001", "asistencia", "2026-06");
    // 80.8 − 73.1 = +7.7 vs May; 80.8 − 70.0 is not a year ago (June 2025 is absent).
    expect(ind.previous).toMatchObject({ points: 7.7, vsLabel: "vs. mayo" });
    const march = indicatorOf(dataset(), "010001", "asistencia", "2026-03");
    // March 2026 against October 2025, the school month before: another year, so it says which.
    expect(march.previous).toMatchObject({ period: "2025-10", points: 5, vsLabel: "vs. oct. 2025" });
  });
});

describe("red streak", () => {
  it("counts every school month in a row below the minimum (ANTA: Jul 75.0, Aug 69.6, Sep 73.1, Oct 80.8 < 87.5)", () => {
    const alerts = viewOf(dataset(), "010001", "2026-06").alerts;
    const streak = alerts.find((a) => a.kind === "red-streak");
    // March 75.0, April 69.6, May 73.1, June 80.8: all below 87.5 → the fourth month.
    // October 2025 (70.0) was measured against 2025's minimum of 75: red too, so five in a row.
    expect(streak?.months).toBe(5);
    expect(streak?.text).toBe(
      "Indicador asistencia está bajo el mínimo por 5 meses escolares consecutivos (80.8%).",
    );
    // Without the 2025 month the streak is four.
    const without = dataset();
    without.results = without.results.filter((r) => r.period !== "2025-10");
    expect(viewOf(without, "010001", "2026-06").alerts.find((a) => a.kind === "red-streak")?.months).toBe(4);
  });
});

describe("trend points carry their own school year's target", () => {
  it("uses 2025's target for 2025 months", () => {
    const series = indicatorOf(dataset(), "010001", "asistencia", "2026-06").series;
    expect(series.find((p) => p.period === "2025-10")?.target).toBe(80);
    expect(series.find((p) => p.period === "2026-06")?.target).toBe(92);
  });
});

describe("who to call", () => {
  it("takes the unit's contact from contacts.csv and the team's reply address from dataset.json", () => {
    const data = dataset();
    data.contacts = [
      { level: "district", code: "010002", name: "Ana Pérez", email: "ana@ugel.example" },
      { level: "district", code: "010001", name: "Luis Quispe", role: "Especialista", phone: "041 123456" },
    ];
    data.config.email.replyTo = "semaforo@minedu.example";
    expect(viewOf(data, "010001", "2026-06").contact).toEqual({
      contact: {
        level: "district",
        code: "010001",
        name: "Luis Quispe",
        role: "Especialista",
        phone: "041 123456",
      },
      replyTo: "semaforo@minedu.example",
    });
    // Without contacts.csv nor replyTo: no contact, the sender's address.
    expect(viewOf(dataset(), "010001", "2026-06").contact).toEqual({
      contact: null,
      replyTo: "semaforo@example.org",
    });
  });
});

describe("the visit plan", () => {
  const indicators = [
    makeIndicator({ id: "directores" }),
    makeIndicator({ id: "docentes" }),
    makeIndicator({ id: "ausentes", better: "lower" }),
  ];
  const school = (schoolCode: string, indicator: string, value: number, name = `IE ${schoolCode}`) =>
    makeSchool({ districtCode: "010001", schoolCode, schoolName: name, indicator, value });
  const data = makeDataset({
    indicators,
    results: indicators.map((i) => makeResult({ districtCode: "010001", indicator: i.id, value: 50 })),
    targets: [
      makeTarget({ indicator: "directores", target: 90, minimum: 87.5 }),
      makeTarget({ indicator: "docentes", target: 90, minimum: 80 }),
      makeTarget({ indicator: "ausentes", target: 5, minimum: 10 }),
    ],
    schools: [
      // A: director absent (0 < 87.5: 87.5 short) and 70 teachers (10 short): 2 below, 97.5.
      school("A", "directores", 0, "IE Andes"),
      school("A", "docentes", 70, "IE Andes"),
      school("A", "ausentes", 10, "IE Andes"),
      // B: director absent (87.5), 79.9 teachers (0.1), 30 % absent (20): 3 below, 107.6.
      school("B", "directores", 0, "IE Bosque"),
      school("B", "docentes", 79.9, "IE Bosque"),
      school("B", "ausentes", 30, "IE Bosque"),
      // C: only 50 % teachers (30 short): 1 below, 30.
      school("C", "directores", 100, "IE Cerro"),
      school("C", "docentes", 50, "IE Cerro"),
      school("C", "ausentes", 0, "IE Cerro"),
      // D: all fine.
      school("D", "directores", 100, "IE Delta"),
      school("D", "docentes", 95, "IE Delta"),
      school("D", "ausentes", 2, "IE Delta"),
      // E: one below, by 87.5 (director absent): ranks above C (1 below, 30 short).
      school("E", "directores", 0, "IE Eucalipto"),
      school("E", "docentes", 90, "IE Eucalipto"),
      school("E", "ausentes", 5, "IE Eucalipto"),
    ],
  });

  it("ranks schools by indicators below the minimum, then how far, and names the failing ones", () => {
    const schools = viewOf(data, "010001").schools;
    expect(schools?.rows.map((r) => [r.name, r.belowCount, r.shortfall])).toEqual([
      ["IE Bosque", 3, 107.6],
      ["IE Andes", 2, 97.5],
      ["IE Eucalipto", 1, 87.5],
      ["IE Cerro", 1, 30],
      ["IE Delta", 0, 0],
    ]);
    expect(schools?.visitFirst.map((r) => r.name)).toEqual([
      "IE Bosque",
      "IE Andes",
      "IE Eucalipto",
      "IE Cerro",
    ]);
    expect(schools?.visitFirst[1]?.failing).toEqual(["Indicador directores", "Indicador docentes"]);
  });

  it("shows yes/no indicators (every school value 0 or 100) as Sí/No", () => {
    const schools = viewOf(data, "010001").schools;
    expect(schools?.indicators.map((i) => [i.id, i.yesNo])).toEqual([
      ["directores", true],
      ["docentes", false],
      ["ausentes", false],
    ]);
    expect(schools?.rows[0]?.cells.map((c) => c.text)).toEqual(["No", "79.9%", "30.0%"]);
    expect(schools?.rows.find((r) => r.name === "IE Delta")?.cells[0]?.text).toBe("Sí");
  });

  it("keeps the school's optional facts (director, phone, level, area)", () => {
    const withInfo = makeDataset({
      ...{ indicators, results: data.results, targets: data.targets },
      schools: [
        { ...school("A", "directores", 0), info: { director: "Rosa Mamani", phone: "", area: "rural" } },
      ],
    });
    expect(viewOf(withInfo, "010001").schools?.rows[0]?.info).toEqual({
      director: "Rosa Mamani",
      area: "rural",
    });
  });
});

describe("a district with no visits this month", () => {
  it("gets its last months with data, newest first, at most three", () => {
    const data = dataset();
    // UGEL Dos has no row in July; UGEL Uno keeps the calendar going.
    data.results.push(makeResult({ districtCode: "010001", period: "2026-07", value: 80 }));
    const view = viewOf(data, "010002", "2026-07");
    expect(view.noVisits?.lastMonths.map((m) => [m.period, m.cells[0]?.text])).toEqual([
      ["2026-06", "85.0%"],
      ["2026-05", "95.0%"],
      ["2026-04", "95.0%"],
    ]);
    expect(viewOf(data, "010001", "2026-07").noVisits).toBeNull();
  });
});

describe("region and national movers", () => {
  it("lists the districts that fell most (region) and those that turned red (national)", () => {
    const data = dataset();
    // June: UGEL Dos fell 95.0 → 85.0 (10 points) and turned red (85 < 87.5); UGEL Uno rose.
    const region = viewOf(data, "010000", "2026-06");
    expect(region.movers?.map((m) => [m.label, m.change.points, m.turnedRed])).toEqual([
      ["UGEL Dos", -10, false],
    ]);
    const national = viewOf(data, "PE", "2026-06");
    expect(national.movers?.map((m) => [m.label, m.turnedRed, m.previousText, m.currentText])).toEqual([
      ["DRE 010000 – UGEL Dos", true, "95.0%", "85.0%"],
    ]);
    // The region's league matrix carries each district's monthly change.
    expect(region.table.map((row) => row.cells[0]?.change?.text)).toEqual(["+7.7 p.p.", "−10.0 p.p."]);
  });
});

describe("the referential alert's wording", () => {
  it("says 'solo 1 escuela visitada' in the singular", () => {
    const data = makeDataset({ results: [makeResult({ districtCode: "010001", schools: 1 })] });
    expect(viewOf(data, "010001").alerts.map((a) => a.text)).toEqual([
      "Indicador asistencia: el resultado (90.0%) es solo referencial, solo 1 escuela visitada, menos de 5.",
    ]);
  });
});
