import type { ReportLevel, Locale, Manifest, ManifestReport } from "../model.js";
import { REPORT_LEVELS } from "../model.js";
import { manifestSchema } from "../formats/manifest.js";
import { keepUnknown } from "../formats/open.js";

const key = (r: { level: ReportLevel; code: string; language: Locale }) =>
  `${r.level}/${r.code}/${r.language}`;

/** Manifest order: national, regions, districts; by code; Spanish before English. */
export function sortReports<T extends { level: ReportLevel; code: string; language: Locale }>(
  reports: T[],
): T[] {
  return [...reports].sort(
    (a, b) =>
      REPORT_LEVELS.indexOf(a.level) - REPORT_LEVELS.indexOf(b.level) ||
      a.code.localeCompare(b.code) ||
      (a.language === b.language ? 0 : a.language === "es" ? -1 : 1),
  );
}

/**
 * The manifest after a build (pure). A full build replaces every entry; a partial one (`--only`,
 * `--level`) replaces the entries of the reports it covered — `covers` says which — and keeps every
 * other entry and failure of the previous manifest of the same period. Either way a report that
 * failed keeps its previous entry (its archived PDF stays), and its failure says so with
 * `previous: "kept"` (or `"none"` when there was no earlier build of it).
 */
export function mergeManifest(
  previous: Manifest | null,
  next: Manifest,
  covers: ((report: { level: ReportLevel; code: string; language: Locale }) => boolean) | null,
): Manifest {
  const before = previous && previous.period === next.period ? previous : null;
  const earlier = new Map((before?.reports ?? []).map((r) => [key(r), r]));
  const failures = next.failures.map((f) => ({
    ...f,
    previous: earlier.has(key(f)) ? ("kept" as const) : ("none" as const),
  }));
  const keptFailed = failures.flatMap((f) => {
    const entry = earlier.get(key(f));
    return entry ? [entry] : [];
  });
  // Fields of the manifest this version does not know (a newer version's, or added by hand) stay.
  const keep = (merged: Manifest) => (before ? keepUnknown(before, merged, manifestSchema) : merged);
  if (!covers || !before) {
    return keep({
      ...next,
      reports: sortReports([...next.reports, ...keptFailed]),
      failures: sortReports(failures),
    });
  }
  const rebuilt = new Set([...next.reports, ...next.failures].map(key));
  const stays = (r: { level: ReportLevel; code: string; language: Locale }) =>
    !covers(r) && !rebuilt.has(key(r));
  const reports: ManifestReport[] = [...before.reports.filter(stays), ...next.reports, ...keptFailed];
  return keep({
    ...next,
    reports: sortReports(reports),
    failures: sortReports([...before.failures.filter(stays), ...failures]),
  });
}
