import { readFile, stat } from "node:fs/promises";
import { inspectPdf } from "../pdf/inspectPdf.js";
import type { OnDisk } from "./planCommit.js";
import { resolveInPeriod } from "./resolveInPeriod.js";
import { sha256Hex } from "../formats/sha256Hex.js";

/** sha256, size and pages of the files the commit may replace or remove, as they are on disk. */
export async function readOnDisk(periodDir: string, files: string[]): Promise<Map<string, OnDisk>> {
  const found = new Map<string, OnDisk>();
  for (const file of new Set(files)) {
    const path = resolveInPeriod(periodDir, file, "the manifest");
    let bytes: Buffer;
    let modified: Date;
    try {
      bytes = await readFile(path);
      modified = (await stat(path)).mtime;
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
      sha256: sha256Hex(bytes),
      bytes: bytes.byteLength,
      pages,
      // When the file was printed: a PDF is written once and renamed into place, never rewritten
      // (a reused one stays as it is). Its own CreationDate is the period's, not the build's.
      createdAt: modified.toISOString(),
    });
  }
  return found;
}
