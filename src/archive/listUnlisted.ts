import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { REPORT_LEVELS, type Manifest } from "../model.js";

/** The folders whose every file the manifest lists. */
export const ARCHIVE_FOLDERS = [...REPORT_LEVELS, "superseded"] as const;

/**
 * Files in the period's archive folders (`national/`, `region/`, `district/`, `superseded/`) that
 * the manifest lists neither as a report nor as a superseded version. A folder that cannot be
 * listed is skipped here (verify reports the listed files it cannot read).
 */
export async function listUnlisted(periodDir: string, manifest: Manifest): Promise<string[]> {
  const listed = new Set([
    ...[...manifest.reports, ...manifest.superseded].map((r) => r.file),
    ...[...manifest.reports, ...manifest.superseded].flatMap((r) => (r.attachments ?? []).map((a) => a.file)),
  ]);
  const unlisted: string[] = [];
  for (const folder of ARCHIVE_FOLDERS) {
    let names: string[];
    try {
      names = await readdir(join(periodDir, folder));
    } catch {
      continue;
    }
    for (const name of names.sort()) if (!listed.has(`${folder}/${name}`)) unlisted.push(`${folder}/${name}`);
  }
  return unlisted;
}
