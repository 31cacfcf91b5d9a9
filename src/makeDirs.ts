import { mkdirSync, statSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { dirname, resolve } from "node:path";

/**
 * `mkdir -p`, without Node's `recursive: true`: that one never returns (it spins, retrying) for a
 * path under /proc or behind a dangling symbolic link (an unmounted disk), where mkdir answers
 * ENOENT although the parent exists. Here each missing folder is made in turn, from the deepest
 * existing one down, and any error but EEXIST — ENOENT, ENOTDIR, EACCES, EROFS… — is thrown as is.
 */
export async function makeDirs(path: string): Promise<void> {
  for (const dir of missingDirs(path)) {
    try {
      await mkdir(dir);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
  }
}

/** makeDirs, synchronously. */
export function makeDirsSync(path: string): void {
  for (const dir of missingDirs(path)) {
    try {
      mkdirSync(dir);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
  }
}

/** The folders of `path` that do not exist yet, outermost first (a few stat calls). */
function missingDirs(path: string): string[] {
  const found: string[] = [];
  for (let dir = resolve(path); ; dir = dirname(dir)) {
    try {
      statSync(dir);
      break; // it exists (a file there makes the next mkdir fail with ENOTDIR)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
      found.push(dir);
      if (dirname(dir) === dir) break;
    }
  }
  return found.reverse();
}
