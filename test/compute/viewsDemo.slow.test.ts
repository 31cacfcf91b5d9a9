import { beforeAll, describe, expect, it } from "@jest/globals";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { findProjectRoot } from "../../src/findProjectRoot.js";
import { readDataset } from "../../src/dataset/readDataset.js";
import type { Dataset, ReportView } from "../../src/model.js";
import { views } from "./support.js";

const DEMO = join(findProjectRoot(), "fixtures", "demo");
const PERIOD = "2026-10";

let dataset: Dataset;
let all: ReportView[];

beforeAll(async () => {
  const read = await readDataset(DEMO);
  if (!read.dataset)
    throw new Error(`fixtures/demo is invalid:\n${read.problems.map((p) => p.message).join("\n")}`);
  dataset = read.dataset;
  // Its speed (< 2 s for the month) is measured by `npm run bench`, never by a timed test.
  all = views(dataset, PERIOD, "es");
}, 60_000);

/** Σ numerator / Σ denominator per indicator for the month, straight from results.csv text. */
function nationalFromCsv(): Map<string, number> {
  const lines = readFileSync(join(DEMO, "results.csv"), "utf8")
    .replace(/^\uFEFF/, "")
    .trim()
    .split(/\r?\n/);
  const header = (lines[0] ?? "").split(",");
  const column = (name: string) => header.indexOf(name);
  const [period, indicator, numerator, denominator] = ["period", "indicator", "numerator", "denominator"].map(
    column,
  );
  const sums = new Map<string, { n: number; d: number }>();
  for (const line of lines.slice(1)) {
    const cells = line.split(",");
    if (cells[period as number] !== PERIOD) continue;
    const id = cells[indicator as number] as string;
    const sum = sums.get(id) ?? { n: 0, d: 0 };
    sum.n += Number(cells[numerator as number]);
    sum.d += Number(cells[denominator as number]);
    sums.set(id, sum);
  }
  return new Map([...sums].map(([id, { n, d }]) => [id, (100 * n) / d]));
}

/** Every string in a value, with its path. */
function strings(value: unknown, path = "$", out: [string, string][] = []): [string, string][] {
  if (typeof value === "string") out.push([path, value]);
  else if (Array.isArray(value)) value.forEach((item, i) => strings(item, `${path}[${i}]`, out));
  else if (value !== null && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) strings(item, `${path}.${key}`, out);
  }
  return out;
}

describe(`views of fixtures/demo for ${PERIOD}`, () => {
  it("has one view for the nation, each region and each district", () => {
    expect(all).toHaveLength(1 + dataset.regions.length + dataset.districts.length);
    expect(all).toHaveLength(251);
  });

  it("gives each indicator the national value Σnumerators / Σdenominators of results.csv", () => {
    const expected = nationalFromCsv();
    const national = all[0] as ReportView;
    expect(national.level).toBe("national");
    expect(national.indicators.map((indicator) => indicator.id).sort()).toEqual([...expected.keys()].sort());
    for (const indicator of national.indicators) {
      expect(indicator.value.value).toBeCloseTo(expected.get(indicator.id) as number, 9);
    }
  });

  it("lets no NaN, Infinity, undefined or null reach a formatted string", () => {
    const bad = strings(all).filter(([, text]) => /NaN|Infinity|undefined|null|\{[a-z]+\}/.test(text));
    expect(bad.slice(0, 5)).toEqual([]);
    const numbers = JSON.stringify(all, (_key, value: unknown) =>
      typeof value === "number" && !Number.isFinite(value) ? "NOT-FINITE" : value,
    );
    expect(numbers).not.toContain("NOT-FINITE");
  });

  it("keeps rankings consistent: every district ranked or counted as left out", () => {
    const national = all[0] as ReportView;
    for (const indicator of national.indicators) {
      const counts = indicator.statusCounts as Record<string, number>;
      expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(dataset.districts.length);
      expect(indicator.top).toHaveLength(10);
      expect(indicator.bottom).toHaveLength(10);
    }
    const district = all.find((view) => view.level === "district") as ReportView;
    for (const indicator of district.indicators) {
      const rank = indicator.rankNational;
      expect(rank ? rank.of + rank.excluded : 0).toBe(dataset.districts.length);
    }
  });

  it("gives each view the fields of its level's type, and only those (model.ts ReportView)", () => {
    const keys = [
      ...["alerts", "code", "contact", "datasetName", "goodPractices", "headline", "indicators", "level"],
      ...["locale", "movers", "name", "noVisits", "period", "periodLabel", "region", "regionSchools"],
      ...["schools", "synthetic", "table", "thresholds"],
    ];
    const regionOf = new Map(dataset.districts.map((d) => [d.code, d.regionCode]));
    const seen = { national: 0, region: 0, district: 0, commitments: 0, noVisits: 0 };
    for (const view of all) {
      seen[view.level] += 1;
      expect(view.contact.replyTo).toBe("monitoreo@minedu.example");
      expect(view.thresholds).toEqual(dataset.config.thresholds);
      if (view.level === "district") {
        if (view.commitments) seen.commitments += 1;
        if (view.noVisits) seen.noVisits += 1;
        expect(Object.keys(view).sort()).toEqual(
          [...keys, ...(view.commitments ? ["commitments", "money"] : [])].sort(),
        );
        // The cover's money is the commitments page's (compute/buildMoney.ts).
        if (view.commitments)
          expect([view.money?.own?.secured, view.money?.own?.maximum]).toEqual([
            view.commitments.transfer,
            view.commitments.maximum,
          ]);
        expect(view.region.code).toBe(regionOf.get(view.code));
        expect([view.movers, view.regionSchools, view.table]).toEqual([[], [], []]);
      } else if (view.level === "region") {
        expect(Object.keys(view).sort()).toEqual(
          [
            ...keys,
            "teamPriority",
            ...(view.commitments ? ["commitments"] : []),
            ...(view.money ? ["money"] : []),
          ].sort(),
        );
        expect([view.region, view.schools, view.noVisits]).toEqual([null, null, null]);
        expect(view.table.map((row) => row.unit.code)).toEqual(
          dataset.regions.find((r) => r.code === view.code)?.districtCodes,
        );
      } else {
        expect(Object.keys(view).sort()).toEqual([...keys, "commitmentsSummary", "money"].sort());
        // The national cover's totals are the national commitments page's.
        expect([view.money?.units?.secured, view.money?.units?.maximum]).toEqual([
          view.commitmentsSummary?.transfer,
          view.commitmentsSummary?.maximum,
        ]);
        expect([view.region, view.schools, view.noVisits, view.regionSchools]).toEqual([
          null,
          null,
          null,
          [],
        ]);
        expect(view.table).toHaveLength(dataset.regions.length);
      }
    }
    const points = all.flatMap((view) => view.indicators.flatMap((indicator) => indicator.series));
    expect(points.filter((point) => point.target === undefined)).toEqual([]);
    const cells = all.flatMap((view) => view.table.flatMap((row) => row.cells));
    expect(cells.filter((cell) => cell.change === undefined)).toEqual([]);
    expect(cells.length).toBeGreaterThan(0);
    // The demo has every kind: commitments, a district without visits.
    expect(seen).toMatchObject({ national: 1, region: 26, district: 224 });
    expect(seen.commitments).toBeGreaterThan(0);
    expect(seen.noVisits).toBeGreaterThan(0);
  });
});
