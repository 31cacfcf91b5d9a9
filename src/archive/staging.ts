import { existsSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";

/**
 * The build's hidden work folder inside the period folder. PDFs are printed into `.staging/<file>`
 * (same file system, so putting them in place is a rename), and `.staging/journal.json` holds the
 * commit while it runs. Nothing in `national/`, `region/`, `district/` or `superseded/` is ever a
 * temporary file.
 */
export const STAGING = ".staging";
export const JOURNAL = `${STAGING}/journal.json`;
/** One build per period at a time (the same O_EXCL lock file as send's `.send.lock`). */
export const BUILD_LOCK = ".build.lock";

/**
 * On SIGINT/SIGTERM: removes the staging folder at once (synchronously, before the process exits),
 * unless a commit is under way — then its journal and staged PDFs stay so the next command
 * completes it — and this process's build lock. Never throws.
 */
export function removeStagingSync(periodDir: string): void {
  try {
    if (!existsSync(join(periodDir, JOURNAL)))
      rmSync(join(periodDir, STAGING), { recursive: true, force: true });
    const lock = join(periodDir, BUILD_LOCK);
    if ((JSON.parse(readFileSync(lock, "utf8")) as { pid?: unknown }).pid === process.pid) rmSync(lock);
  } catch {
    // Best effort while exiting: the next build removes what is left (a dead process's lock is taken over).
  }
}
