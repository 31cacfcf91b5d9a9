import { execFile } from "node:child_process";
import { lstat, readFile } from "node:fs/promises";
import { join } from "node:path";
import { CliError } from "../errors.js";
import { heldVersions } from "../deliver/heldVersions.js";
import { readLedger } from "../deliver/readLedger.js";
import type { DeliveryEvent, Manifest } from "../model.js";
import { inspectPdf } from "../pdf/inspectPdf.js";
import { completeCommit } from "./completeCommit.js";
import { removeDeadPublishFolders } from "../publish/publishLeftovers.js";
import { LEFTOVER, listStrays } from "./listStrays.js";
import { listUnlisted } from "./listUnlisted.js";
import { loadManifest } from "./manifest.js";
import { resolveInPeriod } from "./resolveInPeriod.js";
import { STAGING } from "./staging.js";
import { LEDGER, ledgerPath } from "../formats/ledger.js";
import { checkAgainstEntry } from "../formats/sha256Hex.js";

export interface VerifyProblem {
  /** Relative to the period folder. */
  file: string;
  kind:
    "missing" | "size" | "sha256" | "unreadable" | "pages" | "unexpected" | "ledger" | "delivered-missing";
  detail: string;
}

export interface VerifyResult {
  /** Files checked: `pdfs` plus `publicFiles`. */
  checked: number;
  /** Report PDFs and superseded versions checked. */
  pdfs: number;
  /** Files of the published site checked (`manifest.public`, as public/files.json lists them). */
  publicFiles: number;
  problems: VerifyProblem[];
  /** Things worth knowing that are not problems (an interrupted build completed, leftovers ignored). */
  notes: string[];
  /** The qpdf used for the deep check, or null when only the structural check ran. */
  qpdf: string | null;
}

function qpdfCheck(qpdf: string, path: string): Promise<string | null> {
  return new Promise((resolve) => {
    execFile(qpdf, ["--check", path], { maxBuffer: 4 * 1024 * 1024 }, (error, stdout, stderr) => {
      // qpdf exits 0 when clean and 3 for warnings only; 2 means errors.
      const code = error ? ((error as { code?: unknown }).code ?? 2) : 0;
      if (code === 0 || code === 3) resolve(null);
      else
        resolve(
          (stderr || stdout || (error?.message ?? "")).trim().split("\n").slice(-1)[0] ??
            "qpdf --check failed",
        );
    });
  });
}

interface Listed {
  file: string;
  sha256: string;
  bytes: number;
  pages: number;
}

/**
 * Re-checks an archived set against its manifest: every listed PDF — reports and superseded
 * versions — is there as a regular file, with the recorded size and sha256, opens (qpdf --check
 * when qpdf is given, and always the structural check: header, %%EOF, trailer, page count), no
 * unlisted file sits in the archive folders, and every version the ledger says someone may hold
 * is one of the archived PDFs. Bad archive content is a problem (exit 4), never a crash. A commit
 * left by a killed build is completed first; temporary files of one are noted, not problems.
 */
export async function verifyArchive(
  periodDir: string,
  qpdf: string | null,
  /** Called when the check of each listed PDF starts (`total` is known then): progress. */
  onStart?: (total: number) => void,
  onChecked?: (file: string) => void,
): Promise<VerifyResult> {
  const notes: string[] = [];
  if (await completeCommit(periodDir, false))
    notes.push("completed the commit of a build that was interrupted while putting its PDFs in place");
  const manifest = await loadManifest(periodDir);
  const problems: VerifyProblem[] = [];

  const check = async (entry: Listed): Promise<void> => {
    const path = resolveInPeriod(periodDir, entry.file, "the manifest");
    const problem = (kind: VerifyProblem["kind"], detail: string) =>
      problems.push({ file: entry.file, kind, detail });
    let bytes: Buffer;
    try {
      const stat = await lstat(path);
      if (!stat.isFile()) {
        problem(
          "unreadable",
          `is ${stat.isDirectory() ? "a folder" : stat.isSymbolicLink() ? "a symbolic link" : "not a regular file"}, not a PDF`,
        );
        return;
      }
      bytes = await readFile(path);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === "ENOENT" || code === "ENOTDIR")
        problem("missing", "listed in the manifest but not on disk");
      else problem("unreadable", `cannot be read (${code ?? (error as Error).message})`);
      return;
    }
    const check = checkAgainstEntry(bytes, entry);
    if (check.sizeDiffers) problem("size", `${check.bytes} bytes, manifest says ${entry.bytes}`);
    if (check.hashDiffers) problem("sha256", `${check.sha256} on disk, manifest says ${entry.sha256}`);
    try {
      const { pages } = inspectPdf(bytes);
      if (pages !== entry.pages) problem("pages", `${pages} pages, manifest says ${entry.pages}`);
    } catch (error) {
      problem("unreadable", error instanceof Error ? error.message : String(error));
      return;
    }
    const failure = qpdf ? await qpdfCheck(qpdf, path) : null;
    if (failure) problem("unreadable", `qpdf --check: ${failure}`);
  };

  for (const entry of manifest.superseded) {
    if (entry.file !== `superseded/${entry.sha256}.pdf`)
      problems.push({
        file: entry.file,
        kind: "unexpected",
        detail: `a superseded version must be named superseded/${entry.sha256}.pdf`,
      });
  }
  const queue: Listed[] = [...manifest.reports, ...manifest.superseded];
  onStart?.(queue.length);
  const worker = async () => {
    for (let entry = queue.shift(); entry; entry = queue.shift()) {
      await check(entry);
      onChecked?.(entry.file);
    }
  };
  await Promise.all([worker(), worker(), worker(), worker()]);

  // A report's attachments (the team brief's CSV): there, with the recorded size and sha256.
  for (const attachment of [...manifest.reports, ...manifest.superseded].flatMap(
    (r) => r.attachments ?? [],
  )) {
    const problem = (kind: VerifyProblem["kind"], detail: string) =>
      problems.push({ file: attachment.file, kind, detail });
    let bytes: Buffer;
    try {
      bytes = await readFile(resolveInPeriod(periodDir, attachment.file, "the manifest"));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === "ENOENT" || code === "ENOTDIR")
        problem("missing", "listed in the manifest but not on disk");
      else problem("unreadable", `cannot be read (${code ?? (error as Error).message})`);
      continue;
    }
    const check = checkAgainstEntry(bytes, attachment);
    if (check.sizeDiffers) problem("size", `${check.bytes} bytes, manifest says ${attachment.bytes}`);
    if (check.hashDiffers) problem("sha256", `sha256 ${check.sha256}, manifest says ${attachment.sha256}`);
  }

  for (const file of await listUnlisted(periodDir, manifest)) {
    if (LEFTOVER.test(file))
      notes.push(`${file}: a temporary file of an interrupted build (ignored; the next build removes it)`);
    else problems.push({ file, kind: "unexpected", detail: "on disk but not in the manifest" });
  }
  // Nothing else in the folder: no file at the top or in public/ that no command put there.
  for (const name of await removeDeadPublishFolders(periodDir))
    notes.push(`${name}/: the work folder of a publish that was killed (removed)`);
  const strays = await listStrays(periodDir, manifest);
  for (const stray of strays.unexpected) problems.push({ ...stray, kind: "unexpected" });
  for (const leftover of strays.leftovers)
    notes.push(`${leftover}: a work file of an interrupted or running command (ignored)`);
  problems.push(...checkLedger(periodDir, [...manifest.reports, ...manifest.superseded]));
  problems.push(...(await checkPublic(periodDir, manifest)));
  if (await exists(join(periodDir, STAGING)))
    notes.push(`${STAGING}/: printed files of an interrupted build (ignored; the next build removes them)`);
  problems.sort((a, b) => a.file.localeCompare(b.file) || a.kind.localeCompare(b.kind));
  const pdfs = manifest.reports.length + manifest.superseded.length;
  const publicFiles = manifest.public?.files.length ?? 0;
  return {
    checked: pdfs + publicFiles,
    pdfs,
    publicFiles,
    problems,
    notes,
    qpdf,
  };
}

/** Every version someone may hold (heldVersions over the ledger) must be an archived PDF. */
function checkLedger(periodDir: string, archived: { sha256: string }[]): VerifyProblem[] {
  let events: DeliveryEvent[];
  try {
    events = readLedger(ledgerPath(periodDir)).events;
  } catch (error) {
    const detail =
      error instanceof CliError
        ? error.message
        : `cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`;
    return [{ file: LEDGER, kind: "ledger", detail }];
  }
  const have = new Set(archived.map((a) => a.sha256));
  const problems: VerifyProblem[] = [];
  for (const sha256 of [...heldVersions(events)].sort()) {
    if (have.has(sha256)) continue;
    const sent = events.filter((e) => e.sha256 === sha256);
    const files = [...new Set(sent.map((e) => e.file))].join(", ");
    problems.push({
      file: LEDGER,
      kind: "delivered-missing",
      detail: `${files} with sha256 ${sha256} went to ${[...new Set(sent.map((e) => e.email))].sort().join(", ")}, but no archived PDF has these bytes`,
    });
  }
  return problems;
}

async function exists(path: string): Promise<boolean> {
  try {
    await lstat(path);
    return true;
  } catch {
    return false;
  }
}

/** The published site's files (`semaforo publish`): each there, a regular file, with its size and sha256. */
async function checkPublic(periodDir: string, manifest: Manifest): Promise<VerifyProblem[]> {
  const problems: VerifyProblem[] = [];
  for (const entry of manifest.public?.files ?? []) {
    const path = resolveInPeriod(periodDir, entry.path, "the manifest");
    let bytes: Buffer;
    try {
      if (!(await lstat(path)).isFile()) {
        problems.push({ file: entry.path, kind: "unreadable", detail: "is not a regular file" });
        continue;
      }
      bytes = await readFile(path);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      problems.push(
        code === "ENOENT" || code === "ENOTDIR"
          ? { file: entry.path, kind: "missing", detail: "published (public/files.json) but not on disk" }
          : { file: entry.path, kind: "unreadable", detail: `cannot be read (${code ?? String(error)})` },
      );
      continue;
    }
    const check = checkAgainstEntry(bytes, entry);
    if (check.sizeDiffers)
      problems.push({
        file: entry.path,
        kind: "size",
        detail: `${check.bytes} bytes, published as ${entry.bytes} (public/files.json)`,
      });
    if (check.hashDiffers)
      problems.push({
        file: entry.path,
        kind: "sha256",
        detail: `${check.sha256} on disk, published as ${entry.sha256} (public/files.json)`,
      });
  }
  return problems;
}
