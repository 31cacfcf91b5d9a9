import { existsSync } from "node:fs";
import { join } from "node:path";
import { BUILD_LOCK } from "../archive/staging.js";
import { acquireSendLock, type SendLock } from "../deliver/acquireSendLock.js";
import { CliError, errors } from "../errors.js";

/**
 * Takes the period's build lock (`OUT/PERIOD/.build.lock`, the one `build` holds), so publishing
 * and building never rewrite the manifest at the same time. null when the period was never built
 * (no folder: no manifest to record the public files in).
 */
export function lockPeriod(periodDir: string): SendLock | null {
  if (!existsSync(periodDir)) return null;
  try {
    return acquireSendLock(join(periodDir, BUILD_LOCK));
  } catch (error) {
    if (error instanceof CliError && error.code === "send-locked")
      throw errors.buildRunning(periodDir, error.message.replace(/^.*is held by /, "").replace(/\.$/, ""));
    throw error;
  }
}
