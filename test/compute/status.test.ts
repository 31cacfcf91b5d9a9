import { describe, expect, it } from "@jest/globals";
import { makeDataset, makeDistrict, makeIndicator, makeResult, makeTarget } from "../helpers/builders.js";
import { indicatorOf } from "./support.js";

/** One district, one indicator, one month: the status of the given row against the given target. */
function statusOf(
  row: Partial<Parameters<typeof makeResult>[0]> | null,
  options: {
    target?: Parameters<typeof makeTarget>[0] | null;
    better?: "higher" | "lower";
    thresholds?: object;
  } = {},
) {
  const dataset = makeDataset({
    districts: [makeDistrict("010001")],
    indicators: [makeIndicator({ better: options.better ?? "higher" })],
    results: row === null ? [] : [makeResult({ districtCode: "010001", ...row })],
    targets: options.target === null ? [] : [makeTarget(options.target ?? {})],
    thresholds: options.thresholds ?? {},
  });
  const view = indicatorOf(dataset, "010001");
  return { status: view.status, reason: view.referentialReason, text: view.value.text, view };
}

describe("traffic-light rule, higher is better", () => {
  const target = { target: 90, minimum: 85 };
  it("is green exactly at the target", () => {
    expect(statusOf({ value: 90 }, { target }).status).toBe("green");
  });
  it("is green at the target even when the division leaves binary noise (29/100 = 28.999…)", () => {
    const result = statusOf({ numerator: 29, denominator: 100 }, { target: { target: 29, minimum: 25 } });
    expect(result.status).toBe("green");
    expect(result.text).toBe("29.0%");
  });
  it("compares the value as shown: 89.95 shows 90.0 and is green, 89.94 shows 89.9 and is amber", () => {
    expect(statusOf({ numerator: 8995, denominator: 10000 }, { target }).status).toBe("green");
    const below = statusOf({ numerator: 8994, denominator: 10000 }, { target });
    expect(below.status).toBe("amber");
    expect(below.text).toBe("89.9%");
  });
  it("is amber exactly at the minimum and red just below it", () => {
    expect(statusOf({ value: 85 }, { target }).status).toBe("amber");
    expect(statusOf({ value: 84.9 }, { target }).status).toBe("red");
  });
  it("without a minimum, amber starts amberBand (5) points below the target", () => {
    const noMinimum = { target: 90 };
    expect(statusOf({ value: 85 }, { target: noMinimum }).status).toBe("amber");
    expect(statusOf({ value: 84.9 }, { target: noMinimum }).status).toBe("red");
    expect(statusOf({ value: 85 }, { target: noMinimum }).view.targets.minimum.value).toBe(85);
  });
  it("uses the amberBand configured in dataset.json", () => {
    const options = { target: { target: 90 }, thresholds: { amberBand: 2 } };
    expect(statusOf({ value: 88 }, options).status).toBe("amber");
    expect(statusOf({ value: 87.9 }, options).status).toBe("red");
  });
});

describe("traffic-light rule, lower is better", () => {
  it("inverts every comparison", () => {
    const options = { better: "lower" as const, target: { target: 5, minimum: 9 } };
    expect(statusOf({ value: 4 }, options).status).toBe("green");
    expect(statusOf({ value: 5 }, options).status).toBe("green");
    expect(statusOf({ value: 5.1 }, options).status).toBe("amber");
    expect(statusOf({ value: 9 }, options).status).toBe("amber");
    expect(statusOf({ value: 9.1 }, options).status).toBe("red");
  });
  it("without a minimum, amber ends amberBand points above the target", () => {
    const options = { better: "lower" as const, target: { target: 5 } };
    expect(statusOf({ value: 10 }, options).status).toBe("amber");
    expect(statusOf({ value: 10.1 }, options).status).toBe("red");
    expect(statusOf({ value: 10 }, options).view.targets.minimum.value).toBe(10);
  });
});

describe("referential (grey) and no-data", () => {
  it("is referential with 4 schools and rated with 5", () => {
    const four = statusOf({ value: 95, schools: 4 });
    expect(four.status).toBe("referential");
    expect(four.reason).toBe("few-schools");
    expect(four.text).toBe("95.0%"); // the value is still shown
    expect(statusOf({ value: 95, schools: 5 }).status).toBe("green");
  });
  it("is rated with cv 15 and referential with cv 15.1", () => {
    expect(statusOf({ value: 95, cv: 15 }).status).toBe("green");
    const high = statusOf({ value: 95, cv: 15.1 });
    expect(high.status).toBe("referential");
    expect(high.reason).toBe("high-cv");
  });
  it("reports few schools before a high cv", () => {
    expect(statusOf({ value: 95, schools: 2, cv: 40 }).reason).toBe("few-schools");
  });
  it("uses the minSchools and maxCv configured in dataset.json", () => {
    expect(statusOf({ value: 95, schools: 3 }, { thresholds: { minSchools: 3 } }).status).toBe("green");
    expect(statusOf({ value: 95, cv: 20 }, { thresholds: { maxCv: 20 } }).status).toBe("green");
  });
  it("is no-data without a row, with the value shown as a dash", () => {
    const none = statusOf(null);
    expect(none.status).toBe("no-data");
    expect(none.view.value).toEqual({ value: null, text: "—" });
    expect(none.view.statusLabel).toBe("Sin datos");
  });
  it("is referential with reason no-target when no target exists for the year at any level", () => {
    const none = statusOf({ value: 95 }, { target: null });
    expect(none.status).toBe("referential");
    expect(none.reason).toBe("no-target");
    expect(none.view.targets.source).toBe("none");
    expect(none.view.targets.target.text).toBe("—");
  });
  it("ignores targets of another year", () => {
    expect(statusOf({ value: 95 }, { target: { year: 2025 } }).reason).toBe("no-target");
  });
});
