import { manifestReportSchema } from "../formats/manifest.js";
import { extraFields } from "../formats/open.js";
import { CliError } from "../errors.js";
import { sha256Hex } from "../formats/sha256Hex.js";
import type { ManifestReport } from "../model.js";
import type { Printer } from "../pdf/launchPrinter.js";
import { headingTexts } from "../pdf/retitleOutline.js";
import { setPdfInfo, type PdfInfo } from "../pdf/setPdfInfo.js";
import type { ArchivedFile } from "./archiveEffects.js";
import type { ReportJob } from "./printAndArchive.js";
import { reportKey, sourceKey } from "./reportKey.js";

/** What printAndArchive needs of a printer: a lazy one (lazyPrinter) starts no browser until `print`. */
export type PrintTarget = Pick<Printer, "browserVersion" | "concurrency" | "print">;

/** What one report came to: its archived PDF reused, a new PDF to stage, or this report's failure. */
export type ReportOutcome =
  | { kind: "reused"; entry: ManifestReport }
  | {
      kind: "printed";
      entry: ManifestReport;
      /** The PDF and the files archived with it, to be staged. */
      files: { file: string; bytes: Uint8Array }[];
      ms: number;
    }
  | { kind: "failed"; error: string; ms?: number };

export interface PrintOrReuseContext {
  printer: PrintTarget;
  /** The print settings recorded in the manifest (part of every key). */
  print: Record<string, unknown>;
  /** The metadata every PDF gets besides its own: the tool that made it and the period's date. */
  stamp: Pick<PdfInfo, "creator" | "date">;
  /** The archived entry of this report's file, when it may be reused (none with `--full`). */
  archived: ManifestReport | undefined;
  /** Whether these archived files still have the bytes their entries record (the archive's IO). */
  stillArchived: (files: readonly ArchivedFile[]) => Promise<boolean>;
}

/**
 * One report: its archived PDF when that is still the one this run would print, else a new print.
 *
 * The source key (sourceKey: the HTML's source in place of the HTML) comes first: when it is the
 * one the archive's entry is bound to, the HTML is the same and the report is not even rendered.
 * Otherwise it is rendered and its key (reportKey: the HTML, print settings, browser, metadata and
 * attachments) compared with the entry's. Either way the archived files must still hash to the
 * entry. The printer is asked to print only then, so a lazy one starts no browser when every
 * report is reused.
 *
 * A failure of this report (a ReportError, a bug in its rendering) is its outcome, and the others
 * go on; an expected error of the printer's own (a CliError: the browser cannot start, or is not
 * the version the keys name) stops the build.
 */
export async function printOrReuse(job: ReportJob, context: PrintOrReuseContext): Promise<ReportOutcome> {
  let ms: number | undefined;
  try {
    const info: PdfInfo = { ...job.info, ...context.stamp };
    // What goes with the PDF (the team brief's CSV) is part of the key: a change there alone
    // prints the report again.
    const attachments = job.attachments?.() ?? [];
    const attached = attachments.map((a) => ({
      file: a.file,
      sha256: sha256Hex(a.bytes),
      bytes: a.bytes.byteLength,
    }));
    const parts = {
      browser: context.printer.browserVersion,
      print: context.print,
      info,
      attachments: attached.map((a) => a.sha256),
    };
    // The manifest's `source` is bound to the key it stands for: a key edited in the manifest no
    // longer matches, and the report is rendered and its key recomputed.
    const source = sourceKey({ ...parts, source: job.source });
    const bound = (key: string) => sha256Hex(`${source}\n${key}`);
    const before = context.archived;
    const stillThere = (entry: ManifestReport) => context.stillArchived(archivedFiles(entry));

    // The same source: the same HTML, so the same key, without rendering.
    if (before?.key && before.source === bound(before.key) && (await stillThere(before)))
      return { kind: "reused", entry: reusedEntry(job, before, before.key, bound(before.key)) };
    const html = job.html();
    const key = reportKey({ ...parts, html });
    if (before && before.key === key && (await stillThere(before)))
      return { kind: "reused", entry: reusedEntry(job, before, key, bound(key)) };

    const printed = await context.printer.print({
      id: `${job.level} ${job.code} (${job.language})`,
      html,
      mustContain: job.mustContain,
    });
    ms = printed.ms;
    const bytes = setPdfInfo(printed.bytes, info, headingTexts(html));
    return {
      kind: "printed",
      entry: {
        ...entryOf(job),
        sha256: sha256Hex(bytes),
        bytes: bytes.byteLength,
        pages: printed.pages,
        key,
        source: bound(key),
        ...(attached.length > 0 ? { attachments: attached } : {}),
      },
      files: [{ file: job.file, bytes }, ...attachments],
      ms: printed.ms,
    };
  } catch (caught) {
    if (caught instanceof CliError) throw caught;
    return { kind: "failed", error: caught instanceof Error ? caught.message : String(caught), ms };
  }
}

/** The archived files of an entry: its PDF and what was archived with it. */
function archivedFiles(entry: ManifestReport): ArchivedFile[] {
  return [
    { file: entry.file, sha256: entry.sha256, bytes: entry.bytes },
    ...(entry.attachments ?? []).map((a) => ({ file: a.file, sha256: a.sha256, bytes: a.bytes })),
  ];
}

/** The entry of a reused PDF: this run's recipients and headline, the archived file's bytes. */
function reusedEntry(job: ReportJob, entry: ManifestReport, key: string, source: string): ManifestReport {
  return {
    // The same PDF: what a newer version (or a hand) added to its entry stays.
    ...extraFields(entry, manifestReportSchema),
    ...entryOf(job),
    sha256: entry.sha256,
    bytes: entry.bytes,
    pages: entry.pages,
    key,
    source,
    ...(entry.attachments?.length ? { attachments: entry.attachments } : {}),
  };
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
