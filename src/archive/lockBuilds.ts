import { join } from "node:path";
import { acquireSendLock, type SendLock } from "./acquireSendLock.js";
import { errors } from "../errors.js";
import { archiveWriteError } from "./archiveWriteError.js";
import { BUILD_LOCK } from "./staging.js";

/**
 * The period's build lock (`OUT/PERIOD/.build.lock`, the same O_EXCL lock as send's): one build or
 * publish of a period at a time, so the manifest is never rewritten by two. Held by another live
 * process: `build-running`, exit 2. A lock left by a dead process is taken over.
 */
export function lockBuilds(periodDir: string): SendLock {
  const file = join(periodDir, BUILD_LOCK);
  try {
    return acquireSendLock(file, { command: "build", held: (who) => errors.buildRunning(periodDir, who) });
  } catch (error) {
    throw archiveWriteError(file, error);
  }
}
