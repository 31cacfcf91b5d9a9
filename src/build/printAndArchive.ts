import { createHash } from "node:crypto";
import { rename, rm } from "node:fs/promises";
import { dirname, join } from "node:path";
import { readManifest, writeManifest } from "../archive/manifest.js";
import { listUnlisted } from "../archive/listUnlisted.js";
import { mergeManifest } from "../archive/mergeManifest.js";
import { syncDir, writeSynced } from "../archive/writeFileAtomic.js";
import type { InputFile, Level, Locale, Manifest, ManifestHeadline, ManifestReport } from "../model.js";
import type { Printer } from "../pdf/launchPrinter.js";
import { setPdfInfo, type PdfInfo } from "../pdf/setPdfInfo.js";
import type { ReportPlan } from "./planReports.js";
import { runLimited } from "./runLimited.js";

/** A planned report with what printing it needs. */
export interface ReportJob extends ReportPlan {
  /** Made when the report's turn comes, so rendering overlaps printing and HTML is not kept. */
  html: () => string;
  mustContain: string[];
  info: Omit<PdfInfo, "date" | "creator">;
  /** What the e-mail body says about this report. */
  headline: ManifestHeadline;
}

export interface ReportFailure {
  level: Level;
  code: string;
  language: Locale;
  error: string;
}

export interface ArchiveOptions {
  periodDir: string;
  period: string;
  generatedAt: Date;
  tool: { name: string; version: string };
  dataset: { name: string; synthetic: boolean };
  inputs: InputFile[];
  /** The dataset's sender, recorded so `send` needs only the period folder. */
  email: Manifest["email"];
  /** For `--only` / `--level`: the reports this run rebuilds; the manifest keeps the others. null = all. */
  covers: ((report: { level: Level; code: string; language: Locale }) => boolean) | null;
  onReport?: (event: { done: number; total: number; job: ReportJob; error?: string; ms?: number }) => void;
}

export interface ArchiveResult {
  manifest: Manifest;
  /** This run's reports (not those kept from a previous manifest). */
  written: ManifestReport[];
  failures: ReportFailure[];
  /** Files removed because the new manifest no longer lists them. */
  removed: string[];
  /** Print time per report, ms, by file. */
  printMs: Map<string, number>;
}

/**
 * Prints every job, checks and stamps each PDF, and archives the set:
 *  1. each PDF is written under a temporary name beside its final one and synced, as it comes;
 *  2. when all are printed, they are renamed into place (milliseconds for the whole set) and the
 *     manifest is written last, atomically — until then the previous manifest and its files are
 *     untouched, so a build that fails or is interrupted while printing leaves the old set valid;
 *  3. then the PDFs the new manifest no longer lists are removed.
 * A report that fails is recorded in `failures` and the others go on.
 */
export async function printAndArchive(
  jobs: ReportJob[],
  printer: Printer,
  options: ArchiveOptions,
): Promise<ArchiveResult> {
  const { periodDir } = options;
  const staged: { temp: string; final: string }[] = [];
  const written: ManifestReport[] = [];
  const failures: ReportFailure[] = [];
  const printMs = new Map<string, number>();
  const creator = `${options.tool.name} ${options.tool.version}`;
  let done = 0;
  try {
    await runLimited(jobs, printer.concurrency * 2, async (job) => {
      let error: string | undefined;
      let ms: number | undefined;
      try {
        const printed = await printer.print({
          id: `${job.level} ${job.code} (${job.language})`,
          html: job.html(),
          mustContain: job.mustContain,
        });
        ms = printed.ms;
        const bytes = setPdfInfo(printed.bytes, { ...job.info, creator, date: options.generatedAt });
        const final = join(periodDir, job.file);
        staged.push({ temp: await writeSynced(final, bytes), final });
        printMs.set(job.file, printed.ms);
        written.push({
          level: job.level,
          code: job.code,
          name: job.name,
          language: job.language,
          file: job.file,
          sha256: createHash("sha256").update(bytes).digest("hex"),
          bytes: bytes.byteLength,
          pages: printed.pages,
          recipients: job.recipients,
          recipientNames: job.recipientNames,
          headline: job.headline,
        });
      } catch (caught) {
        error = caught instanceof Error ? caught.message : String(caught);
        failures.push({ level: job.level, code: job.code, language: job.language, error });
      }
      options.onReport?.({ done: ++done, total: jobs.length, job, error, ms });
    });

    let previous: Manifest | null = null;
    try {
      previous = await readManifest(periodDir);
    } catch (error) {
      if (options.covers) throw error; // a partial build needs the previous manifest intact
    }
    for (const { temp, final } of staged) await rename(temp, final);
    staged.length = 0;
    for (const dir of new Set(written.map((r) => dirname(join(periodDir, r.file))))) await syncDir(dir);
    const manifest = mergeManifest(
      previous,
      {
        version: 1,
        period: options.period,
        generatedAt: options.generatedAt.toISOString(),
        tool: options.tool,
        browser: printer.browserVersion,
        dataset: options.dataset,
        inputs: options.inputs,
        email: options.email,
        reports: written,
        failures,
        superseded: previous?.superseded ?? [],
      },
      options.covers,
    );
    await writeManifest(periodDir, manifest);
    const removed = await removeUnlisted(periodDir, manifest);
    return { manifest, written, failures, removed, printMs };
  } finally {
    await Promise.all(staged.map(({ temp }) => rm(temp, { force: true })));
  }
}

/** Removes the PDFs (and leftover temporary files) of the level folders that the manifest does not list. */
async function removeUnlisted(periodDir: string, manifest: Manifest): Promise<string[]> {
  const removed = (await listUnlisted(periodDir, manifest)).filter(
    (file) => file.endsWith(".pdf") || file.endsWith(".tmp"),
  );
  for (const file of removed) await rm(join(periodDir, file), { force: true });
  return removed;
}
