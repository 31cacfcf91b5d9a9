import { readdir, readFile, stat, writeFile } from "node:fs/promises";
import { makeDirs } from "../makeDirs.js";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { findProjectRoot } from "../findProjectRoot.js";
import { errors } from "../errors.js";
import { scaffoldFiles } from "./scaffoldFiles.js";

/**
 * Writes a new dataset folder into `dir` (created when missing); refuses a non-empty one. Returns
 * the files written. `units: "peru"` fills units.csv with the UGEL list shipped in `geo/ugel.csv`.
 */
export async function writeScaffold(dir: string, units: "peru" | "none" = "none"): Promise<string[]> {
  const existing = await stat(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return undefined;
    throw error;
  });
  if (existing && !existing.isDirectory()) {
    throw errors.initNotAFolder(dir);
  }
  if (existing) {
    const entries = await readdir(dir);
    if (entries.length > 0) {
      throw errors.initNotEmpty(dir, entries.sort());
    }
  }
  const files = scaffoldFiles(units === "peru" ? await readUgelList() : []);
  for (const file of files) {
    const target = path.join(dir, file.path);
    await makeDirs(path.dirname(target));
    await writeFile(target, file.content, { flag: "wx" });
  }
  return files.map((f) => f.path);
}

/** Peru's UGEL and their DRE from the shipped list (geo/ugel.csv, see geo/SOURCES.md), as units.csv rows. */
async function readUgelList(): Promise<string[][]> {
  const text = await readFile(path.join(findProjectRoot(), "geo", "ugel.csv"), "utf8");
  const rows = parse<Record<string, string>>(text, { columns: true, skip_empty_lines: true });
  // The list also holds DRE Callao's directly managed area (code = its DRE's), which is no UGEL.
  return rows
    .filter((row) => row.codooii !== row.cod_dre)
    .map((row) => [row.codooii ?? "", row.nombre ?? "", row.cod_dre ?? "", row.nombre_dre ?? ""]);
}
