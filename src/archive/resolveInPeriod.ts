import { lstatSync, realpathSync } from "node:fs";
import { dirname, relative, isAbsolute, sep } from "node:path";
import { errors } from "../errors.js";
import { insidePeriod } from "../formats/insidePeriod.js";

/**
 * THE path rule of the period folder, for every command that reads or writes there (build, verify,
 * send). The absolute path of `file` inside the period folder, or the `outside-period` error (exit
 * 2): the command stops rather than write or read anywhere else. Besides the name itself
 * (insidePeriod), the folders on the way must really be inside: a `district/` that is a symbolic
 * link to another folder is refused too. `source` says where the name came from.
 */
export function resolveInPeriod(periodDir: string, file: string, source: string): string {
  const path = insidePeriod(periodDir, file);
  if (path === null || !reallyInside(periodDir, dirname(path)))
    throw errors.outsidePeriod(periodDir, file, source);
  return path;
}

/**
 * resolveInPeriod for a file or folder the command opens itself (send's ledger, lock and outbox, the
 * PDFs it attaches): the same rule, and the last part too must not be a symbolic link leading out
 * of the period folder (a dangling link is refused: writing through it would create its target).
 */
export function resolveFileInPeriod(periodDir: string, file: string, source: string): string {
  const path = fileInPeriod(periodDir, file);
  if (path === null) throw errors.outsidePeriod(periodDir, file, source);
  return path;
}

/** resolveFileInPeriod's rule without the error: the path, or null when it leads out. */
export function fileInPeriod(periodDir: string, file: string): string | null {
  const path = insidePeriod(periodDir, file);
  if (path === null || !reallyInside(periodDir, dirname(path)) || !linkInside(periodDir, path)) return null;
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
      return within(realRoot, realpathSync(at));
    } catch {
      if (dirname(at) === at) return true;
    }
  }
}

/** Whether `path`, when it is a symbolic link, leads to an existing place inside `root`. */
function linkInside(root: string, path: string): boolean {
  try {
    if (!lstatSync(path).isSymbolicLink()) return true;
  } catch {
    return true; // nothing there yet
  }
  try {
    return within(realpathSync(root), realpathSync(path));
  } catch {
    return false; // a dangling link
  }
}

function within(realRoot: string, real: string): boolean {
  const rel = relative(realRoot, real);
  return rel === "" || (!rel.startsWith(`..${sep}`) && rel !== ".." && !isAbsolute(rel));
}
