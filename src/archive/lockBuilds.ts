import { join } from "node:path";
import { acquireSendLock, type SendLock } from "../deliver/acquireSendLock.js";
import { errors } from "../errors.js";
import { archiveWriteError } from "./archiveWriteError.js";
import { BUILD_LOCK } from "./staging.js";

/**
 * The period's build lock (`OUT/PERIOD/.build.lock`, the same O_EXCL lock as send's): one build or
 * publish of a period at a time, so the manifest is never rewritten by two. Held by another live
 * process: `build-running`, exit 2. A lock left by a dead process is taken over. A file-system
 * error (a full disk) goes through `writeError` (the build's words by default; publish has its own).
 */
export function lockBuilds(
  periodDir: string,
  writeError: (path: string, error: unknown) => unknown = archiveWriteError,
): SendLock {
  const file = join(periodDir, BUILD_LOCK);
  try {
    return acquireSendLock(file, { command: "build", held: (who) => errors.buildRunning(periodDir, who) });
  } catch (error) {
    throw writeError(file, error);
  }
}
