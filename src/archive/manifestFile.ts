import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Manifest } from "../model.js";
import { writeFileAtomic } from "./writeFileAtomic.js";

export const MANIFEST = "manifest.json";

/** The period folder's manifest, or null when there is none (never built, or not completely). */
export async function readManifest(periodDir: string): Promise<Manifest | null> {
  let text: string;
  try {
    text = await readFile(join(periodDir, MANIFEST), "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
  const manifest = JSON.parse(text) as Manifest;
  if (manifest.version !== 1 || !Array.isArray(manifest.reports)) {
    throw new Error(`${join(periodDir, MANIFEST)}: not a version 1 Semáforo manifest`);
  }
  return manifest;
}

export async function writeManifest(periodDir: string, manifest: Manifest): Promise<void> {
  await writeFileAtomic(join(periodDir, MANIFEST), JSON.stringify(manifest, null, 2) + "\n");
}
