import { describe, expect, it } from "@jest/globals";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readManifest } from "../../src/archive/manifest.js";
import { mergeManifest } from "../../src/archive/mergeManifest.js";
import { reportFile } from "../../src/archive/reportFile.js";
import { slugify } from "../../src/archive/slugify.js";
import { verifyArchive } from "../../src/archive/verifyArchive.js";
import { writeFileAtomic } from "../../src/archive/writeFileAtomic.js";
import { printAndArchive } from "../../src/build/printAndArchive.js";
import type { Manifest } from "../../src/model.js";
import { makeManifest, makeReport } from "../helpers/manifest.js";
import { fakePrinter, options, SET, tmp } from "./fakeBuild.js";
import { minimalPdf } from "../pdf/minimalPdf.js";

describe("file names", () => {
  it("slugs names to lower-case ASCII with dashes", () => {
    expect(slugify("UGEL 01 San Juan de Miraflores")).toBe("ugel-01-san-juan-de-miraflores");
    expect(slugify("DRE Áncash")).toBe("dre-ancash");
    expect(slugify("UGEL Cañete – Yauyos (Lima)")).toBe("ugel-canete-yauyos-lima");
    expect(slugify("Perú")).toBe("peru");
  });

  it("puts each report in its level folder, English copies with .en", () => {
    expect(reportFile("district", "010003", "UGEL Bongará", "es")).toBe("district/010003-ugel-bongara.pdf");
    expect(reportFile("district", "020003", "UGEL Antonio Raymondi", "en")).toBe(
      "district/020003-ugel-antonio-raymondi.en.pdf",
    );
    expect(reportFile("national", "PE", "Perú", "es")).toBe("national/PE-peru.pdf");
  });
});

describe("printAndArchive", () => {
  it("writes every PDF and the manifest, with hashes verify agrees with", async () => {
    const dir = tmp();
    const result = await printAndArchive(SET, fakePrinter(), options(dir));
    expect(result.failures).toEqual([]);
    const manifest = (await readManifest(dir)) as Manifest;
    // What `send` needs travels in the manifest: sender, names, headline.
    expect(manifest.email).toEqual({ from: "semaforo@example.org", fromName: "Semáforo Escuela" });
    expect(manifest.reports[0]?.recipientNames).toEqual({ "PE@example.org": "Directora Perú" });
    expect(manifest.reports[0]?.headline?.text).toBe("Resumen Perú");
    expect(manifest.reports.map((r) => r.file)).toEqual([
      "national/PE-peru.pdf",
      "region/010000-dre-amazonas.pdf",
      "district/010001-ugel-chachapoyas.pdf",
      "district/010002-ugel-bagua.pdf",
      "district/010002-ugel-bagua.en.pdf",
    ]);
    expect(manifest).toMatchObject({
      version: 1,
      period: "2026-10",
      generatedAt: "2026-11-05T15:30:00.000Z",
      browser: "Chrome/0.0-test",
    });
    expect(manifest.reports[1]).toMatchObject({
      level: "region",
      code: "010000",
      name: "DRE Amazonas",
      language: "es",
      pages: 2,
      recipients: ["010000@example.org"],
    });
    // No temporary file is left behind.
    for (const level of ["national", "region", "district"])
      expect(readdirSync(join(dir, level)).filter((f) => f.startsWith("."))).toEqual([]);
    expect((await verifyArchive(dir, null)).problems).toEqual([]);
  });

  it("leaves the previous set and manifest untouched while printing", async () => {
    const dir = tmp();
    await printAndArchive(SET, fakePrinter(), options(dir));
    const before = readFileSync(join(dir, "manifest.json"), "utf8");
    const seen: string[] = [];
    await printAndArchive(
      SET,
      fakePrinter([], () => {
        // Mid-build, the old manifest still describes the files on disk exactly.
        seen.push(readFileSync(join(dir, "manifest.json"), "utf8"));
      }),
      { ...options(dir), generatedAt: new Date("2026-11-06T00:00:00Z") },
    );
    expect(seen.every((m) => m === before)).toBe(true);
    expect(readFileSync(join(dir, "manifest.json"), "utf8")).toContain("2026-11-06");
  });

  it("records a failed report, archives the others and keeps the failed one's previous PDF and entry", async () => {
    const dir = tmp();
    const first = await printAndArchive(SET, fakePrinter(), options(dir));
    const before = readFileSync(join(dir, "district/010001-ugel-chachapoyas.pdf"));
    const result = await printAndArchive(SET, fakePrinter(["010001"]), {
      ...options(dir),
      generatedAt: new Date("2026-11-06T00:00:00Z"),
      full: true,
    });
    expect(result.failures).toEqual([
      {
        level: "district",
        code: "010001",
        language: "es",
        error: "district 010001 (es): blank report",
        previous: "kept",
      },
    ]);
    expect(result.manifest.failures).toEqual(result.failures);
    expect(result.manifest.reports).toHaveLength(5);
    expect(result.manifest.reports.find((r) => r.code === "010001")).toEqual(
      first.manifest.reports.find((r) => r.code === "010001"),
    );
    expect(result.removed).toEqual([]);
    expect(readFileSync(join(dir, "district/010001-ugel-chachapoyas.pdf"))).toEqual(before);
    expect((await verifyArchive(dir, null)).problems).toEqual([]);
  });

  it('says "none" for a failed report that was never archived', async () => {
    const dir = tmp();
    const result = await printAndArchive(SET, fakePrinter(["010001"]), options(dir));
    expect(result.failures.map((f) => f.previous)).toEqual(["none"]);
    expect(result.manifest.reports.map((r) => r.code)).not.toContain("010001");
    expect((await verifyArchive(dir, null)).problems).toEqual([]);
  });

  it("--only rebuilds a subset and keeps the rest of the manifest", async () => {
    const dir = tmp();
    await printAndArchive(SET, fakePrinter(), options(dir));
    const old = (await readManifest(dir)) as Manifest;
    const subset = SET.filter((j) => j.code === "010002");
    const result = await printAndArchive(subset, fakePrinter(), {
      ...options(dir, (r) => r.code === "010002"),
      generatedAt: new Date("2026-11-07T00:00:00Z"),
      full: true,
    });
    expect(result.written).toHaveLength(2);
    expect(result.manifest.reports.map((r) => r.file)).toEqual(old.reports.map((r) => r.file));
    expect(result.manifest.reports.find((r) => r.code === "PE")).toEqual(
      old.reports.find((r) => r.code === "PE"),
    );
    expect(result.removed).toEqual([]);
    expect((await verifyArchive(dir, null)).problems).toEqual([]);
  });
});

describe("mergeManifest", () => {
  const base = makeManifest([]);
  const entry = (code: string, sha256: string) => makeReport({ code, file: `district/${code}.pdf`, sha256 });

  it("replaces covered entries, keeps others, and drops an old failure that now succeeded", () => {
    const previous = {
      ...base,
      reports: [entry("1", "old1"), entry("2", "old2")],
      failures: [{ level: "district" as const, code: "3", language: "es" as const, error: "e" }],
    };
    const next = { ...base, reports: [entry("2", "new2"), entry("3", "new3")] };
    const merged = mergeManifest(previous, next, (r) => r.code === "2" || r.code === "3");
    expect(merged.reports.map((r) => `${r.code}:${r.sha256}`)).toEqual(["1:old1", "2:new2", "3:new3"]);
    expect(merged.failures).toEqual([]);
  });

  it("a full build replaces everything", () => {
    const previous = { ...base, reports: [entry("1", "old1")] };
    expect(
      mergeManifest(previous, { ...base, reports: [entry("2", "n")] }, null).reports.map((r) => r.code),
    ).toEqual(["2"]);
  });
});

describe("verifyArchive", () => {
  async function built(): Promise<string> {
    const dir = tmp();
    await printAndArchive(SET, fakePrinter(), options(dir));
    return dir;
  }

  it("names a PDF with one flipped byte", async () => {
    const dir = await built();
    const file = join(dir, "district/010002-ugel-bagua.pdf");
    const bytes = readFileSync(file);
    bytes[20] = (bytes[20] as number) ^ 0x01;
    writeFileSync(file, bytes);
    const { problems } = await verifyArchive(dir, null);
    expect(problems.map((p) => `${p.file} ${p.kind}`)).toEqual(["district/010002-ugel-bagua.pdf sha256"]);
  });

  it("reports missing, truncated and unexpected files", async () => {
    const dir = await built();
    const { rmSync } = await import("node:fs");
    rmSync(join(dir, "region/010000-dre-amazonas.pdf"));
    writeFileSync(join(dir, "district/999999-intruso.pdf"), minimalPdf(1));
    const cut = join(dir, "national/PE-peru.pdf");
    writeFileSync(cut, readFileSync(cut).subarray(0, 100));
    const { problems } = await verifyArchive(dir, null);
    expect(problems.map((p) => `${p.file} ${p.kind}`)).toEqual([
      "district/999999-intruso.pdf unexpected",
      "national/PE-peru.pdf sha256",
      "national/PE-peru.pdf size",
      "national/PE-peru.pdf unreadable",
      "region/010000-dre-amazonas.pdf missing",
    ]);
  });

  it("says there is no manifest (exit 2)", async () => {
    await expect(verifyArchive(tmp(), null)).rejects.toMatchObject({ code: "no-manifest", exitCode: 2 });
  });
});

describe("writeFileAtomic", () => {
  it("replaces a file whole and leaves no temporary file", async () => {
    const dir = mkdtempSync(join(tmpdir(), "semaforo-atomic-"));
    const file = join(dir, "manifest.json");
    await writeFileAtomic(file, "old");
    await writeFileAtomic(file, "new");
    expect(readFileSync(file, "utf8")).toBe("new");
    expect(readdirSync(dir)).toEqual(["manifest.json"]);
  });
});
