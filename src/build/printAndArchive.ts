import { existsSync } from "node:fs";
import { readFile, rename, rm } from "node:fs/promises";
import { dirname, join } from "node:path";
import { applyCommit } from "../archive/applyCommit.js";
import { archiveWriteError } from "../archive/archiveWriteError.js";
import { completeCommit } from "../archive/completeCommit.js";
import { listUnlisted } from "../archive/listUnlisted.js";
import { readManifest } from "../archive/manifest.js";
import { manifestReportSchema } from "../formats/manifest.js";
import { extraFields } from "../formats/open.js";
import { mergeManifest, sortReports } from "../archive/mergeManifest.js";
import { planCommit } from "../archive/planCommit.js";
import { readOnDisk } from "../archive/readOnDisk.js";
import { resolveInPeriod } from "../archive/resolveInPeriod.js";
import { JOURNAL, STAGING } from "../archive/staging.js";
import { syncDir, writeSynced } from "../archive/writeFileAtomic.js";
import { makeDirs } from "../makeDirs.js";
import { acquireSendLock, type SendLock } from "../deliver/acquireSendLock.js";
import { heldVersions } from "../deliver/heldVersions.js";
import { CliError, errors } from "../errors.js";
import { readLedger } from "../deliver/readLedger.js";
import { lockBuilds } from "../archive/lockBuilds.js";
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
import type { Printer } from "../pdf/launchPrinter.js";
import { headingTexts } from "../pdf/retitleOutline.js";
import { setPdfInfo, type PdfInfo } from "../pdf/setPdfInfo.js";
import type { ReportPlan } from "./planReports.js";
import { reportKey, sourceKey } from "./reportKey.js";
import { runLimited } from "./runLimited.js";
import { ledgerPath } from "../formats/ledger.js";
import { checkAgainstEntry, sha256Hex } from "../formats/sha256Hex.js";

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

/** What printAndArchive needs of a printer: a lazy one (lazyPrinter) starts no browser until `print`. */
export type PrintTarget = Pick<Printer, "browserVersion" | "concurrency" | "print">;

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
 *  2. each PDF is written, synced, to `.staging/<file>` as it comes — the archived set and its
 *     manifest are untouched, so a kill or a full disk while printing leaves the old set valid
 *     (a write error stops the build: `archive-write-failed`, exit 2, naming the path);
 *  3. then a commit plan (planCommit) is journaled and run (applyCommit): PDFs someone may hold
 *     move to `superseded/`, the staged PDFs are renamed into place, the manifest is written, and
 *     PDFs the manifest no longer lists (and no one received) are removed.
 * A report that fails is recorded in `failures`, keeps its previous PDF and entry, and the others go on.
 *
 * A report whose key (reportKey: its HTML, print settings, browser and metadata) is the one the
 * archive's manifest records for it, and whose archived file still hashes to the manifest's
 * sha256, is not printed: its PDF stays where it is and its entry is carried over (with this run's
 * recipients and headline). Its source key (sourceKey: the same with the HTML's source, the view
 * and the renderer's fingerprint, in place of the HTML) comes first: when it is the archived one,
 * the HTML is the same and the report is not even rendered. `full` turns both off. The printer is
 * asked for `browserVersion` first and to print only then, so a lazy one starts no browser when
 * every report is reused.
 */
export async function printAndArchive(
  jobs: ReportJob[],
  printer: PrintTarget,
  options: ArchiveOptions,
): Promise<ArchiveResult> {
  const { periodDir } = options;
  try {
    await makeDirs(periodDir);
  } catch (error) {
    throw archiveWriteError(periodDir, error);
  }
  const buildLock = lockBuilds(periodDir);
  try {
    return await printAndCommit(jobs, printer, options);
  } finally {
    buildLock.release();
  }
}

/** printAndArchive, holding the period's build lock. */
async function printAndCommit(
  jobs: ReportJob[],
  printer: PrintTarget,
  options: ArchiveOptions,
): Promise<ArchiveResult> {
  const { periodDir } = options;
  const inside = (file: string) => resolveInPeriod(periodDir, file, "the build plan");
  const written: ManifestReport[] = [];
  const failures: ReportFailure[] = [];
  const reused: ManifestReport[] = [];
  const printMs = new Map<string, number>();
  const creator = `${options.tool.name} ${options.tool.version}`;
  const date = new Date(options.rebuild.sourceDate);
  let done = 0;

  await completeCommit(periodDir, true);
  const archived = options.full ? new Map<string, ManifestReport>() : await readReusable(periodDir);
  // The ledger says which versions someone may hold; a damaged one stops the build (exit 2)
  // before anything is printed, since replacing a PDF blindly could lose a delivered one. It is
  // read again for the commit.
  readHeld(ledgerPath(periodDir));
  // A send running now would stop the commit (below): say so before printing anything. One that
  // starts while the reports print still stops the commit.
  lockSends(periodDir).release();
  const stagingDirs = new Set(jobs.map((job) => dirname(inside(`${STAGING}/${job.file}`))));
  try {
    for (const dir of [join(periodDir, STAGING), ...stagingDirs]) {
      try {
        await makeDirs(dir);
      } catch (error) {
        throw archiveWriteError(dir, error);
      }
    }
    await runLimited(jobs, printer.concurrency * 2, async (job) => {
      let error: string | undefined;
      let ms: number | undefined;
      let bytes: Uint8Array;
      let attachments: { file: string; bytes: Uint8Array }[];
      try {
        const info: PdfInfo = { ...job.info, creator, date };
        // What goes with the PDF (the team brief's CSV) is part of the key: a change there alone
        // prints the report again.
        attachments = job.attachments?.() ?? [];
        const attached = attachments.map((a) => ({
          file: a.file,
          sha256: sha256Hex(a.bytes),
          bytes: a.bytes.byteLength,
        }));
        const parts = {
          browser: printer.browserVersion,
          print: options.rebuild.print,
          info,
          attachments: attached.map((a) => a.sha256),
        };
        // The manifest's `source` is bound to the key it stands for: a key edited in the manifest no
        // longer matches, and the report is rendered and its key recomputed.
        const source = sourceKey({ ...parts, source: job.source });
        const bound = (key: string) => sha256Hex(`${source}\n${key}`);
        const before = archived.get(job.file);
        const stillThere = async (entry: ManifestReport) =>
          (await hashesTo(inside(job.file), entry)) && (await allHashTo(entry.attachments ?? [], inside));
        const reuse = (entry: ManifestReport, key: string) => {
          reused.push({
            // The same PDF: what a newer version (or a hand) added to its entry stays.
            ...extraFields(entry, manifestReportSchema),
            ...entryOf(job),
            sha256: entry.sha256,
            bytes: entry.bytes,
            pages: entry.pages,
            key,
            source: bound(key),
            ...(entry.attachments?.length ? { attachments: entry.attachments } : {}),
          });
          options.onReport?.({ done: ++done, total: jobs.length, job, reused: true });
        };
        // The same source: the same HTML, so the same key, without rendering.
        if (before?.key && before.source === bound(before.key) && (await stillThere(before))) {
          reuse(before, before.key);
          return;
        }
        const html = job.html();
        const key = reportKey({ ...parts, html });
        if (before && before.key === key && (await stillThere(before))) {
          reuse(before, key);
          return;
        }
        const printed = await printer.print({
          id: `${job.level} ${job.code} (${job.language})`,
          html,
          mustContain: job.mustContain,
        });
        ms = printed.ms;
        bytes = setPdfInfo(printed.bytes, info, headingTexts(html));
        printMs.set(job.file, printed.ms);
        written.push({
          ...entryOf(job),
          sha256: sha256Hex(bytes),
          bytes: bytes.byteLength,
          pages: printed.pages,
          key,
          source: bound(key),
          ...(attached.length > 0 ? { attachments: attached } : {}),
        });
      } catch (caught) {
        // An expected error of the printer's own (the browser cannot start, or is not the version
        // the keys name) stops the build; a ReportError is this report's failure and the others go on.
        if (caught instanceof CliError) throw caught;
        error = caught instanceof Error ? caught.message : String(caught);
        failures.push({ level: job.level, code: job.code, language: job.language, error });
        options.onReport?.({ done: ++done, total: jobs.length, job, error, ms });
        return;
      }
      // A write error is the disk's, not the report's: it stops the whole build (runLimited lets
      // the reports in flight finish first).
      for (const file of [{ file: job.file, bytes }, ...attachments]) {
        const staged = inside(`${STAGING}/${file.file}`);
        try {
          await rename(await writeSynced(staged, file.bytes), staged);
        } catch (caught) {
          throw archiveWriteError(staged, caught);
        }
      }
      options.onReport?.({ done: ++done, total: jobs.length, job, error, ms });
    });

    // The commit runs holding send's lock, so the ledger cannot gain a delivery between the moment
    // it is read here and the moment the PDFs are replaced (a send that is running stops the build).
    const lock = lockSends(periodDir);
    try {
      const held = readHeld(ledgerPath(periodDir));
      let previous: Manifest | null = null;
      try {
        previous = await readManifest(periodDir);
      } catch (error) {
        if (options.covers) throw error; // a partial build needs the previous manifest intact
      }
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
          rebuild: options.rebuild,
          email: options.email,
          reports: [...written, ...reused],
          failures,
          superseded: previous?.superseded ?? [],
          // The published site does not change with the PDFs (its links name the same files).
          ...(previous?.public ? { public: previous.public } : {}),
        },
        options.covers,
      );
      const plan = planCommit({
        previous,
        manifest,
        written,
        held,
        onDisk: await readOnDisk(
          periodDir,
          [...(previous?.reports ?? []), ...written].flatMap((r) => [
            r.file,
            ...(r.attachments ?? []).map((a) => a.file),
          ]),
        ),
        leftovers: (await listUnlisted(periodDir, manifest)).filter((file) => LEFTOVER.test(file)),
      });
      // The staged names must be durable before the journal that points at them.
      for (const dir of stagingDirs) {
        try {
          await syncDir(dir);
        } catch (error) {
          throw archiveWriteError(dir, error);
        }
      }
      await applyCommit(periodDir, plan, options.commitStep);
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
      lock.release();
    }
  } finally {
    // Printed but not committed: the staged PDFs go. A commit that stopped half-way keeps its
    // journal and staged files, and the next build or verify completes it.
    if (!existsSync(join(periodDir, JOURNAL)))
      await rm(join(periodDir, STAGING), { recursive: true, force: true }).catch(() => {});
  }
}

/** A report's manifest entry, without what printing gives (sha256, size, pages, keys). */
function entryOf(job: ReportJob): Omit<ManifestReport, "sha256" | "bytes" | "pages"> {
  return {
    level: job.level,
    code: job.code,
    name: job.name,
    language: job.language,
    file: job.file,
    recipients: job.recipients,
    recipientNames: job.recipientNames,
    headline: job.headline,
    ...(job.sms && job.sms.length > 0 ? { sms: job.sms } : {}),
  };
}

/**
 * The archived reports that may be reused, by file: those with a key, in a manifest that can be
 * read. A damaged or missing manifest means nothing is reused (every report is printed).
 */
async function readReusable(periodDir: string): Promise<Map<string, ManifestReport>> {
  let manifest: Manifest | null;
  try {
    manifest = await readManifest(periodDir);
  } catch {
    return new Map();
  }
  return new Map((manifest?.reports ?? []).filter((r) => r.key).map((r) => [r.file, r]));
}

/** Whether the archived file's bytes are still the ones its manifest entry records. */
async function hashesTo(path: string, entry: { sha256: string; bytes: number }): Promise<boolean> {
  try {
    const bytes = await readFile(path);
    return checkAgainstEntry(bytes, entry).matches;
  } catch {
    return false;
  }
}

/** Every attachment of an archived report is still the bytes its manifest entry records. */
async function allHashTo(
  attachments: { file: string; sha256: string; bytes: number }[],
  inside: (file: string) => string,
): Promise<boolean> {
  for (const a of attachments) {
    if (!(await hashesTo(inside(a.file), { sha256: a.sha256, bytes: a.bytes }))) return false;
  }
  return true;
}

/** A temporary file of a build killed before staging existed (`.name.pdf.PID-RANDOM.tmp`). */
const LEFTOVER = /(^|\/)\.[^/]*\.tmp$/;

/** Send's own lock (`OUT/PERIOD/.send.lock`): while it is held, no delivery is added to the ledger. */
function lockSends(periodDir: string): SendLock {
  const file = join(periodDir, ".send.lock");
  try {
    return acquireSendLock(file, { command: "build", held: (who) => errors.sendRunning(periodDir, who) });
  } catch (error) {
    throw archiveWriteError(file, error);
  }
}

/** The versions someone may hold, per the ledger; `ledger-unreadable` (exit 2) when it cannot be read. */
function readHeld(file: string): Set<string> {
  try {
    return heldVersions(readLedger(file).events);
  } catch (error) {
    const why =
      error instanceof CliError
        ? error.message.split(". ")[0]
        : `${file} cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`;
    throw errors.ledgerUnreadable(file, why ?? file);
  }
}
