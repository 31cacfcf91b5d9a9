import { assertPeriod } from "../../assertPeriod.js";
import { loadConfig } from "../../config/loadConfig.js";
import { resolveOptions } from "../../config/resolveOptions.js";
import { formatProblems } from "../../dataset/summarizeDataset.js";
import { errors } from "../../errors.js";
import { publishPeriod, type PublishEffects } from "../../publish/publishPeriod.js";
import { defineCommand, type Io } from "../command.js";
import { formatDuration } from "../progress.js";

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
  assertPeriod(args.period);
  const config = await loadConfig(process.cwd(), args.config);
  const options = resolveOptions({ data: args.data, out: args.out }, config);
  if (!options.data) throw errors.noData();
  const { exitCode, summary } = await publishPeriod(
    { dataDir: options.data, period: args.period, outDir: options.out },
    effects,
  );
  if (args.json) {
    io.out(JSON.stringify(summary, null, 2));
    return exitCode;
  }
  if (summary.problems) {
    const fatal = summary.problems.filter((problem) => problem.severity === "error");
    io.err(
      [
        ...formatProblems(fatal),
        `${options.data}: invalid dataset (${fatal.length} error${fatal.length === 1 ? "" : "s"}): nothing was published. Fix the errors and run again.`,
      ].join("\n"),
    );
    return exitCode;
  }
  for (const warning of summary.warnings) io.err(`semaforo: ${warning}`);
  const mb = (summary.bytes / 1024 / 1024).toFixed(1);
  io.out(
    `${summary.pages} pages (${summary.languages.join(", ")}) and open data for ${summary.periods.length} month${summary.periods.length === 1 ? "" : "s"}, ${mb} MB in ${formatDuration(summary.ms)} → ${summary.publicDir}`,
  );
  return exitCode;
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
