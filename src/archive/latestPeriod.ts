import { readdir } from "node:fs/promises";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { MANIFEST } from "./manifest.js";

/** The latest `YYYY-MM` folder of the output folder that holds a manifest, or null when there is none. */
export async function latestPeriod(out: string): Promise<string | null> {
  let names: string[];
  try {
    names = await readdir(out);
  } catch {
    return null;
  }
  const periods = names
    .filter((name) => /^\d{4}-(0[1-9]|1[0-2])$/.test(name) && existsSync(join(out, name, MANIFEST)))
    .sort();
  return periods.at(-1) ?? null;
}
