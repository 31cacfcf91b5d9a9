import { mkdir, readdir, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { CliError, ExitCode } from "../errors.js";
import { scaffoldFiles } from "./scaffoldFiles.js";

/** Writes a new dataset folder into `dir` (created when missing); refuses a non-empty one. Returns the files written. */
export async function writeScaffold(dir: string): Promise<string[]> {
  const existing = await stat(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return undefined;
    throw error;
  });
  if (existing && !existing.isDirectory()) {
    throw new CliError(
      "init-not-a-folder",
      `${dir} exists and is not a folder.`,
      ExitCode.usage,
      "Name a new folder.",
    );
  }
  if (existing) {
    const entries = await readdir(dir);
    if (entries.length > 0) {
      throw new CliError(
        "init-not-empty",
        `${dir} is not empty (${entries.length} ${entries.length === 1 ? "entry" : "entries"}, e.g. ${entries.sort()[0]}): semaforo init never overwrites files.`,
        ExitCode.usage,
        "Name a new or empty folder, e.g. semaforo init my-dataset",
      );
    }
  }
  const files = scaffoldFiles();
  for (const file of files) {
    const target = path.join(dir, file.path);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, file.content, { flag: "wx" });
  }
  return files.map((f) => f.path);
}
