import { assertPeriod } from "../../assertPeriod.js";
import { loadSettings, type Settings } from "../../config/settings.js";
import { errors } from "../../errors.js";
import type { PublishEffects, PublishSummary } from "../../publish/publishPeriod.js";
import { defineCommand, type Io } from "../command.js";
import { invalidDatasetText } from "../invalidDataset.js";
import type { DatasetStepResult } from "../step.js";
import { formatDuration } from "../progress.js";

// Heavy modules (d3, Handlebars, Puppeteer, nodemailer…) are imported when the command runs, not
// when `semaforo` starts: `--help`, `--version` and the other commands do not pay for them.

export interface PublishArgs {
  data?: string;
  period: string;
  out?: string;
}

/** `semaforo publish`, with its effects injectable for tests. */
export async function runPublish(
  args: PublishArgs & { json: boolean; config?: string },
  io: Io,
  effects?: PublishEffects,
): Promise<number> {
  const result = await publishStep(args, effects);
  printPublish(result, args.json, io);
  return result.exitCode;
}

/** The publish step (of `publish` and `run --publish`): prints nothing; returns the typed summary. */
export async function publishStep(
  args: PublishArgs & { config?: string; settings?: Settings },
  effects?: PublishEffects,
): Promise<DatasetStepResult<PublishSummary>> {
  assertPeriod(args.period);
  const options = await loadSettings(args);
  if (!options.data) throw errors.noData();
  const { publishPeriod } = await import("../../publish/publishPeriod.js");
  const { exitCode, summary } = await publishPeriod(
    { dataDir: options.data, period: args.period, outDir: options.out, thresholds: options.thresholds },
    effects,
  );
  return { exitCode, summary, data: options.data };
}

/** Prints a publish step's summary: the JSON document, or the problems and one line of figures. */
export function printPublish(result: DatasetStepResult<PublishSummary>, json: boolean, io: Io): void {
  const { summary, data } = result;
  if (json) {
    io.out(JSON.stringify(summary, null, 2));
    return;
  }
  if (summary.problems) {
    io.err(invalidDatasetText(summary.problems, data, "nothing was published"));
    return;
  }
  for (const warning of summary.warnings) io.err(`semaforo: ${warning}`);
  const mb = (summary.bytes / 1024 / 1024).toFixed(1);
  io.out(
    `${summary.pages} pages (${summary.languages.join(", ")}) and open data for ${summary.periods.length} month${summary.periods.length === 1 ? "" : "s"}, ${mb} MB in ${formatDuration(summary.ms)} → ${summary.publicDir}`,
  );
}

export const publishCommand = defineCommand<PublishArgs>({
  command: "publish",
  describe:
    "Publish the period as open data (Frictionless Data Package) and a static site in OUT/PERIOD/public",
  examples: [
    [
      "$0 publish --data fixtures/demo --period 2026-10",
      "out/2026-10/public: open it from file:// or any web server",
    ],
    ["$0 publish --data datos --period 2026-10 --json", "Machine-readable summary (pages, files, bytes)"],
  ],
  builder: (y) =>
    y
      .option("data", { type: "string", describe: "Dataset folder (holds dataset.json)" })
      .option("period", { type: "string", demandOption: true, describe: "School month, YYYY-MM" })
      .option("out", {
        type: "string",
        describe: "Output folder (default: out); the site goes to OUT/PERIOD/public",
      }),
  run: (args, io) => runPublish(args, io),
});
