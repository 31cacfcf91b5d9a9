import { existsSync } from "node:fs";
import type { SendLock } from "../deliver/acquireSendLock.js";
import { lockBuilds } from "../archive/lockBuilds.js";
import { publishWriteError } from "./publishWriteError.js";

/**
 * The period's build lock for publishing (lockBuilds), so publishing and building never rewrite
 * the manifest at the same time; null when the period was never built (no folder: no manifest to
 * record the public files in).
 */
export function lockPeriod(periodDir: string): SendLock | null {
  return existsSync(periodDir) ? lockBuilds(periodDir, publishWriteError) : null;
}
