import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { LEVELS, type Manifest } from "../model.js";

/** Files in the period's level folders (`national/`, `region/`, `district/`) that the manifest does not list. */
export async function listUnlisted(periodDir: string, manifest: Manifest): Promise<string[]> {
  const listed = new Set(manifest.reports.map((r) => r.file));
  const unlisted: string[] = [];
  for (const level of LEVELS) {
    let names: string[];
    try {
      names = await readdir(join(periodDir, level));
    } catch {
      continue;
    }
    for (const name of names.sort()) if (!listed.has(`${level}/${name}`)) unlisted.push(`${level}/${name}`);
  }
  return unlisted;
}
