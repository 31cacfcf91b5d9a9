import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { z } from "zod";
import { errors, type CliError } from "../errors.js";
import type { Manifest } from "../model.js";
import { insidePeriod } from "./insidePeriod.js";
import { JOURNAL } from "./staging.js";
import { writeFileAtomic } from "./writeFileAtomic.js";

/**
 * The one reader and writer of `OUT/PERIOD/manifest.json`. Build, verify, status and send all read
 * the manifest here, so a damaged file gets the same answer everywhere: exit 2 with
 * `bad-manifest`, naming the file and what is wrong, never a stack trace.
 */
export const MANIFEST = "manifest.json";

const level = z.enum(["national", "region", "district", "team"]);
const language = z.enum(["es", "en"]);
const sha256 = z.string().regex(/^[0-9a-f]{64}$/, "is not a sha256 (64 hex digits)");
const count = z.number().int().nonnegative();
/** A path relative to the period folder that stays inside it (checked again when resolved). */
const relativeFile = z
  .string()
  .min(1)
  .refine((file) => insidePeriod("/period", file) !== null, "points outside the period folder");

/** What identifies an archived PDF: the unit, its file, and the bytes as hashed. */
const archivedPdf = {
  level,
  code: z.string().min(1),
  name: z.string(),
  language,
  file: relativeFile,
  sha256,
  bytes: count,
  pages: count,
};
const attachments = z.array(z.object({ file: relativeFile, sha256, bytes: count })).optional();

const report = z.object({
  ...archivedPdf,
  recipients: z.array(z.string()),
  recipientNames: z.record(z.string(), z.string()).optional(),
  headline: z
    .object({
      green: count,
      amber: count,
      red: count,
      referential: count,
      noData: count,
      text: z.string(),
    })
    .optional(),
  attachments,
  sms: z
    .array(
      z.object({
        to: z.string().regex(/^\+[1-9][0-9]{7,14}$/),
        name: z.string(),
        school: z.object({ code: z.string().min(1), name: z.string() }).optional(),
        text: z.string().max(320),
      }),
    )
    .optional(),
  key: sha256.optional(),
  source: sha256.optional(),
});

const failure = z.object({
  level,
  code: z.string().min(1),
  language,
  error: z.string(),
  previous: z.enum(["kept", "none"]).optional(),
});

const superseded = z.object({
  ...archivedPdf,
  generatedAt: z.string(),
  supersededAt: z.string(),
  attachments,
});

const manifestSchema = z.object({
  version: z.literal(1),
  period: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "is not a month YYYY-MM"),
  generatedAt: z.string(),
  tool: z.object({ name: z.string(), version: z.string() }),
  browser: z.string(),
  dataset: z
    .object({ name: z.string(), synthetic: z.boolean(), timeZone: z.string().optional() })
    .default({ name: "", synthetic: false }),
  inputs: z.array(z.object({ path: z.string(), sha256: z.string() })),
  rebuild: z
    .object({
      dataDir: z.string().min(1),
      sourceDate: z.string(),
      lang: language.optional(),
      thresholds: z.record(z.string(), z.number()).optional(),
      team: z.record(z.string(), z.number()).optional(),
      print: z.record(z.string(), z.unknown()),
    })
    .optional(),
  reports: z.array(report),
  email: z
    .object({ from: z.string(), fromName: z.string().optional(), replyTo: z.string().optional() })
    .optional(),
  failures: z.array(failure).default([]),
  superseded: z.array(superseded).default([]),
  public: z
    .object({
      generatedAt: z.string(),
      files: z.array(z.object({ path: relativeFile, sha256, bytes: count })),
    })
    .optional(),
});

/** Checks a parsed manifest (pure); the reason it cannot be used, or the manifest. */
export function parseManifest(data: unknown): { ok: true; manifest: Manifest } | { ok: false; why: string } {
  const result = manifestSchema.safeParse(data);
  if (result.success) return { ok: true, manifest: result.data };
  const first = result.error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.length ? issue.path.join(".") : "the file"}: ${issue.message}`)
    .join("; ");
  return { ok: false, why: first };
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
