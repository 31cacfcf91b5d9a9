import { readFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { CliError, errors, ExitCode } from "../errors.js";
import type { Manifest } from "../model.js";
import { computeStatus, type StatusReport } from "./computeStatus.js";
import { parseLedger } from "./parseLedger.js";

/** The parts of manifest.json that status relies on (checked, so a damaged file gives a clear error). */
const manifestShape = z.object({
  period: z.string(),
  generatedAt: z.string(),
  reports: z.array(
    z.object({
      level: z.enum(["national", "region", "district"]),
      code: z.string(),
      name: z.string(),
      language: z.enum(["es", "en"]).catch("es"),
      file: z.string(),
      sha256: z.string(),
      bytes: z.number(),
      pages: z.number(),
      recipients: z.array(z.string()),
    }),
  ),
  failures: z
    .array(
      z.object({
        level: z.enum(["national", "region", "district"]),
        code: z.string(),
        language: z.enum(["es", "en"]).catch("es"),
        error: z.string(),
      }),
    )
    .optional()
    .default([]),
});

/** Reads OUT/PERIOD/manifest.json and deliveries.jsonl and computes the status of the set. */
export async function readStatus(dir: string): Promise<StatusReport & { dir: string; warnings: string[] }> {
  const manifestFile = path.join(dir, "manifest.json");
  let text: string;
  try {
    text = await readFile(manifestFile, "utf8");
  } catch (error) {
    if (
      (error as NodeJS.ErrnoException).code === "ENOENT" ||
      (error as NodeJS.ErrnoException).code === "ENOTDIR"
    ) {
      throw errors.noManifest(dir);
    }
    throw error;
  }
  const manifest = parseManifest(text, manifestFile);

  let ledger = "";
  try {
    ledger = await readFile(path.join(dir, "deliveries.jsonl"), "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  const { events, warnings } = parseLedger(ledger, path.join(dir, "deliveries.jsonl"));
  return { dir, ...computeStatus(manifest, events), warnings };
}

function parseManifest(text: string, file: string): Manifest {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    throw badManifest(file, error instanceof Error ? error.message : String(error));
  }
  const result = manifestShape.safeParse(data);
  if (!result.success) {
    const first = result.error.issues
      .slice(0, 3)
      .map((i) => `${i.path.join(".")}: ${i.message}`)
      .join("; ");
    throw badManifest(file, first);
  }
  return result.data as unknown as Manifest;
}

function badManifest(file: string, detail: string): CliError {
  return new CliError(
    "bad-manifest",
    `${file} is damaged: ${detail}.`,
    ExitCode.usage,
    "Rebuild the period with `semaforo build`, or check the archive with `semaforo verify`.",
  );
}
