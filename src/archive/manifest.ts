import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { errors, type CliError } from "../errors.js";
import type { Manifest } from "../model.js";
import { describeIssues } from "../formats/describeIssues.js";
import { manifestSchema } from "../formats/manifest.js";
import { JOURNAL } from "./staging.js";
import { writeFileAtomic } from "./writeFileAtomic.js";

/**
 * The one reader and writer of `OUT/PERIOD/manifest.json`. Build, verify, status and send all read
 * the manifest here, so a damaged file gets the same answer everywhere: exit 2 with
 * `bad-manifest`, naming the file and what is wrong, never a stack trace.
 */
export const MANIFEST = "manifest.json";

/** Checks a parsed manifest (pure); the reason it cannot be used, or the manifest. */
export function parseManifest(data: unknown): { ok: true; manifest: Manifest } | { ok: false; why: string } {
  const result = manifestSchema.safeParse(data);
  if (result.success) return { ok: true, manifest: result.data };
  return { ok: false, why: describeIssues(result.error) };
}

/** The period folder's manifest, or null when there is none (never built, or not completely). */
export async function readManifest(periodDir: string): Promise<Manifest | null> {
  // A build killed while putting its PDFs in place: the files and this manifest may disagree until
  // `build` or `verify` completes it (completeCommit), so nothing is read from it meanwhile.
  if (existsSync(join(periodDir, JOURNAL)))
    throw errors.unfinishedCommit(periodDir, "this command only reads the archive");
  const file = join(periodDir, MANIFEST);
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") return null;
    throw badManifest(file, `it cannot be read (${code ?? (error as Error).message})`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    throw badManifest(file, `it is not valid JSON (${(error as Error).message})`);
  }
  const parsed = parseManifest(data);
  if (!parsed.ok) throw badManifest(file, parsed.why);
  return parsed.manifest;
}

/** The manifest, which must exist: `no-manifest` (exit 2) otherwise. */
export async function loadManifest(periodDir: string): Promise<Manifest> {
  const manifest = await readManifest(periodDir);
  if (!manifest) throw errors.noManifest(periodDir, existsSync(periodDir));
  return manifest;
}

export async function writeManifest(periodDir: string, manifest: Manifest): Promise<void> {
  await writeFileAtomic(join(periodDir, MANIFEST), JSON.stringify(manifest, null, 2) + "\n");
}

function badManifest(file: string, why: string): CliError {
  return errors.badManifest(file, why);
}
