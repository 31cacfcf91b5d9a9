import { afterAll, describe, expect, it, jest } from "@jest/globals";
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { verifyArchive } from "../../src/archive/verifyArchive.js";
import { buildReportSet, type BuildOptions } from "../../src/build/buildReportSet.js";
import { defaultBuildEffects } from "../../src/build/defaultBuildEffects.js";
import type { RebuildResult } from "../../src/build/rebuildArchive.js";
import type { Manifest } from "../../src/model.js";
import { launchPrinter } from "../../src/pdf/launchPrinter.js";
import { reportFile } from "../../src/archive/reportFile.js";
import { renderEveryReport } from "../../src/build/renderEveryReport.js";
import { main } from "../../src/cli/main.js";
import { captureIo } from "../helpers/io.js";

jest.setTimeout(240_000);

const work = mkdtempSync(join(tmpdir(), "semaforo-repro-"));
const profile = mkdtempSync(join(tmpdir(), "semaforo-repro-profile-"));
afterAll(() => {
  expect(spawnSync("pgrep", ["-f", profile], { encoding: "utf8" }).stdout.trim()).toBe("");
  rmSync(work, { recursive: true, force: true });
  rmSync(profile, { recursive: true, force: true });
});

const sha = (data: string | Buffer) => createHash("sha256").update(data).digest("hex");
const manifestOf = (periodDir: string) =>
  JSON.parse(readFileSync(join(periodDir, "manifest.json"), "utf8")) as Manifest;

/**
 * Builds with real Chromium at a given clock time; `html` receives the HTML hash of each report
 * the build rendered, by file: a build renders only the reports it prints.
 */
async function build(options: Partial<BuildOptions> & { dataDir: string; outDir: string }, now: string) {
  const html = new Map<string, string>();
  const real = defaultBuildEffects();
  const outcome = await buildReportSet(
    { period: "2026-05", concurrency: 2, ...options },
    {
      ...real,
      now: () => new Date(now),
      makeRenderer: async (...args) => {
        const renderer = await real.makeRenderer(...args);
        return {
          ...renderer,
          render: (view) => {
            const made = renderer.render(view);
            html.set(reportFile(view.level, view.code, view.name, view.locale), sha(made));
            return made;
          },
        };
      },
      launchPrinter: (o) => launchPrinter({ ...o, userDataDir: profile }),
    },
  );
  if (outcome.kind !== "built") throw new Error(JSON.stringify(outcome.problems, null, 2));
  expect(outcome.failures).toEqual([]);
  return { outcome, html };
}

/** The HTML hash of every report of the tiny fixture's month, in both languages, rendered apart from any build. */
async function htmlOf(dataDir: string): Promise<Map<string, string>> {
  const fx = defaultBuildEffects();
  const { dataset } = await fx.readDataset(dataDir);
  if (!dataset) throw new Error(`${dataDir} is not valid`);
  const hashes = new Map<string, string>();
  for (const locale of ["es", "en"] as const) {
    for await (const r of renderEveryReport(fx, dataset, "2026-05", locale))
      hashes.set(reportFile(r.level, r.code, r.name, locale), sha(r.html));
  }
  return hashes;
}

describe("reproducible PDFs", () => {
  it("two builds of the tiny fixture, on different days and into different folders, give the same bytes", async () => {
    const a = await build({ dataDir: "fixtures/tiny", outDir: join(work, "a") }, "2026-11-05T15:30:00Z");
    const b = await build({ dataDir: "fixtures/tiny", outDir: join(work, "b") }, "2026-12-24T08:01:02Z");
    const first = manifestOf(a.outcome.periodDir);
    const second = manifestOf(b.outcome.periodDir);
    expect(first.reports).toHaveLength(10);
    // Every manifest entry (sha256, size, pages, key) and every PDF's bytes are the same.
    expect(second.reports).toEqual(first.reports);
    for (const report of first.reports) {
      const one = readFileSync(join(a.outcome.periodDir, report.file));
      const two = readFileSync(join(b.outcome.periodDir, report.file));
      expect({ file: report.file, same: one.equals(two) }).toEqual({ file: report.file, same: true });
    }
    // Only when each build ran differs, and the date inside the PDFs is the period's close.
    expect([first.generatedAt, second.generatedAt]).toEqual([
      "2026-11-05T15:30:00.000Z",
      "2026-12-24T08:01:02.000Z",
    ]);
    expect(first.rebuild).toMatchObject({ sourceDate: "2026-06-01T05:00:00.000Z" });
  });
});

describe("incremental builds", () => {
  it("prints again exactly the reports whose HTML changed, and the reused PDFs still verify", async () => {
    const data = join(work, "data");
    cpSync("fixtures/tiny", data, { recursive: true });
    const outDir = join(work, "incremental");
    const before = await htmlOf(data);
    const first = await build({ dataDir: data, outDir }, "2026-11-05T15:30:00Z");
    expect(first.outcome.written).toHaveLength(10);
    expect(first.outcome.reused).toEqual([]);

    // The same inputs a day later: nothing is printed.
    const same = await build({ dataDir: data, outDir }, "2026-11-06T09:00:00Z");
    expect(same.outcome.written).toEqual([]);
    expect(same.outcome.reused.map((r) => r.file).sort()).toEqual([...first.html.keys()].sort());
    expect(manifestOf(same.outcome.periodDir).reports).toEqual(manifestOf(first.outcome.periodDir).reports);

    // One district's data: a corrected school name in UGEL Bongará (shown in its report and its
    // region's). Its results' cv, which no report shows, changes too: no HTML changes for that.
    const schools = join(data, "schools.csv");
    const results = join(data, "results.csv");
    const edit = (file: string, from: string, to: string) => {
      const text = readFileSync(file, "utf8");
      expect(text).toContain(from);
      writeFileSync(file, text.replaceAll(from, to));
      return text.replaceAll(from, to);
    };
    const corrected = edit(schools, "IE 18121 Jumbilla", "IE 18121 Jumbilla Alta");
    edit(
      results,
      "2026-05,010003,asistencia-estudiantes,255,300,3,9.8",
      "2026-05,010003,asistencia-estudiantes,255,300,3,9.9",
    );
    const fixed = await build({ dataDir: data, outDir }, "2026-11-07T09:00:00Z");
    // Which reports' HTML changed, rendered apart from the build: exactly those were printed, and
    // the build rendered only them.
    const after = await htmlOf(data);
    const changed = first.outcome.manifest.reports
      .map((r) => r.file)
      .filter((file) => before.get(file) !== after.get(file))
      .sort();
    const printed = fixed.outcome.written.map((r) => r.file).sort();
    expect(printed).toEqual(changed);
    expect([...fixed.html.keys()].sort()).toEqual(printed);
    expect(printed).toEqual(["district/010003-ugel-bongara.pdf", "region/010000-dre-amazonas.pdf"]);
    expect(fixed.outcome.reused).toHaveLength(8);
    const manifest = manifestOf(fixed.outcome.periodDir);
    expect(manifest.inputs.find((i) => i.path === "schools.csv")?.sha256).toBe(sha(corrected));
    for (const reused of fixed.outcome.reused) {
      const bytes = readFileSync(join(fixed.outcome.periodDir, reused.file));
      expect(sha(bytes)).toBe(manifest.reports.find((r) => r.file === reused.file)?.sha256);
    }
    expect((await verifyArchive(fixed.outcome.periodDir, null)).problems).toEqual([]);

    // A reused PDF is one whose bytes still hash right: an altered one is printed again.
    const huaraz = join(fixed.outcome.periodDir, "district/020001-ugel-huaraz.pdf");
    const good = readFileSync(huaraz);
    writeFileSync(huaraz, Buffer.concat([good, Buffer.from("\n% tampered\n")]));
    const repaired = await build({ dataDir: data, outDir }, "2026-11-08T09:00:00Z");
    expect(repaired.outcome.written.map((r) => r.file)).toEqual(["district/020001-ugel-huaraz.pdf"]);
    expect(readFileSync(huaraz).equals(good)).toBe(true);

    // --full prints every report, and gives the same bytes.
    const full = await build({ dataDir: data, outDir, full: true }, "2026-11-09T09:00:00Z");
    expect(full.outcome.written).toHaveLength(10);
    expect(full.outcome.reused).toEqual([]);
    expect(manifestOf(full.outcome.periodDir).reports).toEqual(manifest.reports);
    expect((await verifyArchive(full.outcome.periodDir, null)).problems).toEqual([]);
  });

  it("verify --rebuild rebuilds the set from its recorded inputs and names each PDF that differs, and why", async () => {
    const data = join(work, "data-verify");
    cpSync("fixtures/tiny", data, { recursive: true });
    const outDir = join(work, "verify");
    const { outcome } = await build({ dataDir: data, outDir }, "2026-11-05T15:30:00Z");
    const run = async () => {
      const io = captureIo();
      const code = await main(["verify", "--rebuild", "--json", outcome.periodDir], io);
      return { code, json: JSON.parse(io.stdout()) as { ok: boolean; rebuild: RebuildResult } };
    };
    const same = await run();
    expect(same.code).toBe(0);
    expect(same.json.rebuild).toMatchObject({ dataDir: data, compared: 10, identical: 10, differences: [] });
    expect(same.json.rebuild.inputs.every((i) => i.state === "same")).toBe(true);

    const schools = join(data, "schools.csv");
    writeFileSync(
      schools,
      readFileSync(schools, "utf8").replaceAll("IE 18121 Jumbilla", "IE 18121 Jumbilla Alta"),
    );
    const changed = await run();
    expect(changed.code).toBe(4);
    expect(changed.json.rebuild.inputs.filter((i) => i.state !== "same")).toEqual([
      { path: "schools.csv", state: "changed" },
    ]);
    expect(changed.json.rebuild.differences).toEqual([
      { file: "region/010000-dre-amazonas.pdf", why: "inputs changed (schools.csv changed)" },
      { file: "district/010003-ugel-bongara.pdf", why: "inputs changed (schools.csv changed)" },
    ]);
    // The archive itself is untouched: it still verifies.
    expect((await verifyArchive(outcome.periodDir, null)).problems).toEqual([]);
  });
});
