import { describe, expect, it } from "@jest/globals";
import { computeCommitment } from "../../src/compute/computeCommitment.js";
import { winnableAmount } from "../../src/deliver/sms/composeSms.js";
import type { Commitment, Dataset } from "../../src/model.js";
import { makeDataset, makeDistrict, makeResult, makeTarget } from "../helpers/builders.js";
import { viewAt } from "./support.js";

const commitment = (
  code: string,
  type: Commitment["type"],
  amount: number,
  months: string[],
  level: Commitment["level"] = "district",
): Commitment => ({ year: 2026, level, code, indicator: "asistencia", type, months, amount });

describe("the commitment average uses the shown values (one decimal)", () => {
  // UGEL BONGARÁ's case in small: unrounded 89.95 and 89.5 average 89.725 → 89.7, short of a
  // target of 89.8; the values the report prints, 90.0 and 89.5, average 89.75 → 89.8 = the target.
  it("computeCommitment rounds each month to the display precision before averaging", () => {
    const figures = computeCommitment({
      type: "fija",
      better: "higher",
      monthly: [89.95, 89.5],
      remaining: 0,
      target: 89.8,
      baseline: 80,
      minimum: 85,
      amount: 31_000,
    });
    expect(figures).toMatchObject({ state: "met", ytd: 89.8, transfer: 31_000 });
  });

  it("a district's commitments page prints the monthly values it averages, and meets the target", () => {
    const dataset: Dataset = {
      ...makeDataset({
        districts: [makeDistrict("010001")],
        targets: [makeTarget({ target: 89.8, baseline: 80, minimum: 85 })],
        results: [
          makeResult({ districtCode: "010001", period: "2026-03", numerator: 8995, denominator: 10_000 }),
          makeResult({ districtCode: "010001", period: "2026-04", numerator: 8950, denominator: 10_000 }),
        ],
      }),
      commitments: [commitment("010001", "fija", 31_000, ["2026-03", "2026-04"])],
    };
    const row = viewAt(dataset, "district", "010001", "2026-04").commitments?.rows[0];
    expect(row?.monthly.map((m) => m.text)).toEqual(["90.0%", "89.5%"]);
    expect(row).toMatchObject({ state: "met", ytd: { value: 89.8, text: "89.8%" }, transfer: 31_000 });
  });
});

describe("money on the cover (buildMoney): the commitments pages' figures, in soles", () => {
  const months = ["2026-03", "2026-04", "2026-05"];
  const dataset: Dataset = {
    ...makeDataset({
      districts: [makeDistrict("010001"), makeDistrict("010002"), makeDistrict("020001", "020000")],
      targets: [makeTarget({ target: 90, baseline: 80, minimum: 85 })],
      results: [
        ...[84, 86, 88].map((value, i) => makeResult({ districtCode: "010001", period: months[i], value })),
        ...[95, 94, 93].map((value, i) => makeResult({ districtCode: "010002", period: months[i], value })),
        ...[70, 70, 70].map((value, i) => makeResult({ districtCode: "020001", period: months[i], value })),
      ],
    }),
    commitments: [
      // At risk: average 86.0, needs (90 × 5 − 258) / 2 = 96.0 in June–July; 0.6 of S/ 100 000 secured.
      commitment("010001", "variable", 100_000, ["2026-03", "2026-04", "2026-05", "2026-06", "2026-07"]),
      // Met at 94.0.
      commitment("010002", "fija", 50_000, months),
      // Out of reach (year over at 70.0): lost.
      commitment("020001", "fija", 20_000, months),
      // The DRE's own: 86.0 … its roll-up; one month to go.
      commitment("010000", "fija", 30_000, [...months, "2026-06"], "region"),
    ],
  };

  it("a district: secured, still winnable, lost against the maximum, and where most can be won", () => {
    const view = viewAt(dataset, "district", "010001", "2026-05");
    expect(view.money?.own).toMatchObject({ maximum: 100_000, secured: 60_000, winnable: 40_000, lost: 0 });
    // The same figures as its commitments page.
    expect(view.money?.own?.secured).toBe(view.commitments?.transfer);
    expect(view.money?.own?.maximum).toBe(view.commitments?.maximum);
    expect(view.money?.stake?.text).toBe(
      "S/\u00a040,000 aún en juego: Indicador asistencia necesita 96.0% en promedio en jun. 2026–jul. 2026.",
    );
    // The SMS says the cover's amount.
    expect(winnableAmount(view)).toBe(40_000);
    const met = viewAt(dataset, "district", "010002", "2026-05").money;
    expect(met?.own).toMatchObject({ maximum: 50_000, secured: 50_000, winnable: 0, lost: 0 });
    expect(met?.stake).toBeNull();
    const lost = viewAt(dataset, "district", "020001", "2026-05").money?.own;
    expect(lost).toMatchObject({ maximum: 20_000, secured: 0, winnable: 0, lost: 20_000 });
  });

  it("a DRE's own commitment, met: nothing left at stake", () => {
    const view = viewAt(dataset, "region", "010000", "2026-05");
    // The DRE: 84/95, 86/94, 88/93 roll up to 89.5, 90.0, 90.5 → average 90.0: met.
    expect(view.money?.own).toMatchObject({ maximum: 30_000, secured: 30_000 });
    expect(view.money?.stake).toBeNull();
  });

  it("a region: its own, the sum of its UGELs' and the UGELs with most at stake", () => {
    const money = viewAt(dataset, "region", "010000", "2026-05").money;
    const d1 = viewAt(dataset, "district", "010001", "2026-05").commitments;
    const d2 = viewAt(dataset, "district", "010002", "2026-05").commitments;
    expect(money?.units).toMatchObject({
      maximum: (d1?.maximum ?? 0) + (d2?.maximum ?? 0),
      secured: (d1?.transfer ?? 0) + (d2?.transfer ?? 0),
      winnable: 40_000,
      lost: 0,
    });
    expect(money?.mostAtStake.map((u) => [u.code, u.totals.winnable])).toEqual([["010001", 40_000]]);
  });

  it("the nation: totals equal to the national commitments page, and the regions with most at stake", () => {
    const view = viewAt(dataset, "national", "PE", "2026-05");
    const summary = view.commitmentsSummary;
    expect(view.money?.own).toBeNull();
    expect(view.money?.units?.secured).toBe(summary?.transfer);
    expect(view.money?.units?.maximum).toBe(summary?.maximum);
    const u = view.money?.units;
    expect((u?.secured ?? 0) + (u?.winnable ?? 0) + (u?.lost ?? 0) + (u?.unknown ?? 0)).toBe(u?.maximum);
    expect(view.money?.mostAtStake.map((r) => [r.code, r.totals.winnable])).toEqual([["010000", 40_000]]);
    // Every region's line equals the national page's line for it.
    for (const region of summary?.regions ?? []) {
      const line = [...(view.money?.mostAtStake ?? [])].find((r) => r.code === region.code);
      if (line) expect([line.totals.secured, line.totals.maximum]).toEqual([region.transfer, region.maximum]);
    }
  });

  it("no commitments: no money", () => {
    const plain = { ...dataset, commitments: [] };
    expect("money" in viewAt(plain, "district", "010001", "2026-05")).toBe(false);
    expect("money" in viewAt(plain, "national", "PE", "2026-05")).toBe(false);
  });
});
