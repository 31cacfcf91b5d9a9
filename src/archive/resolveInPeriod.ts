import { realpathSync } from "node:fs";
import { dirname, relative, isAbsolute, sep } from "node:path";
import { errors } from "../errors.js";
import { insidePeriod } from "../formats/insidePeriod.js";

/**
 * The absolute path of `file` inside the period folder, or the `outside-period` error (exit 2):
 * the build and verify stop rather than write or read anywhere else. Besides the name itself
 * (insidePeriod), the folders on the way must really be inside: a `district/` that is a symbolic
 * link to another folder is refused too. `source` says where the name came from.
 */
export function resolveInPeriod(periodDir: string, file: string, source: string): string {
  const path = insidePeriod(periodDir, file);
  if (path === null || !reallyInside(periodDir, dirname(path)))
    throw errors.outsidePeriod(periodDir, file, source);
  return path;
}

/** Whether the nearest existing ancestor of `dir` resolves (symbolic links followed) inside `root`. */
function reallyInside(root: string, dir: string): boolean {
  let realRoot: string;
  try {
    realRoot = realpathSync(root);
  } catch {
    return true; // no period folder yet: nothing on the way can be a link
  }
  for (let at = dir; ; at = dirname(at)) {
    try {
      const real = realpathSync(at);
      const rel = relative(realRoot, real);
      return rel === "" || (!rel.startsWith(`..${sep}`) && rel !== ".." && !isAbsolute(rel));
    } catch {
      if (dirname(at) === at) return true;
    }
  }
}
