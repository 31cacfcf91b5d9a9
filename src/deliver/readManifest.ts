import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { CliError, ExitCode, errors } from "../errors.js";
import type { Manifest } from "../model.js";

/** Reads `OUT/PERIOD/manifest.json` with the checks `send` relies on. */
export function readManifest(periodDir: string): Manifest {
  const file = join(periodDir, "manifest.json");
  if (!existsSync(file)) throw errors.noManifest(periodDir);
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw badManifest(file, error instanceof Error ? error.message : String(error));
  }
  const manifest = parsed as Partial<Manifest>;
  if (typeof manifest !== "object" || manifest === null || !Array.isArray(manifest.reports)) {
    throw badManifest(file, "it has no `reports` list");
  }
  if (typeof manifest.period !== "string") throw badManifest(file, "it has no `period`");
  manifest.reports.forEach((report, index) => {
    const where = `reports[${index}]`;
    if (typeof report !== "object" || report === null) throw badManifest(file, `${where} is not an object`);
    for (const key of ["level", "code", "name", "language", "file", "sha256"] as const) {
      if (typeof report[key] !== "string") throw badManifest(file, `${where}.${key} is missing`);
    }
    if (!Array.isArray(report.recipients) || report.recipients.some((r) => typeof r !== "string")) {
      throw badManifest(file, `${where}.recipients is not a list of addresses`);
    }
    if (report.file.split(/[\\/]/).includes("..") || report.file.startsWith("/")) {
      throw badManifest(
        file,
        `${where}.file ${JSON.stringify(report.file)} points outside the period folder`,
      );
    }
  });
  return {
    ...manifest,
    dataset: manifest.dataset ?? { name: "", synthetic: false },
    failures: manifest.failures ?? [],
  } as Manifest;
}

function badManifest(file: string, why: string): CliError {
  return new CliError(
    "bad-manifest",
    `${file}: cannot be used to send (${why}).`,
    ExitCode.usage,
    "Rebuild the report set: semaforo build --data DIR --period YYYY-MM",
  );
}
