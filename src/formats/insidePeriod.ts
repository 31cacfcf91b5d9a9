import { isAbsolute, relative, resolve, sep } from "node:path";

/**
 * The absolute path of `file` (relative to the period folder) when it lies inside that folder, or
 * null when it does not: absolute paths, `..` segments that climb out, backslashes and NUL bytes
 * are refused. Every path the tool writes, or reads from a manifest or ledger, goes through here.
 */
export function insidePeriod(periodDir: string, file: string): string | null {
  if (file === "" || file.includes("\0") || file.includes("\\") || isAbsolute(file)) return null;
  const root = resolve(periodDir);
  const path = resolve(root, file);
  const rel = relative(root, path);
  if (rel === "" || rel === ".." || rel.startsWith(`..${sep}`) || isAbsolute(rel)) return null;
  return path;
}
