import type { Dirent } from "node:fs";
import { readdir } from "node:fs/promises";
import { join } from "node:path";
import type { Manifest } from "../model.js";
import { PUBLISH_WORK_FOLDER } from "../publish/publishLeftovers.js";
import { ARCHIVE_FOLDERS } from "./listUnlisted.js";
import { BUILD_LOCK, STAGING } from "./staging.js";

/** A temporary file of a killed write (`.name.ext.PID-RANDOM.tmp`, `.name.eml.PID.tmp`). */
export const LEFTOVER = /(^|\/)\.[^/]*\.tmp$/;

/** Files the tools keep at the top of a period folder besides the manifest's. */
const KNOWN_FILES = new Set(["manifest.json", "deliveries.jsonl", BUILD_LOCK, ".send.lock"]);

export interface Strays {
  /** Files (or empty folders, with a trailing /) no command of the tool puts there: exit 4. */
  unexpected: { file: string; detail: string }[];
  /** Work files of an interrupted or running command: noted, not problems. */
  leftovers: string[];
}

/**
 * What lies in a period folder outside the archive folders (which listUnlisted checks): at the top
 * only the manifest, the ledger, the locks, `outbox/` (`.eml` files), `.staging/` and `public/`,
 * whose every file `manifest.public` lists (as `public/files.json` does). Anything else — a
 * `notes.txt`, a `.hidden/evil.pdf`, a `public/evil.html` — is named, file by file.
 */
export async function listStrays(periodDir: string, manifest: Manifest): Promise<Strays> {
  const unexpected: Strays["unexpected"] = [];
  const leftovers: string[] = [];
  const publicListed = new Set((manifest.public?.files ?? []).map((f) => f.path));
  for (const entry of await list(periodDir)) {
    const name = entry.name;
    if ((ARCHIVE_FOLDERS as readonly string[]).includes(name) || name === STAGING) {
      if (!entry.isDirectory()) unexpected.push({ file: name, detail: "should be a folder" });
    } else if (KNOWN_FILES.has(name)) {
      // Read (and reported when damaged) by the manifest, ledger and lock checks.
      continue;
    } else if (
      LEFTOVER.test(name) ||
      /^\.send\.lock\.takeover-/.test(name) ||
      PUBLISH_WORK_FOLDER.test(name)
    ) {
      leftovers.push(entry.isDirectory() ? `${name}/` : name);
    } else if (name === "outbox" && entry.isDirectory()) {
      for (const file of await walk(periodDir, "outbox"))
        if (file === "outbox/") continue;
        else if (LEFTOVER.test(file)) leftovers.push(file);
        else if (!/^outbox\/[^/]+\.eml$/.test(file))
          unexpected.push({ file, detail: "not a message of the outbox (.eml)" });
    } else if (name === "public" && entry.isDirectory()) {
      if (!manifest.public) {
        unexpected.push({
          file: "public/",
          detail: "the manifest lists no published site (run `semaforo publish` again to record it)",
        });
        continue;
      }
      for (const file of await walk(periodDir, "public"))
        if (!publicListed.has(file))
          unexpected.push({
            file,
            detail: "on disk but not in the published site's files (public/files.json)",
          });
    } else {
      const files = entry.isDirectory() ? await walk(periodDir, name) : [name];
      for (const file of files) unexpected.push({ file, detail: "not part of the archived set" });
    }
  }
  return { unexpected, leftovers };
}

async function list(dir: string): Promise<Dirent[]> {
  try {
    return (await readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1));
  } catch {
    return [];
  }
}

/** Every file (or symbolic link, or empty folder as `name/`) under `periodDir/folder`, relative to periodDir. */
async function walk(periodDir: string, folder: string): Promise<string[]> {
  const entries = await list(join(periodDir, folder));
  if (entries.length === 0) return [`${folder}/`];
  const files: string[] = [];
  for (const entry of entries) {
    const path = `${folder}/${entry.name}`;
    if (entry.isDirectory()) files.push(...(await walk(periodDir, path)));
    else files.push(path);
  }
  return files;
}
