import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { inspectPdf } from "../pdf/inspectPdf.js";
import { listUnlisted } from "./listUnlisted.js";
import { loadManifest } from "./manifest.js";

export interface VerifyProblem {
  /** Relative to the period folder. */
  file: string;
  kind: "missing" | "size" | "sha256" | "unreadable" | "pages" | "unexpected";
  detail: string;
}

export interface VerifyResult {
  checked: number;
  problems: VerifyProblem[];
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

/**
 * Re-checks an archived set against its manifest: every listed PDF is there, with the recorded
 * size and sha256, opens (qpdf --check when qpdf is given, and always the structural check: header,
 * %%EOF, trailer, page count equal to the manifest's), and no unlisted file sits in the level folders.
 */
export async function verifyArchive(periodDir: string, qpdf: string | null): Promise<VerifyResult> {
  const manifest = await loadManifest(periodDir);
  const problems: VerifyProblem[] = [];

  const queue = [...manifest.reports];
  const worker = async () => {
    for (let report = queue.shift(); report; report = queue.shift()) {
      const path = join(periodDir, report.file);
      let bytes: Buffer;
      try {
        bytes = await readFile(path);
      } catch {
        problems.push({
          file: report.file,
          kind: "missing",
          detail: "listed in the manifest but not on disk",
        });
        continue;
      }
      if (bytes.byteLength !== report.bytes) {
        problems.push({
          file: report.file,
          kind: "size",
          detail: `${bytes.byteLength} bytes, manifest says ${report.bytes}`,
        });
      }
      const sha256 = createHash("sha256").update(bytes).digest("hex");
      if (sha256 !== report.sha256) {
        problems.push({
          file: report.file,
          kind: "sha256",
          detail: `sha256 ${sha256}, manifest says ${report.sha256}`,
        });
      }
      try {
        const { pages } = inspectPdf(bytes);
        if (pages !== report.pages) {
          problems.push({
            file: report.file,
            kind: "pages",
            detail: `${pages} pages, manifest says ${report.pages}`,
          });
        }
      } catch (error) {
        problems.push({ file: report.file, kind: "unreadable", detail: (error as Error).message });
        continue;
      }
      const failure = qpdf ? await qpdfCheck(qpdf, path) : null;
      if (failure)
        problems.push({ file: report.file, kind: "unreadable", detail: `qpdf --check: ${failure}` });
    }
  };
  await Promise.all([worker(), worker(), worker(), worker()]);

  for (const file of await listUnlisted(periodDir, manifest))
    problems.push({ file, kind: "unexpected", detail: "on disk but not in the manifest" });
  problems.sort((a, b) => a.file.localeCompare(b.file) || a.kind.localeCompare(b.kind));
  return { checked: manifest.reports.length, problems, qpdf };
}
