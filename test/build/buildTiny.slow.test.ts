import { afterAll, describe, expect, it, jest } from "@jest/globals";
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildReportSet } from "../../src/build/buildReportSet.js";
import { defaultBuildEffects } from "../../src/build/defaultBuildEffects.js";
import type { Manifest, ReportView } from "../../src/model.js";
import { launchPrinter } from "../../src/pdf/launchPrinter.js";
import { main } from "../../src/cli/main.js";
import { captureIo } from "../helpers/io.js";

jest.setTimeout(180_000);

const out = mkdtempSync(join(tmpdir(), "semaforo-build-"));
const profile = mkdtempSync(join(tmpdir(), "semaforo-build-profile-"));
afterAll(() => {
  expect(spawnSync("pgrep", ["-f", profile], { encoding: "utf8" }).stdout.trim()).toBe("");
  rmSync(out, { recursive: true, force: true });
  rmSync(profile, { recursive: true, force: true });
});

describe("building the tiny fixture with real Chromium", () => {
  it("archives one PDF per unit (plus the English copy) whose text holds the unit's name and figures", async () => {
    const views: ReportView[] = [];
    const real = defaultBuildEffects();
    const outcome = await buildReportSet(
      { dataDir: "fixtures/tiny", period: "2026-05", outDir: out, concurrency: 2 },
      {
        ...real,
        now: () => new Date("2026-11-05T15:30:00Z"),
        buildViews: (...args) => {
          const made = real.buildViews(...args);
          views.push(...made);
          return made;
        },
        launchPrinter: (options) => launchPrinter({ ...options, userDataDir: profile }),
      },
    );
    if (outcome.kind !== "built") throw new Error(JSON.stringify(outcome.problems, null, 2));
    expect(outcome.failures).toEqual([]);
    const manifest = JSON.parse(readFileSync(join(out, "2026-05", "manifest.json"), "utf8")) as Manifest;
    expect(manifest.generatedAt).toBe("2026-11-05T15:30:00.000Z");
    expect(manifest.reports.map((r) => r.file)).toEqual([
      "national/PE-peru.pdf",
      "region/010000-dre-amazonas.pdf",
      "region/020000-dre-ancash.pdf",
      "district/010001-ugel-chachapoyas.pdf",
      "district/010002-ugel-bagua.pdf",
      "district/010003-ugel-bongara.pdf",
      "district/020001-ugel-huaraz.pdf",
      "district/020002-ugel-aija.pdf",
      "district/020003-ugel-antonio-raymondi.pdf",
      "district/020003-ugel-antonio-raymondi.en.pdf",
    ]);
    expect(manifest.reports.find((r) => r.language === "en")?.recipients).toEqual([
      "liaison.raymondi@example.org",
    ]);
    expect(manifest.inputs.map((i) => i.path)).toContain("results.csv");

    for (const report of manifest.reports) {
      const file = join(out, "2026-05", report.file);
      const text = execFileSync("pdftotext", [file, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
      const view = views.find((v) => v.code === report.code && v.locale === report.language);
      if (!view) throw new Error(`no view for ${report.file}`);
      expect(text).toContain(view.name);
      for (const indicator of view.indicators) {
        expect(text).toContain(indicator.label);
        if (indicator.value.value !== null) expect(text).toContain(indicator.value.text);
      }
      expect(text).toContain(
        report.language === "es" ? `Página 1 de ${report.pages}` : `Page 1 of ${report.pages}`,
      );
      const fonts = execFileSync("pdffonts", [file], { encoding: "utf8" }).trim().split("\n").slice(2);
      for (const line of fonts) expect(line.split(/\s+/).slice(-5, -4)).toEqual(["yes"]);
      const info = execFileSync("pdfinfo", [file], { encoding: "utf8", env: { ...process.env, TZ: "UTC" } });
      expect(info).toMatch(/Author:\s+Semáforo Escuela/);
      expect(info).toMatch(/CreationDate:\s+Mon Jun {2}1 05:00:00 2026 UTC/);
      expect(info).toMatch(/Tagged:\s+yes/);
    }
    // With real figures in the month, at least one report shows one.
    expect(views.some((v) => v.indicators.some((i) => i.value.value !== null))).toBe(true);

    const io = captureIo();
    expect(await main(["verify", join(out, "2026-05")], io)).toBe(0);
    expect(readdirSync(join(out, "2026-05"))).toEqual(["district", "manifest.json", "national", "region"]);
  });
});
