import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { makeDirsSync } from "../makeDirs.js";
import { errors } from "../errors.js";

/** Whether `dir` is missing, empty, or a demo folder written before (dataset.json says synthetic). */
function isReplaceable(dir: string): boolean {
  if (!existsSync(dir) || readdirSync(dir).length === 0) return true;
  try {
    const config = JSON.parse(readFileSync(join(dir, "dataset.json"), "utf8")) as { synthetic?: unknown };
    return config.synthetic === true;
  } catch {
    return false;
  }
}

/**
 * Replaces the folder `out` with exactly `files` (relative path → content). Refuses a folder that
 * holds anything but a synthetic dataset, so a wrong `--out` never deletes real files.
 */
export function writeDemo(out: string, files: Map<string, string>): void {
  if (!isReplaceable(out)) throw errors.demoFolderTaken(out);
  rmSync(out, { recursive: true, force: true });
  for (const [rel, content] of files) {
    const file = join(out, rel);
    makeDirsSync(dirname(file));
    writeFileSync(file, content);
  }
}
