import { afterAll, describe, expect, it } from "@jest/globals";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { BuildEffects } from "../../src/build/buildReportSet.js";
import { defaultBuildEffects } from "../../src/build/defaultBuildEffects.js";
import { buildStep } from "../../src/cli/commands/build.js";
import { openPreview } from "../../src/cli/commands/preview.js";
import { runPublish } from "../../src/cli/commands/publish.js";
import { main } from "../../src/cli/main.js";
import { applySettings } from "../../src/config/settings.js";
import { findProjectRoot } from "../../src/findProjectRoot.js";
import { readMessages } from "../../src/locale/readMessages.js";
import type { Manifest, ReportView } from "../../src/model.js";
import { loadSiteTemplates } from "../../src/publish/loadSiteTemplates.js";
import { readDataset } from "../../src/dataset/readDataset.js";
import { fakePrinter } from "../archive/fakeBuild.js";
import { captureIo } from "../helpers/io.js";

const TINY = join(findProjectRoot(), "fixtures", "tiny");
const PERIOD = "2026-05";
const scratch = mkdtempSync(join(tmpdir(), "semaforo-settings-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A config whose threshold makes every figure referential (no unit has 1000 schools visited). */
const CONFIG = join(scratch, "semaforo.config.json");
writeFileSync(CONFIG, JSON.stringify({ thresholds: { minSchools: 1000 } }));

type Counts = Record<string, { green: number; amber: number; red: number; referential: number }>;
const zero = () => ({ green: 0, amber: 0, red: 0, referential: 0 });

async function viewCounts(config: string[]): Promise<Counts> {
  const io = captureIo();
  expect(await main(["views", "--data", TINY, "--period", PERIOD, ...config], io)).toBe(0);
  const counts: Counts = {};
  for (const view of JSON.parse(io.stdout()) as ReportView[]) {
    const { green, amber, red, referential } = view.headline.counts;
    counts[view.code] = { green, amber, red, referential };
  }
  return counts;
}

async function openDataCounts(config: string[]): Promise<Counts> {
  let csv = "";
  const io = captureIo();
  const code = await runPublish(
    { data: TINY, period: PERIOD, out: join(scratch, "unused"), json: false, config: config[1] },
    io,
    {
      readDataset,
      readMessages: (locale) => readMessages(locale),
      now: () => new Date("2026-06-10T14:00:00Z"),
      templates: () => loadSiteTemplates(),
      write: (_target, files) => {
        csv = files.find((f) => f.path === "datos/valores.csv")?.content ?? "";
        return Promise.resolve();
      },
    },
  );
  expect(code).toBe(0);
  const [header, ...rows] = csv
    .trim()
    .split("\n")
    .map((line) => line.split(","));
  const at = (name: string) => (header ?? []).indexOf(name);
  const words: Record<string, keyof ReturnType<typeof zero>> = {
    verde: "green",
    ambar: "amber",
    rojo: "red",
    referencial: "referential",
  };
  const counts: Counts = {};
  for (const row of rows) {
    if (row[at("periodo")] !== PERIOD) continue;
    const unit = (counts[row[at("codigo")] ?? ""] ??= zero());
    const status = words[row[at("estado")] ?? ""];
    if (status) unit[status] += 1;
  }
  return counts;
}

/** Builds the period with a printer that keeps each report's HTML; the manifest's headline counts. */
async function build(config: string[], out: string): Promise<{ counts: Counts; html: Map<string, string> }> {
  const html = new Map<string, string>();
  const printer = fakePrinter([], (job) => html.set(job.id, job.html));
  const effects: BuildEffects = {
    ...defaultBuildEffects(),
    browserVersion: () => Promise.resolve(printer.browserVersion),
    launchPrinter: () => Promise.resolve(printer),
  };
  const io = captureIo();
  const result = await buildStep(
    { data: TINY, period: PERIOD, out, json: true, full: false, config: config[1] },
    io,
    effects,
  );
  expect(result.exitCode).toBe(0);
  const manifest = JSON.parse(readFileSync(join(out, PERIOD, "manifest.json"), "utf8")) as Manifest;
  const counts: Counts = {};
  for (const report of manifest.reports) {
    if (report.language !== "es" || report.level === "team" || !report.headline) continue;
    const { green, amber, red, referential } = report.headline;
    counts[report.code] = { green, amber, red, referential };
  }
  return { counts, html };
}

async function previewHtml(config: string[], path: string): Promise<string> {
  const preview = await openPreview(
    { data: TINY, period: PERIOD, port: 0, lang: "es", open: false, config: config[1] },
    captureIo(),
  );
  if (typeof preview === "number") throw new Error(`preview exited ${preview}`);
  try {
    return await (await fetch(new URL(path, preview.url))).text();
  } finally {
    await preview.close();
  }
}

describe("one resolution of the settings", () => {
  it("applies the config's thresholds alike to views, the preview, the open data and the PDFs", async () => {
    const withConfig = ["--config", CONFIG];
    const views = await viewCounts(withConfig);
    // Every figure of every unit is referential: the config reached the views.
    expect(Object.keys(views).length).toBe(9);
    for (const counts of Object.values(views)) {
      expect(counts.green + counts.amber + counts.red).toBe(0);
      expect(counts.referential).toBeGreaterThan(0);
    }
    expect(await openDataCounts(withConfig)).toEqual(views);
    const built = await build(withConfig, join(scratch, "with"));
    expect(built.counts).toEqual(views);
    // The preview serves, byte for byte, the HTML the build printed.
    expect(await previewHtml(withConfig, "/district/010001.es.html")).toBe(
      built.html.get("district 010001 (es)"),
    );
    expect(await previewHtml(withConfig, "/national/PE.es.html")).toBe(built.html.get("national PE (es)"));
  }, 60_000);

  it("without a config, the dataset's thresholds give the same agreement (and other statuses)", async () => {
    const views = await viewCounts([]);
    const lit = Object.values(views).reduce((n, c) => n + c.green + c.amber + c.red, 0);
    expect(lit).toBeGreaterThan(0);
    expect(await openDataCounts([])).toEqual(views);
    const built = await build([], join(scratch, "without"));
    expect(built.counts).toEqual(views);
    expect(await previewHtml([], "/district/010001.es.html")).toBe(built.html.get("district 010001 (es)"));
  }, 60_000);

  it("applySettings leaves dataset.json's thresholds in place for the knobs the settings do not set", async () => {
    const { dataset } = await readDataset(TINY);
    if (!dataset) throw new Error("tiny dataset invalid");
    const before = { ...dataset.config.thresholds };
    const applied = applySettings(dataset, { thresholds: { maxCv: 7 } });
    expect(applied.config.thresholds).toEqual({ ...before, maxCv: 7 });
    // Pure: the dataset read is not changed (the build used to change it in place, twice).
    expect(dataset.config.thresholds).toEqual(before);
    expect(applySettings(dataset, { thresholds: {} })).toBe(dataset);
  });
});
