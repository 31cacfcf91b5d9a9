import { createHash } from "node:crypto";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { isAbsolute, join } from "node:path";
import { loadManifest } from "../archive/manifest.js";
import { errors } from "../errors.js";
import type { InputFile, Manifest, ManifestReport } from "../model.js";
import { buildReportSet, readToolInfo, type BuildEffects } from "./buildReportSet.js";

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

export interface RebuildResult {
  dataDir: string;
  inputs: InputCheck[];
  browser: { archived: string; now: string };
  tool: { archived: string; now: string };
  /** Archived reports compared. */
  compared: number;
  identical: number;
  differences: RebuildDifference[];
}

/**
 * `semaforo verify --rebuild`: builds the period again from the dataset folder the manifest records
 * (or `dataDir`), into a temporary folder that is removed afterwards, with the recorded language
 * and thresholds, and compares every archived report's sha256 with the rebuild's. The inputs are
 * checked against the manifest's hashes first, so a difference can be put down to its cause:
 * changed inputs, another Chromium, another tool version, or — same key, other bytes — Chromium
 * itself. The archive is only read.
 */
export async function rebuildArchive(
  periodDir: string,
  options: { dataDir?: string },
  effects: BuildEffects,
): Promise<RebuildResult> {
  const archived = await loadManifest(periodDir);
  const dataDir = options.dataDir ?? archived.rebuild?.dataDir;
  if (!dataDir) throw errors.noRebuildRecord(periodDir);
  const inputs = await checkInputs(dataDir, archived.inputs);

  const scratch = await mkdtemp(join(tmpdir(), "semaforo-rebuild-"));
  try {
    const outcome = await buildReportSet(
      {
        dataDir,
        period: archived.period,
        outDir: scratch,
        lang: archived.rebuild?.lang,
        thresholds: archived.rebuild?.thresholds,
        full: true,
      },
      effects,
    );
    if (outcome.kind === "invalid") {
      const first = outcome.problems.find((p) => p.severity === "error");
      throw errors.invalidRebuild(dataDir, first ? `${first.file ?? ""} ${first.message}`.trim() : "");
    }
    const rebuilt = outcome.manifest;
    for (const input of rebuilt.inputs)
      if (!archived.inputs.some((i) => i.path === input.path))
        inputs.push({ path: input.path, state: "added" });
    const tool = readToolInfo();
    return {
      dataDir,
      inputs,
      browser: { archived: archived.browser, now: rebuilt.browser },
      tool: { archived: archived.tool.version, now: tool.version },
      compared: archived.reports.length,
      identical: archived.reports.filter(
        (r) => rebuilt.reports.find((n) => n.file === r.file)?.sha256 === r.sha256,
      ).length,
      differences: compare(archived, rebuilt, inputs),
    };
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

/** The manifest's input hashes against the files in the dataset folder now. */
async function checkInputs(dataDir: string, inputs: InputFile[]): Promise<InputCheck[]> {
  const checks: InputCheck[] = [];
  for (const input of inputs) {
    let state: InputCheck["state"];
    try {
      const bytes = await readFile(isAbsolute(input.path) ? input.path : join(dataDir, input.path));
      state = createHash("sha256").update(bytes).digest("hex") === input.sha256 ? "same" : "changed";
    } catch {
      state = "missing";
    }
    checks.push({ path: input.path, state });
  }
  return checks;
}

/** Each archived report the rebuild did not reproduce, with the likeliest causes first. */
function compare(archived: Manifest, rebuilt: Manifest, inputs: InputCheck[]): RebuildDifference[] {
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
    return "its HTML differs with the same inputs, tool version and Chromium (the templates, locale files or fonts changed)";
  }
}
