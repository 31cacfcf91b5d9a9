import { describe, expect, it } from "@jest/globals";
import { computeCommitment, type CommitmentInput } from "../../src/compute/computeCommitment.js";
import type { Commitment } from "../../src/model.js";
import { makeDataset, makeDistrict, makeResult, makeTarget } from "../helpers/builders.js";
import { viewAt, viewOf } from "./support.js";

/** Target 90, baseline 80, minimum 85, S/ 100 000, higher is better: the worked example of docs/decisions.md. */
const base: CommitmentInput = {
  type: "variable",
  better: "higher",
  monthly: [],
  remaining: 0,
  target: 90,
  baseline: 80,
  minimum: 85,
  amount: 100_000,
};

describe("the commitment rule (computeCommitment)", () => {
  it("at risk: average 86.0 after four of eight months needs 94.0 in the other four", () => {
    // (84 + 86 + 88 + 86) / 4 = 86.0; (90 × 8 − 344) / 4 = 94.0; progress (86 − 80) / (90 − 80) = 0.6.
    const variable = computeCommitment({ ...base, monthly: [84, 86, 88, 86], remaining: 4 });
    expect(variable).toEqual({ state: "at-risk", ytd: 86, progress: 0.6, needed: 94, transfer: 60_000 });
    // Fixed: all or nothing, and it is not met yet.
    expect(
      computeCommitment({ ...base, type: "fija", monthly: [84, 86, 88, 86], remaining: 4 }).transfer,
    ).toBe(0);
  });

  it("met: the average at or past the target pays the whole amount, fixed or variable", () => {
    // (91 + 89 + 92) / 3 = 90.67 → 90.7 ≥ 90.
    const met = computeCommitment({ ...base, monthly: [91, 89, 92], remaining: 2 });
    expect(met).toMatchObject({ state: "met", ytd: 90.7, needed: null, transfer: 100_000 });
    expect(computeCommitment({ ...base, type: "fija", monthly: [91, 89, 92], remaining: 2 }).transfer).toBe(
      100_000,
    );
    // Exactly at the target counts as met.
    expect(computeCommitment({ ...base, monthly: [90], remaining: 0 }).state).toBe("met");
  });

  it("out of reach: the value needed is above 100, or no month remains", () => {
    // 70 … 80: sum 450 over 6 months; (90 × 8 − 450) / 2 = 135 > 100.
    const far = computeCommitment({ ...base, monthly: [70, 72, 74, 76, 78, 80], remaining: 2 });
    // Progress (75 − 80) / (90 − 80) = −0.5: below the baseline.
    expect(far).toMatchObject({ state: "out-of-reach", ytd: 75, needed: 135, progress: -0.5 });
    // Average 75.0 is not past the minimum 85: a variable commitment pays nothing.
    expect(far.transfer).toBe(0);
    // The year is over at 88.0: out of reach, nothing needed any more; variable pays 0.8 of the way.
    const over = computeCommitment({ ...base, monthly: [88, 88], remaining: 0 });
    expect(over).toEqual({ state: "out-of-reach", ytd: 88, progress: 0.8, needed: null, transfer: 80_000 });
  });

  it("variable pays nothing at the minimum itself (it must be exceeded), from just past it", () => {
    expect(computeCommitment({ ...base, monthly: [85], remaining: 0 }).transfer).toBe(0);
    // 85.1: progress (85.1 − 80) / 10 = 0.51 → S/ 51 000.
    expect(computeCommitment({ ...base, monthly: [85.1], remaining: 0 }).transfer).toBe(51_000);
    // Without a baseline, progress is measured from the minimum: (87.5 − 85) / (90 − 85) = 0.5.
    expect(computeCommitment({ ...base, baseline: null, monthly: [87.5], remaining: 0 }).transfer).toBe(
      50_000,
    );
  });

  it("months without data neither count nor are made up", () => {
    // (80 + 90) / 2 = 85.0; (88 × 3 − 170) / 1 = 94.0.
    const gap = computeCommitment({ ...base, target: 88, monthly: [80, null, 90], remaining: 1 });
    expect(gap).toMatchObject({ state: "at-risk", ytd: 85, needed: 94 });
    expect(computeCommitment({ ...base, monthly: [null], remaining: 3 })).toMatchObject({
      state: "no-data",
      ytd: null,
      needed: 90,
      transfer: 0,
    });
    expect(computeCommitment({ ...base, target: null, monthly: [95], remaining: 0 }).state).toBe("no-target");
  });

  it("lower is better: the direction turns every comparison", () => {
    // Target 5, baseline 10, minimum 8; (7 + 6) / 2 = 6.5; (5 × 4 − 13) / 2 = 3.5; progress (6.5 − 10) / (5 − 10) = 0.7.
    const lower = computeCommitment({
      ...base,
      better: "lower",
      target: 5,
      baseline: 10,
      minimum: 8,
      monthly: [7, 6],
      remaining: 2,
    });
    expect(lower).toEqual({ state: "at-risk", ytd: 6.5, progress: 0.7, needed: 3.5, transfer: 70_000 });
    // A needed value below 0 is out of reach: (5 × 3 − 18) / 1 = −3.
    expect(
      computeCommitment({
        ...base,
        better: "lower",
        target: 5,
        baseline: 10,
        minimum: 8,
        monthly: [9, 9],
        remaining: 1,
      }).state,
    ).toBe("out-of-reach");
  });
});

describe("the commitments section and the national page", () => {
  const months = ["2026-03", "2026-04", "2026-05"];
  const commitment = (code: string, type: Commitment["type"], amount: number): Commitment => ({
    year: 2026,
    level: "district",
    code,
    indicator: "asistencia",
    type,
    months: ["2026-03", "2026-04", "2026-05", "2026-06"],
    amount,
  });
  const dataset = {
    ...makeDataset({
      districts: [makeDistrict("010001"), makeDistrict("010002")],
      targets: [makeTarget({ target: 90, baseline: 80, minimum: 85 })],
      results: [
        ...[84, 86, 88].map((value, i) => makeResult({ districtCode: "010001", period: months[i], value })),
        ...[95, 94, 93].map((value, i) => makeResult({ districtCode: "010002", period: months[i], value })),
      ],
    }),
    commitments: [commitment("010001", "variable", 100_000), commitment("010002", "fija", 50_000)],
  };

  it("a district's section: average, value needed, state and estimated transfer", () => {
    const view = viewAt(dataset, "district", "010001", "2026-05");
    // (84 + 86 + 88) / 3 = 86.0; (90 × 4 − 258) / 1 = 102 > 100: out of reach; 0.6 of S/ 100 000.
    expect(view.commitments?.rows).toEqual([
      expect.objectContaining({
        state: "out-of-reach",
        stateLabel: "Fuera de alcance",
        ytd: { value: 86, text: "86.0%" },
        needed: { value: 102, text: "102.0%" },
        monthsSoFar: 3,
        monthsRemaining: 1,
        transfer: 60_000,
      }),
    ]);
    expect(view.commitments?.transferText).toBe("S/\u00a060,000");
    expect(view.commitments?.maximumText).toBe("S/\u00a0100,000");
    // The region signed nothing: no section.
    expect(viewAt(dataset, "region", "010000", "2026-05").commitments).toBeUndefined();
  });

  it("the national page counts every unit's commitments and adds up the transfers", () => {
    const summary = viewAt(dataset, "national", "PE", "2026-05").commitmentsSummary;
    // 010001 out of reach (S/ 60 000 of 100 000); 010002 met at 94.0 (S/ 50 000 of 50 000).
    expect(summary?.counts).toEqual({ met: 1, atRisk: 0, outOfReach: 1, unknown: 0 });
    expect(summary?.byIndicator).toEqual([
      {
        indicator: "asistencia",
        indicatorLabel: "Indicador asistencia",
        level: "district",
        counts: { met: 1, atRisk: 0, outOfReach: 1, unknown: 0 },
      },
    ]);
    expect([summary?.transfer, summary?.maximum]).toEqual([110_000, 150_000]);
    expect(summary?.regions.map((r) => [r.code, r.transfer, r.maximum])).toEqual([
      ["010000", 110_000, 150_000],
    ]);
  });

  it("a dataset without commitments.csv gives views without these fields", () => {
    const plain = viewOf({ ...dataset, commitments: [] }, "010001", "2026-05");
    expect("commitments" in plain).toBe(false);
    expect("commitmentsSummary" in viewOf({ ...dataset, commitments: [] }, "PE", "2026-05")).toBe(false);
  });
});
