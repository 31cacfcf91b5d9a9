import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { InternalError } from "./errors.js";

/** The package folder (the one holding package.json) this code runs from: src/ or dist/src/. */
export function findProjectRoot(from: string = import.meta.url): string {
  let dir = dirname(fileURLToPath(from));
  for (;;) {
    if (existsSync(join(dir, "package.json"))) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new InternalError(`no package.json above ${fileURLToPath(from)}`);
    dir = parent;
  }
}
