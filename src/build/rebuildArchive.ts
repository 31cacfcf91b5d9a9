import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { isAbsolute, join } from "node:path";
import { loadManifest } from "../archive/manifest.js";
import { errors } from "../errors.js";
import type { InputFile } from "../model.js";
import { buildReportSet, readToolInfo, type BuildEffects } from "./buildReportSet.js";
import { explainDifferences, type InputCheck, type RebuildDifference } from "./explainDifferences.js";
import { checkAgainstEntry } from "../formats/sha256Hex.js";

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
  options: {
    dataDir?: string;
    /** Told the temporary folder as soon as it exists, so a signal handler can remove it. */
    onScratch?: (dir: string) => void;
  },
  effects: BuildEffects,
): Promise<RebuildResult> {
  const archived = await loadManifest(periodDir);
  const dataDir = options.dataDir ?? archived.rebuild?.dataDir;
  if (!dataDir) throw errors.noRebuildRecord(periodDir);
  const inputs = await checkInputs(dataDir, archived.inputs);

  const scratch = await mkdtemp(join(tmpdir(), "semaforo-rebuild-"));
  options.onScratch?.(scratch);
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
      differences: explainDifferences(archived, rebuilt, inputs),
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
      state = checkAgainstEntry(bytes, input).matches ? "same" : "changed";
    } catch {
      state = "missing";
    }
    checks.push({ path: input.path, state });
  }
  return checks;
}
