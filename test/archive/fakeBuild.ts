import { createHash } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { reportFile } from "../../src/archive/reportFile.js";
import type { BuildEffects } from "../../src/build/buildReportSet.js";
import { defaultBuildEffects } from "../../src/build/defaultBuildEffects.js";
import type { ReportJob } from "../../src/build/printAndArchive.js";
import type { Level, ReportLevel } from "../../src/model.js";
import { ReportError, type Printer, type PrintJob } from "../../src/pdf/launchPrinter.js";
import { minimalPdf } from "../pdf/minimalPdf.js";

/** A printer without Chromium: minimal PDFs, and failures on demand. */
export function fakePrinter(failIds: string[] = [], onPrint?: (job: PrintJob) => void): Printer {
  return {
    browserVersion: "Chrome/0.0-test",
    concurrency: 2,
    print: (job) => {
      onPrint?.(job);
      if (failIds.some((id) => job.id.includes(id)))
        return Promise.reject(new ReportError("blank", `${job.id}: blank report`));
      return Promise.resolve({ bytes: minimalPdf(2, job.id), pages: 2, ms: 1, attempts: 1 });
    },
    close: () => Promise.resolve(),
    kill: () => {},
    pids: () => [],
  };
}

/** The job with other HTML: its source changes with it, as a real renderer's would. */
export function withHtml(job: ReportJob, html: string): ReportJob {
  return { ...job, html: () => html, source: sha256(html) };
}

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

/** The real build effects with the fake printer: everything but Chromium is real. */
export function fakeBuildEffects(failIds: string[] = []): BuildEffects {
  const printer = fakePrinter(failIds);
  return {
    ...defaultBuildEffects(),
    browserVersion: () => Promise.resolve(printer.browserVersion),
    launchPrinter: () => Promise.resolve(printer),
  };
}

export function job(level: Level, code: string, name: string, language: "es" | "en" = "es"): ReportJob {
  return {
    level,
    code,
    name,
    language,
    file: reportFile(level, code, name, language),
    recipients: [`${code}@example.org`],
    recipientNames: { [`${code}@example.org`]: `Directora ${name}` },
    headline: { green: 1, amber: 0, red: 1, referential: 0, noData: 0, text: `Resumen ${name}` },
    html: () => `<h1>${name}</h1>`,
    source: sha256(`<h1>${name}</h1>`),
    mustContain: [name],
    info: { author: "a", subject: "s", keywords: [], language: "es-PE" },
  };
}

export const options = (
  periodDir: string,
  covers: ((r: { level: ReportLevel; code: string }) => boolean) | null = null,
) => ({
  periodDir,
  period: "2026-10",
  generatedAt: new Date("2026-11-05T15:30:00Z"),
  rebuild: rebuildOf("2026-11-01T05:00:00.000Z"),
  tool: { name: "semaforo-reports", version: "0.0.0" },
  dataset: { name: "test", synthetic: true },
  inputs: [{ path: "results.csv", sha256: "ab" }],
  email: { from: "semaforo@example.org", fromName: "Semáforo Escuela" },
  covers,
});

/** The manifest's rebuild record; a different sourceDate changes every PDF's bytes (and key). */
export function rebuildOf(sourceDate: string) {
  return { dataDir: "/data", sourceDate, print: { format: "A4" } };
}

export const SET = [
  job("national", "PE", "Perú"),
  job("region", "010000", "DRE Amazonas"),
  job("district", "010001", "UGEL Chachapoyas"),
  job("district", "010002", "UGEL Bagua"),
  job("district", "010002", "UGEL Bagua", "en"),
];

export const tmp = () => join(mkdtempSync(join(tmpdir(), "semaforo-archive-")), "2026-10");
