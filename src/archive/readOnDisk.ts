import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { inspectPdf, pdfText } from "../pdf/inspectPdf.js";
import type { OnDisk } from "./planCommit.js";
import { resolveInPeriod } from "./resolveInPeriod.js";

/** sha256, size and pages of the files the commit may replace or remove, as they are on disk. */
export async function readOnDisk(periodDir: string, files: string[]): Promise<Map<string, OnDisk>> {
  const found = new Map<string, OnDisk>();
  for (const file of new Set(files)) {
    const path = resolveInPeriod(periodDir, file, "the manifest");
    let bytes: Buffer;
    try {
      bytes = await readFile(path);
    } catch {
      continue; // not there (or not a file): nothing to keep or remove
    }
    let pages = 0;
    try {
      pages = inspectPdf(bytes).pages;
    } catch {
      // Not a readable PDF; its bytes are still kept if someone received them.
    }
    found.set(file, {
      sha256: createHash("sha256").update(bytes).digest("hex"),
      bytes: bytes.byteLength,
      pages,
      createdAt: creationDate(bytes),
    });
  }
  return found;
}

/** The PDF's own creation date (the build's generatedAt, stamped by setPdfInfo), ISO 8601. */
function creationDate(bytes: Buffer): string | undefined {
  const found = [
    ...pdfText(bytes).matchAll(/\/CreationDate\s*\(D:(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z/g),
  ].pop();
  if (!found) return undefined;
  const [, y, mo, d, h, mi, se] = found;
  const date = new Date(`${y}-${mo}-${d}T${h}:${mi}:${se}Z`);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}
