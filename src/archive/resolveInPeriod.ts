import { errors } from "../errors.js";
import { insidePeriod } from "./insidePeriod.js";

/**
 * The absolute path of `file` inside the period folder, or the `outside-period` error (exit 2):
 * the build and verify stop rather than write or read anywhere else. `source` says where the name
 * came from ("the manifest", "the build plan", …).
 */
export function resolveInPeriod(periodDir: string, file: string, source: string): string {
  const path = insidePeriod(periodDir, file);
  if (path === null) throw errors.outsidePeriod(periodDir, file, source);
  return path;
}
