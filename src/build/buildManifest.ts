import { mergeManifest } from "../archive/mergeManifest.js";
import type { Manifest, ManifestReport } from "../model.js";
import type { ArchiveOptions, ReportFailure } from "./printAndArchive.js";

/** What one run made: the reports it printed and reused, and those that failed. */
export interface RunReports {
  written: ManifestReport[];
  reused: ManifestReport[];
  failures: ReportFailure[];
}

/**
 * The manifest this run leaves (pure): its own reports, failures and records, merged with the
 * previous manifest (mergeManifest) — a partial build (`covers`) keeps the reports it did not
 * rebuild, and a failed report keeps its previous entry. The published site does not change with
 * the PDFs (its links name the same files), so the previous `public` record stays.
 */
export function buildManifest(
  options: ArchiveOptions,
  browser: string,
  previous: Manifest | null,
  run: RunReports,
): Manifest {
  return mergeManifest(
    previous,
    {
      version: 1,
      period: options.period,
      generatedAt: options.generatedAt.toISOString(),
      tool: options.tool,
      browser,
      dataset: options.dataset,
      inputs: options.inputs,
      rebuild: options.rebuild,
      email: options.email,
      reports: [...run.written, ...run.reused],
      failures: run.failures,
      superseded: previous?.superseded ?? [],
      ...(previous?.public ? { public: previous.public } : {}),
    },
    options.covers,
  );
}
