import { join } from "node:path";
import { removeStagingSync } from "../../archive/staging.js";
import { assertPeriod } from "../../assertPeriod.js";
import type { BuildEffects } from "../../build/buildReportSet.js";
import { loadSettings, type Settings } from "../../config/settings.js";
import { ExitCode, errors } from "../../errors.js";
import { codeList } from "../codeList.js";
import { numberFlag } from "../numberFlag.js";
import type { ReportFailure } from "../../build/printAndArchive.js";
import type { Locale, Manifest, Problem, ReportLevel } from "../../model.js";
import { REPORT_LEVELS } from "../../model.js";
import type { Printer } from "../../pdf/launchPrinter.js";
import { defineCommand, type Io } from "../command.js";
import { invalidDatasetText } from "../invalidDataset.js";
import type { DatasetStepResult } from "../step.js";
import { createProgress, formatDuration } from "../progress.js";
import { warningsNote } from "../warningsNote.js";

// Heavy modules (Puppeteer, d3, Handlebars…) are imported when the command runs, not when
// `semaforo` starts: `--help`, `--version` and the other commands do not pay for them.

export interface BuildArgs {
  data?: string;
  period: string;
  out?: string;
  only?: string;
  level?: string;
  lang?: string;
  concurrency?: number;
  "restart-every"?: number;
  timeout?: number;
  full?: boolean;
}

/**
 * On Ctrl-C / SIGTERM / SIGHUP: kills the browser, removes the build's staged PDFs (a commit under
 * way keeps its journal for the next command to complete), then exits with 128 + the signal number.
 */
function killOnSignals(getPrinter: () => Printer | undefined, periodDir: string): () => void {
  const handlers = (["SIGINT", "SIGTERM", "SIGHUP"] as const).map((signal) => {
    const handler = () => {
      getPrinter()?.kill();
      removeStagingSync(periodDir);
      process.exit(128 + ({ SIGINT: 2, SIGTERM: 15, SIGHUP: 1 } as const)[signal]);
    };
    process.once(signal, handler);
    return () => process.off(signal, handler);
  });
  return () => handlers.forEach((off) => off());
}

/** `build --json`: the summary of a build, or the dataset's problems when it is invalid. */
export type BuildSummary =
  | { ok: false; invalidDataset: true; problems: Problem[] }
  | {
      ok: boolean;
      periodDir: string;
      /** Reports in the set after this build: printed + reused. */
      built: number;
      printed: number;
      reused: number;
      failed: ReportFailure[];
      removed: string[];
      superseded: string[];
      ms: number;
      stages: Record<string, number>;
      browser: Manifest["browser"];
      reports: number;
      /** How many dataset warnings. */
      warnings: number;
    };

/** `semaforo build`, with its effects injectable for tests. */
export async function runBuild(
  args: BuildArgs & { json: boolean; config?: string },
  io: Io,
  effects?: BuildEffects,
): Promise<number> {
  const result = await buildStep(args, io, effects);
  printBuild(result, args.json, io);
  return result.exitCode;
}

/** The build step (of `build` and `run`): prints only progress; returns the typed summary. */
export async function buildStep(
  args: BuildArgs & { json: boolean; config?: string; settings?: Settings },
  io: Io,
  effects?: BuildEffects,
): Promise<DatasetStepResult<BuildSummary>> {
  const options = await loadSettings({
    data: args.data,
    out: args.out,
    concurrency: args.concurrency,
    config: args.config,
    settings: args.settings,
  });
  if (!options.data) {
    throw errors.noData();
  }
  assertPeriod(args.period);
  const only = codeList(args.only, "only", "build");
  numberFlag(args.concurrency, "concurrency", "count", "build");
  numberFlag(args["restart-every"], "restart-every", "wholeNonNegative", "build");
  numberFlag(args.timeout, "timeout", "positive", "build");
  const { buildReportSet } = await import("../../build/buildReportSet.js");
  const fx = effects ?? (await import("../../build/defaultBuildEffects.js")).defaultBuildEffects();
  let printer: Printer | undefined;
  let progress = createProgress(io, 0, "");
  // The same folder buildReportSet writes to.
  const offSignals = killOnSignals(() => printer, join(options.out ?? "out", args.period));
  let outcome;
  try {
    outcome = await buildReportSet(
      {
        dataDir: options.data,
        period: args.period,
        outDir: options.out,
        only,
        level: args.level as ReportLevel | undefined,
        lang: args.lang as Locale | undefined,
        concurrency: options.concurrency,
        restartEvery: args["restart-every"],
        timeoutMs: args.timeout === undefined ? undefined : args.timeout * 1000,
        full: args.full,
        thresholds: options.thresholds,
      },
      {
        ...fx,
        onPrinter: (p) => {
          printer = p;
          fx.onPrinter?.(p);
        },
        onStart: (total) => {
          // "Reports", not "Printing": most of an incremental build is reused, not printed.
          progress = createProgress(io, total, "Reports", { json: args.json });
          fx.onStart?.(total);
        },
        onReport: (event) => {
          progress.tick(
            event.job.file,
            event.error !== undefined ? "failed" : event.reused ? "reused" : "printed",
          );
          fx.onReport?.(event);
        },
      },
    );
  } finally {
    progress.stop();
    offSignals();
  }

  if (outcome.kind === "invalid") {
    return {
      exitCode: ExitCode.invalidDataset,
      data: options.data,
      summary: { ok: false, invalidDataset: true, problems: outcome.problems },
    };
  }
  const failed = outcome.failures;
  const exitCode = failed.length > 0 ? ExitCode.renderFailed : ExitCode.ok;
  return {
    exitCode,
    data: options.data,
    summary: {
      ok: exitCode === ExitCode.ok,
      periodDir: outcome.periodDir,
      built: outcome.written.length + outcome.reused.length,
      printed: outcome.written.length,
      reused: outcome.reused.length,
      failed,
      removed: outcome.removed,
      superseded: outcome.superseded,
      ms: outcome.ms,
      stages: outcome.stages,
      browser: outcome.manifest.browser,
      reports: outcome.manifest.reports.length,
      warnings: outcome.warnings.length,
    },
  };
}

/** Prints a build step's summary: the JSON document, or the problems and one line of figures. */
export function printBuild(result: DatasetStepResult<BuildSummary>, json: boolean, io: Io): void {
  const { summary, data } = result;
  if (json) {
    io.out(JSON.stringify(summary, null, 2));
    return;
  }
  if ("invalidDataset" in summary) {
    io.err(invalidDatasetText(summary.problems, data, "nothing was built"));
    return;
  }
  const failed = summary.failed;
  for (const failure of failed)
    io.err(
      `semaforo: ${failure.error}${failure.previous === "kept" ? " (the archive keeps the earlier build of this report)" : ""}`,
    );
  if (summary.superseded.length > 0)
    io.err(
      `semaforo: ${summary.superseded.length} earlier PDF${summary.superseded.length === 1 ? "" : "s"} that someone may have received ${summary.superseded.length === 1 ? "is" : "are"} kept in ${summary.periodDir}/superseded/ (listed in the manifest).`,
    );
  if (summary.warnings > 0 && !io.quiet) io.err(warningsNote(summary.warnings, data));
  const { printed, reused, built: n } = summary;
  const failedText = failed.length
    ? ` (${failed.length} failed: ${failed
        .slice(0, 3)
        .map((f) => `${f.level} ${f.code}${f.language === "es" ? "" : ` ${f.language}`}`)
        .join(", ")}${failed.length > 3 ? ", …" : ""})`
    : "";
  io.out(
    `${n} report${n === 1 ? "" : "s"} in ${formatDuration(summary.ms)} → ${summary.periodDir}: ${printed} printed, ${reused} reused${failedText}`,
  );
}

export const buildCommand = defineCommand<BuildArgs>({
  command: "build",
  describe: "Print the period's PDF reports and write the archive (OUT/PERIOD + manifest.json)",
  examples: [
    ["$0 build --data fixtures/demo --period 2026-10", "The whole set into out/2026-10"],
    [
      "$0 build --data datos --period 2026-10 --only 150102,PE",
      "Rebuild two reports; the manifest keeps the rest",
    ],
    ["$0 build --data datos --period 2026-10 --full", "Print every report again, reusing none"],
    [
      "$0 build --data datos --period 2026-10 --level region --json",
      "Regions only, machine-readable summary",
    ],
  ],
  builder: (y) =>
    y
      .option("data", { type: "string", describe: "Dataset folder (holds dataset.json)" })
      .option("period", { type: "string", demandOption: true, describe: "School month, YYYY-MM" })
      .option("out", { type: "string", describe: "Output folder (default: out)" })
      .option("only", { type: "string", describe: "Only these unit codes, comma-separated (PE = national)" })
      .option("level", { type: "string", choices: [...REPORT_LEVELS], describe: "Only this level" })
      .option("lang", {
        type: "string",
        choices: ["es", "en"],
        describe:
          "Every report in this language only (default: es for all, plus en where a recipient reads English)",
      })
      .option("concurrency", {
        type: "number",
        describe: "Reports printed at once (default: number of cores)",
      })
      .option("restart-every", {
        type: "number",
        describe: "Restart Chromium after this many reports, to bound its memory (default 64; 0 = never)",
      })
      .option("timeout", { type: "number", describe: "Seconds allowed per report (default 60)" })
      .option("full", {
        type: "boolean",
        describe:
          "Print every report again (default: a report whose HTML, print settings and Chromium are unchanged reuses its archived PDF)",
      }),
  run: (args, io) => runBuild(args, io),
});
