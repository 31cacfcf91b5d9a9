import type {
  InputFile,
  ReportLevel,
  Locale,
  Manifest,
  ManifestHeadline,
  ManifestSms,
  ManifestRebuild,
  ManifestReport,
} from "../model.js";
import type { PdfInfo } from "../pdf/setPdfInfo.js";
import type { ArchiveEffects } from "./archiveEffects.js";
import { commitBuild } from "./commitBuild.js";
import { defaultArchiveEffects } from "./defaultArchiveEffects.js";
import type { ReportPlan } from "./planReports.js";
import { printOrReuse, type PrintTarget } from "./printOrReuse.js";
import { runLimited } from "./runLimited.js";
import { sortReports } from "../archive/mergeManifest.js";

export type { PrintTarget } from "./printOrReuse.js";

/** A planned report with what printing it needs. */
export interface ReportJob extends ReportPlan {
  /**
   * sha256 of what the HTML is made from (reportSource: the renderer's fingerprint and the view):
   * equal sources give equal HTML, so an unchanged report is recognised without rendering it.
   */
  source: string;
  /** Made only when the report is printed, so rendering overlaps printing and HTML is not kept. */
  html: () => string;
  mustContain: string[];
  info: Omit<PdfInfo, "date" | "creator">;
  /** What the e-mail body says about this report (none for the team brief: it has no indicator counts). */
  headline?: ManifestHeadline;
  /** The report's SMS texts (composeUnitSms, composeSchoolSms). */
  sms?: ManifestSms[];
  /** Files archived and sent with the PDF, in its folder (the team brief's CSV). */
  attachments?: () => { file: string; bytes: Uint8Array }[];
}

export interface ReportFailure {
  level: ReportLevel;
  code: string;
  language: Locale;
  error: string;
  /** "kept": the archive still holds this report's earlier PDF; "none": there was none. */
  previous?: "kept" | "none";
}

export interface ArchiveOptions {
  periodDir: string;
  period: string;
  /** When the build ran (the manifest's generatedAt). */
  generatedAt: Date;
  /** What a rebuild needs; its sourceDate is the date inside every PDF. */
  rebuild: ManifestRebuild;
  /** `--full`: print every report, reuse none. */
  full?: boolean;
  tool: { name: string; version: string };
  dataset: Manifest["dataset"];
  inputs: InputFile[];
  /** The dataset's sender, recorded so `send` needs only the period folder. */
  email: Manifest["email"];
  /** For `--only` / `--level`: the reports this run rebuilds; the manifest keeps the others. null = all. */
  covers: ((report: { level: ReportLevel; code: string; language: Locale }) => boolean) | null;
  /** Called before each change the commit makes; tests throw from it to stop a build anywhere. */
  commitStep?: (what: string) => void;
  onReport?: (event: {
    done: number;
    total: number;
    job: ReportJob;
    error?: string;
    ms?: number;
    /** The archived PDF was reused, not printed. */
    reused?: boolean;
  }) => void;
}

export interface ArchiveResult {
  manifest: Manifest;
  /** The reports this run printed. */
  written: ManifestReport[];
  /** The reports whose key was unchanged and whose archived PDF still had its bytes: not printed. */
  reused: ManifestReport[];
  failures: ReportFailure[];
  /** Files removed because the new manifest no longer lists them (and no one received them). */
  removed: string[];
  /** Earlier PDFs someone may hold, moved to `superseded/` by this build. */
  superseded: string[];
  /** Print time per report, ms, by file. */
  printMs: Map<string, number>;
}

/**
 * Prints every job, checks and stamps each PDF, and archives the set without ever losing one:
 *  1. first a commit left by a killed build is completed and old staged files are removed;
 *  2. each report is reused or printed (printOrReuse), and each new PDF is written, synced, to
 *     `.staging/<file>` as it comes — the archived set and its manifest are untouched, so a kill or
 *     a full disk while printing leaves the old set valid (a write error stops the build:
 *     `archive-write-failed`, exit 2, naming the path);
 *  3. then the commit (commitBuild) is planned (planCommit), journaled and run (applyCommit): PDFs
 *     someone may hold move to `superseded/`, the staged PDFs are renamed into place, the manifest
 *     is written, and PDFs the manifest no longer lists (and no one received) are removed.
 * A report that fails is recorded in `failures`, keeps its previous PDF and entry, and the others go on.
 *
 * Every read and write of the period folder, its locks and its ledger goes through `effects` (the
 * build's `archive` effects; the real ones by default), as the send's do; this function only
 * orders them. The period's build lock is held throughout.
 */
export async function printAndArchive(
  jobs: ReportJob[],
  printer: PrintTarget,
  options: ArchiveOptions,
  effects: ArchiveEffects = defaultArchiveEffects(),
): Promise<ArchiveResult> {
  await effects.makePeriodDir(options.periodDir);
  const buildLock = effects.lockBuilds(options.periodDir);
  try {
    return await printAndCommit(jobs, printer, options, effects);
  } finally {
    buildLock.release();
  }
}

/** printAndArchive, holding the period's build lock. */
async function printAndCommit(
  jobs: ReportJob[],
  printer: PrintTarget,
  options: ArchiveOptions,
  effects: ArchiveEffects,
): Promise<ArchiveResult> {
  const { periodDir } = options;
  const written: ManifestReport[] = [];
  const failures: ReportFailure[] = [];
  const reused: ManifestReport[] = [];
  const printMs = new Map<string, number>();
  let done = 0;

  await effects.completeCommit(periodDir);
  const archived = options.full ? new Map<string, ManifestReport>() : await readReusable(effects, periodDir);
  // The ledger says which versions someone may hold; a damaged one stops the build (exit 2)
  // before anything is printed, since replacing a PDF blindly could lose a delivered one. It is
  // read again for the commit.
  effects.readHeld(periodDir);
  // A send running now would stop the commit: say so before printing anything. One that starts
  // while the reports print still stops the commit.
  effects.lockSends(periodDir).release();
  const files = jobs.map((job) => job.file);
  const context = {
    printer,
    print: options.rebuild.print,
    stamp: {
      creator: `${options.tool.name} ${options.tool.version}`,
      date: new Date(options.rebuild.sourceDate),
    },
    stillArchived: (archivedFiles: Parameters<ArchiveEffects["stillArchived"]>[1]) =>
      effects.stillArchived(periodDir, archivedFiles),
  };
  try {
    await effects.prepareStaging(periodDir, files);
    await runLimited(jobs, printer.concurrency * 2, async (job) => {
      const outcome = await printOrReuse(job, { ...context, archived: archived.get(job.file) });
      const event = { total: jobs.length, job };
      switch (outcome.kind) {
        case "reused":
          reused.push(outcome.entry);
          options.onReport?.({ done: ++done, ...event, reused: true });
          return;
        case "failed":
          failures.push({ level: job.level, code: job.code, language: job.language, error: outcome.error });
          options.onReport?.({ done: ++done, ...event, error: outcome.error, ms: outcome.ms });
          return;
        case "printed":
          printMs.set(job.file, outcome.ms);
          written.push(outcome.entry);
          // A write error is the disk's, not the report's: it stops the whole build (runLimited
          // lets the reports in flight finish first).
          for (const file of outcome.files) await effects.stage(periodDir, file.file, file.bytes);
          options.onReport?.({ done: ++done, ...event, ms: outcome.ms });
      }
    });

    const plan = await commitBuild(
      effects,
      options,
      printer.browserVersion,
      { written, reused, failures },
      files,
    );
    return {
      manifest: plan.manifest,
      written,
      reused: sortReports(reused),
      // This run's failures, with what the archive kept for each.
      failures: plan.manifest.failures.filter((f) =>
        failures.some((g) => g.level === f.level && g.code === f.code && g.language === f.language),
      ),
      removed: plan.removes,
      superseded: plan.moves.map((m) => m.from),
      printMs,
    };
  } finally {
    // Printed but not committed: the staged PDFs go. A commit that stopped half-way keeps its
    // journal and staged files, and the next build or verify completes it.
    await effects.discardStaging(periodDir);
  }
}

/**
 * The archived reports that may be reused, by file: those with a key, in a manifest that can be
 * read. A damaged or missing manifest means nothing is reused (every report is printed).
 */
async function readReusable(
  effects: ArchiveEffects,
  periodDir: string,
): Promise<Map<string, ManifestReport>> {
  let manifest: Manifest | null;
  try {
    manifest = await effects.readManifest(periodDir);
  } catch {
    return new Map();
  }
  return new Map((manifest?.reports ?? []).filter((r) => r.key).map((r) => [r.file, r]));
}
