import { describe, expect, it } from "@jest/globals";
import { appendFileSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { readManifest } from "../../src/archive/manifest.js";
import { verifyArchive } from "../../src/archive/verifyArchive.js";
import { printAndArchive } from "../../src/build/printAndArchive.js";
import type { Manifest } from "../../src/model.js";
import type { Printer, PrintJob } from "../../src/pdf/launchPrinter.js";
import { fakePrinter, options, SET, tmp, withHtml } from "./fakeBuild.js";

/** A fake printer that records what it was asked to print. */
function counting(browserVersion = "Chrome/0.0-test"): { printer: Printer; printed: string[] } {
  const printed: string[] = [];
  const printer = { ...fakePrinter([], (job: PrintJob) => printed.push(job.id)), browserVersion };
  return { printer, printed };
}

describe("incremental builds (printAndArchive)", () => {
  it("reuses every report whose key is unchanged: nothing printed, the same manifest entries", async () => {
    const dir = tmp();
    const first = await printAndArchive(SET, fakePrinter(), options(dir));
    expect(first.written).toHaveLength(5);
    expect(first.written.every((r) => /^[0-9a-f]{64}$/.test(r.key ?? ""))).toBe(true);
    const again = counting();
    const result = await printAndArchive(SET, again.printer, {
      ...options(dir),
      generatedAt: new Date("2026-11-20T00:00:00Z"),
    });
    expect(again.printed).toEqual([]);
    expect(result.written).toEqual([]);
    expect(result.reused.map((r) => r.file)).toEqual(first.manifest.reports.map((r) => r.file));
    const manifest = (await readManifest(dir)) as Manifest;
    expect(manifest.reports).toEqual(first.manifest.reports);
    expect(manifest.generatedAt).toBe("2026-11-20T00:00:00.000Z");
    expect((await verifyArchive(dir, null)).problems).toEqual([]);
  });

  it("prints again what changed: one report's HTML, then every report for another Chromium", async () => {
    const dir = tmp();
    await printAndArchive(SET, fakePrinter(), options(dir));
    const changed = SET.map((j) => (j.code === "010001" ? withHtml(j, "<h1>UGEL Chachapoyas!</h1>") : j));
    const one = counting();
    const result = await printAndArchive(changed, one.printer, options(dir));
    expect(one.printed).toEqual(["district 010001 (es)"]);
    expect(result.reused).toHaveLength(4);

    const newer = counting("Chrome/0.1-test");
    await printAndArchive(changed, newer.printer, options(dir));
    expect(newer.printed).toHaveLength(5);
    const metadata = counting("Chrome/0.1-test");
    const retitled = changed.map((j) =>
      j.code === "PE" ? { ...j, info: { ...j.info, author: "Otra" } } : j,
    );
    await printAndArchive(retitled, metadata.printer, options(dir));
    expect(metadata.printed).toEqual(["national PE (es)"]);
  });

  it("renders a report only when its source changed, and prints it only when its HTML changed", async () => {
    const dir = tmp();
    await printAndArchive(SET, fakePrinter(), options(dir));
    const rendered: string[] = [];
    const watched = (jobs: typeof SET) =>
      jobs.map((j) => ({
        ...j,
        html: () => {
          rendered.push(j.code);
          return j.html();
        },
      }));
    // The same sources: nothing rendered, nothing printed.
    const same = counting();
    await printAndArchive(watched(SET), same.printer, options(dir));
    expect([rendered, same.printed]).toEqual([[], []]);
    // A new source whose HTML is the same (a view changed where no template shows it): rendered,
    // found unchanged by its key, not printed; the manifest records the new source.
    const newSource = SET.map((j) => (j.code === "010001" ? { ...j, source: "0".repeat(64) } : j));
    const quiet = counting();
    const result = await printAndArchive(watched(newSource), quiet.printer, options(dir));
    expect([rendered, quiet.printed]).toEqual([["010001"], []]);
    expect(result.reused).toHaveLength(5);
    const entry = result.manifest.reports.find((r) => r.code === "010001");
    const again = counting();
    rendered.length = 0;
    await printAndArchive(watched(newSource), again.printer, options(dir));
    expect([rendered, again.printed]).toEqual([[], []]);
    // Other HTML: rendered and printed.
    const changed = counting();
    await printAndArchive(
      watched(SET.map((j) => (j.code === "010001" ? withHtml(j, "<h1>UGEL Chachapoyas!</h1>") : j))),
      changed.printer,
      options(dir),
    );
    expect([rendered, changed.printed]).toEqual([["010001"], ["district 010001 (es)"]]);
    expect(entry?.source).toMatch(/^[0-9a-f]{64}$/);
  });

  it("does not trust a key edited in the manifest: the report is printed again and its key restored", async () => {
    const dir = tmp();
    const first = await printAndArchive(SET, fakePrinter(), options(dir));
    const file = join(dir, "manifest.json");
    const manifest = JSON.parse(readFileSync(file, "utf8")) as Manifest;
    const national = manifest.reports.find((r) => r.code === "PE") as Manifest["reports"][number];
    const real = national.key;
    national.key = "1".repeat(64);
    writeFileSync(file, JSON.stringify(manifest));
    const again = counting();
    const result = await printAndArchive(SET, again.printer, options(dir));
    expect(again.printed).toEqual(["national PE (es)"]);
    expect(result.manifest.reports.find((r) => r.code === "PE")?.key).toBe(real);
    expect(result.manifest.reports).toEqual(first.manifest.reports);
  });

  it("never reuses a PDF whose bytes no longer hash to the manifest's sha256, and --full prints all", async () => {
    const dir = tmp();
    await printAndArchive(SET, fakePrinter(), options(dir));
    const file = join(dir, "region/010000-dre-amazonas.pdf");
    const good = readFileSync(file);
    appendFileSync(file, "% altered\n");
    const repair = counting();
    await printAndArchive(SET, repair.printer, options(dir));
    expect(repair.printed).toEqual(["region 010000 (es)"]);
    expect(readFileSync(file).equals(good)).toBe(true);

    const full = counting();
    const result = await printAndArchive(SET, full.printer, { ...options(dir), full: true });
    expect(full.printed).toHaveLength(5);
    expect(result.reused).toEqual([]);
    expect((await verifyArchive(dir, null)).problems).toEqual([]);
  });

  it("carries this run's recipients and headline into a reused entry", async () => {
    const dir = tmp();
    await printAndArchive(SET, fakePrinter(), options(dir));
    const readdressed = SET.map((j) =>
      j.code === "PE"
        ? { ...j, recipients: ["nueva@example.org"], recipientNames: { "nueva@example.org": "Nueva" } }
        : j,
    );
    const result = await printAndArchive(readdressed, fakePrinter(), options(dir));
    expect(result.written).toEqual([]);
    expect(result.manifest.reports[0]).toMatchObject({ code: "PE", recipients: ["nueva@example.org"] });
  });
});
