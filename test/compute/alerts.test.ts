import { describe, expect, it } from "@jest/globals";
import type { Result } from "../../src/model.js";
import { makeDataset, makeDistrict, makeIndicator, makeResult, makeTarget } from "../helpers/builders.js";
import { viewOf } from "./support.js";

const months = ["2026-03", "2026-04", "2026-05"];

/** Alerts of district 010001 for May, given its values in March, April and May. */
function alertsFor(
  values: (number | null)[],
  options: { better?: "higher" | "lower"; rows?: Partial<Result>[]; minimum?: number } = {},
) {
  const results = values.flatMap((value, i) =>
    value === null
      ? []
      : [
          makeResult({
            districtCode: "010001",
            period: months[i],
            value,
            ...(options.rows?.[i] ?? {}),
          }),
        ],
  );
  // Another district keeps the calendar complete.
  results.push(...months.map((period) => makeResult({ districtCode: "010002", period, value: 50 })));
  const dataset = makeDataset({
    districts: [makeDistrict("010001"), makeDistrict("010002")],
    indicators: [makeIndicator({ better: options.better ?? "higher" })],
    results,
    targets: [
      makeTarget({
        target: options.better === "lower" ? 10 : 90,
        minimum: options.minimum ?? (options.better === "lower" ? 15 : 85),
      }),
    ],
  });
  return viewOf(dataset, "010001").alerts;
}

describe("alerts", () => {
  it("raises a fall of exactly 5 points, not of 4.9", () => {
    const fell = alertsFor([null, 95, 90]);
    expect(fell.map((a) => a.kind)).toEqual(["fell"]);
    expect(fell[0]?.text).toBe(
      "Indicador asistencia bajó 5.0 puntos respecto de abril de 2026: de 95.0% a 90.0%.",
    );
    expect(alertsFor([null, 94.9, 90]).map((a) => a.kind)).toEqual([]);
  });

  it("raises a rise for lower-is-better indicators", () => {
    const rose = alertsFor([null, 2, 7], { better: "lower" });
    expect(rose.map((a) => a.kind)).toEqual(["fell"]);
    expect(rose[0]?.text).toMatch(/subió 5.0 puntos/);
    expect(alertsFor([null, 7, 2], { better: "lower" }).map((a) => a.kind)).toEqual([]);
  });

  it("raises no fall when either value is only referential", () => {
    expect(alertsFor([null, 95, 80], { rows: [{}, { schools: 3 }, {}] }).map((a) => a.kind)).toEqual([
      "below-minimum",
    ]);
  });

  it("raises red three months running instead of below-minimum", () => {
    const streak = alertsFor([80, 80, 80]);
    expect(streak.map((a) => a.kind)).toEqual(["red-streak"]);
    expect(streak[0]?.text).toBe(
      "Indicador asistencia está bajo el mínimo por 3 meses escolares consecutivos (80.0%).",
    );
    expect(streak[0]?.months).toBe(3);
    expect(alertsFor([86, 80, 80]).map((a) => a.kind)).toEqual(["below-minimum"]);
    expect(alertsFor([86, 80, 80])[0]?.text).toBe(
      "Indicador asistencia está por debajo del mínimo: 80.0% frente a un mínimo de 85.0%.",
    );
  });

  it("orders alerts by importance: a fall before below-minimum", () => {
    const both = alertsFor([null, 90, 80]);
    expect(both.map((a) => [a.kind, a.priority])).toEqual([
      ["fell", 1],
      ["below-minimum", 3],
    ]);
  });

  it("says when an indicator turned green", () => {
    const green = alertsFor([null, 86, 90]);
    expect(green.map((a) => a.kind)).toEqual(["turned-green"]);
    expect(green[0]?.text).toBe("Indicador asistencia alcanzó la meta este mes: 90.0% (meta 90.0%).");
    expect(alertsFor([null, 91, 90]).map((a) => a.kind)).toEqual([]);
  });

  it("says when there is no data this month", () => {
    expect(alertsFor([90, 90, null]).map((a) => [a.kind, a.text])).toEqual([
      ["no-data", "Indicador asistencia: no hay datos este mes."],
    ]);
  });

  it("says why a result is only referential", () => {
    expect(alertsFor([null, null, 95], { rows: [{}, {}, { schools: 4 }] }).map((a) => a.text)).toEqual([
      "Indicador asistencia: el resultado (95.0%) es solo referencial, solo 4 escuelas visitadas, menos de 5.",
    ]);
    expect(alertsFor([null, null, 95], { rows: [{}, {}, { cv: 15.1 }] }).map((a) => a.text)).toEqual([
      "Indicador asistencia: el resultado (95.0%) es solo referencial, coeficiente de variación de 15.1 %, mayor que 15.0 %.",
    ]);
  });

  it("sorts alerts of several indicators by priority, then catalogue order", () => {
    const dataset = makeDataset({
      indicators: [makeIndicator({ id: "a" }), makeIndicator({ id: "b" }), makeIndicator({ id: "c" })],
      results: [
        makeResult({ districtCode: "010001", indicator: "a", period: "2026-05", value: 80 }),
        makeResult({ districtCode: "010001", indicator: "b", period: "2026-04", value: 99 }),
        makeResult({ districtCode: "010001", indicator: "b", period: "2026-05", value: 90 }),
        makeResult({ districtCode: "010001", indicator: "c", period: "2026-04", value: 99 }),
      ],
      targets: ["a", "b", "c"].map((indicator) => makeTarget({ indicator, target: 90 })),
    });
    expect(viewOf(dataset, "010001").alerts.map((a) => [a.kind, a.indicator])).toEqual([
      ["fell", "b"],
      ["below-minimum", "a"],
      ["no-data", "c"],
    ]);
  });
});
