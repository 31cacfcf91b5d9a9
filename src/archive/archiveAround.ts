import { existsSync, realpathSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { MANIFEST } from "./manifest.js";

/**
 * The archived period folder (one holding `manifest.json`) that `path` would lie in, or null: the
 * file itself named `manifest.json` beside others of a period, or any folder on its way up holding
 * one. Symbolic links on the way are followed. Commands that write a file the user names (`views
 * --out`) refuse such a path, so nothing archived is overwritten.
 */
export function archiveAround(path: string): string | null {
  let at = resolve(path);
  // Follow links: the nearest existing ancestor, as the system resolves it.
  let rest = "";
  while (!existsSync(at) && dirname(at) !== at) {
    rest = rest ? join(basename(at), rest) : basename(at);
    at = dirname(at);
  }
  try {
    at = join(realpathSync(at), rest);
  } catch {
    // Unreadable: the path as given.
  }
  for (let dir = dirname(at); ; dir = dirname(dir)) {
    if (existsSync(join(dir, MANIFEST))) return dir;
    if (dirname(dir) === dir) return null;
  }
}
