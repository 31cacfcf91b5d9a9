import type { Manifest, ManifestReport } from "../model.js";

/** One archived input, checked against the dataset folder before the rebuild. */
export interface InputCheck {
  path: string;
  state: "same" | "changed" | "missing" | "added";
}

/** An archived PDF whose rebuild has other bytes, and why. */
export interface RebuildDifference {
  file: string;
  why: string;
}

/**
 * Each archived report the rebuild did not reproduce, and why (pure): what differs between the two
 * builds — inputs, Chromium, the tool's version — or, when nothing does, whether the report's key
 * (its HTML and print settings) changed or Chromium printed the same key to other bytes.
 */
export function explainDifferences(
  archived: Manifest,
  rebuilt: Manifest,
  inputs: InputCheck[],
): RebuildDifference[] {
  const byFile = new Map(rebuilt.reports.map((r) => [r.file, r]));
  const changedInputs = inputs.filter((i) => i.state !== "same").map((i) => `${i.path} ${i.state}`);
  const differences: RebuildDifference[] = [];
  for (const report of archived.reports) {
    const again = byFile.get(report.file);
    if (again?.sha256 === report.sha256) continue;
    differences.push({ file: report.file, why: why(report, again) });
  }
  return differences;

  function why(report: ManifestReport, again: ManifestReport | undefined): string {
    const failed = rebuilt.failures.find(
      (f) => `${f.level}/${f.code}/${f.language}` === `${report.level}/${report.code}/${report.language}`,
    );
    if (!again)
      return failed
        ? `could not be rebuilt: ${failed.error}`
        : "the rebuild has no such report (the dataset no longer plans it)";
    const causes: string[] = [];
    if (changedInputs.length > 0) causes.push(`inputs changed (${changedInputs.join(", ")})`);
    if (archived.browser !== rebuilt.browser)
      causes.push(`Chromium differs (archived with ${archived.browser}, rebuilt with ${rebuilt.browser})`);
    if (archived.tool.version !== rebuilt.tool.version)
      causes.push(
        `tool version differs (archived with ${archived.tool.version}, rebuilt with ${rebuilt.tool.version})`,
      );
    if (causes.length > 0) return causes.join("; ");
    if (!report.key) return "its archived build recorded no key (a build before reproducible PDFs)";
    if (report.key === again.key)
      return "same HTML, print settings, Chromium and metadata, yet other bytes: Chromium's output varied";
    return "its HTML differs with the same inputs, tool version and Chromium (the code, templates, locale files or fonts changed)";
  }
}
