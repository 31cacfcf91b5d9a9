import type { Level, Locale, Manifest, ManifestReport } from "../model.js";
import { LEVELS } from "../model.js";

const key = (r: { level: Level; code: string; language: Locale }) => `${r.level}/${r.code}/${r.language}`;

/** Manifest order: national, regions, districts; by code; Spanish before English. */
export function sortReports<T extends { level: Level; code: string; language: Locale }>(reports: T[]): T[] {
  return [...reports].sort(
    (a, b) =>
      LEVELS.indexOf(a.level) - LEVELS.indexOf(b.level) ||
      a.code.localeCompare(b.code) ||
      (a.language === b.language ? 0 : a.language === "es" ? -1 : 1),
  );
}

/**
 * The manifest after a build (pure). A full build replaces everything. A partial one (`--only`,
 * `--level`) replaces the entries of the reports it covered — `covers` says which — and keeps every
 * other entry and failure of the previous manifest of the same period.
 */
export function mergeManifest(
  previous: Manifest | null,
  next: Manifest,
  covers: ((report: { level: Level; code: string; language: Locale }) => boolean) | null,
): Manifest {
  if (!covers || !previous || previous.period !== next.period) {
    return { ...next, reports: sortReports(next.reports), failures: sortReports(next.failures) };
  }
  const rebuilt = new Set([...next.reports, ...next.failures].map(key));
  const keep = (r: { level: Level; code: string; language: Locale }) => !covers(r) && !rebuilt.has(key(r));
  const reports: ManifestReport[] = [...previous.reports.filter(keep), ...next.reports];
  const failures = [...previous.failures.filter(keep), ...next.failures];
  return { ...next, reports: sortReports(reports), failures: sortReports(failures) };
}
