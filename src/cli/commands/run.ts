import { parseSmtpUrl } from "../../deliver/parseSmtpUrl.js";
import type { BuildEffects } from "../../build/buildReportSet.js";
import { ExitCode } from "../../errors.js";
import { DEFAULT_MAX_SIZE } from "../../deliver/defaultMaxSize.js";
import type { SendReport } from "../../deliver/sendReportSet.js";
import type { PublishSummary } from "../../publish/publishPeriod.js";
import { defineCommand, type GlobalArgs, type Io } from "../command.js";
import { errorDocument } from "../errorDocument.js";
import { invalidDatasetText } from "../invalidDataset.js";
import type { StepResult } from "../step.js";
import type { BuildSummary } from "./build.js";
import { sendError } from "./send.js";
import type { ValidateSummary } from "./validate.js";

// The steps (and their heavy modules) are imported when `run` runs, not when `semaforo` starts.

export interface RunArgs {
  data?: string;
  period: string;
  out?: string;
  smtp?: string;
  "dry-run": boolean;
  concurrency?: number;
  publish: boolean;
}

/**
 * `semaforo run`: the monthly cycle in one command, the same steps as the commands (runSteps).
 * `validate` first (an invalid dataset stops here, exit 3, nothing written); a set with a failed
 * report is not sent (exit 4), so that nobody gets this month's reports while others are missing:
 * fix, rebuild, then send.
 */
export const runCommand = defineCommand<RunArgs>({
  command: "run",
  describe: "The monthly cycle in one go: validate, build the period's reports, then send them",
  examples: [
    ["$0 run --data fixtures/demo --period 2026-10 --dry-run", "Validate and build, then show who gets what"],
    [
      "$0 run --data datos --period 2026-10 --publish",
      "The whole cycle, then the open data and the public site",
    ],
    [
      "SEMAFORO_SMTP_URL=smtps://user:pass@smtp.example.org $0 run --data datos --period 2026-10",
      "The whole cycle, sending through SMTP",
    ],
  ],
  builder: (y) =>
    y
      .option("data", { type: "string", describe: "Dataset folder (holds dataset.json)" })
      .option("period", { type: "string", demandOption: true, describe: "School month, YYYY-MM" })
      .option("out", { type: "string", describe: "Output folder (default: out)" })
      .option("smtp", {
        type: "string",
        describe: "SMTP server URL (default: SEMAFORO_SMTP_URL; else .eml files in the outbox)",
      })
      .option("dry-run", {
        type: "boolean",
        default: false,
        describe: "Build, then list who would get what; send nothing",
      })
      .option("concurrency", { type: "number", describe: "Reports printed at once (default: cores)" })
      .option("publish", {
        type: "boolean",
        default: false,
        describe: "After sending, publish the month as open data and a public site (OUT/PERIOD/public)",
      }),
  run: (args, io) => runCycle(args, io),
});

/** `semaforo run`, with the build's effects injectable for tests: runs the steps, prints the JSON. */
export async function runCycle(
  args: RunArgs & GlobalArgs,
  io: Io,
  effects: { build?: BuildEffects } = {},
): Promise<number> {
  const { exitCode, summary } = await runSteps(args, io, effects);
  if (args.json) {
    // A configuration stop of the send is an expected error of exit 2: the error document, with
    // every step's summary beside it (as `send --json` prints it with the send's).
    const error = summary.send ? sendError(summary.send) : null;
    io.out(JSON.stringify(error ? { ...errorDocument(error), ...summary } : summary, null, 2));
  }
  return exitCode;
}

/**
 * `run --json`: one document with every step's summary, each the document its own command prints
 * with `--json`; a step that did not run is null. `publish` only with `--publish`.
 */
export interface RunSummary {
  validate: ValidateSummary | null;
  build: BuildSummary | null;
  send: SendReport | null;
  publish?: PublishSummary | null;
}

/**
 * The steps in order, each stopping the cycle when it fails: an invalid dataset (exit 3, nothing
 * written), a failed report (exit 4, nothing sent). Without `--json`, each step's text is printed
 * as soon as it ends, as its own command prints it. `effects.build`: the build's IO, for tests.
 */
export async function runSteps(
  args: RunArgs & GlobalArgs,
  io: Io,
  effects: { build?: BuildEffects } = {},
): Promise<StepResult<RunSummary>> {
  const summary: RunSummary = {
    validate: null,
    build: null,
    send: null,
    ...(args.publish ? { publish: null } : {}),
  };
  const done = (exitCode: ExitCode) => ({ exitCode, summary });

  // The settings, resolved once (flags over the config file over the defaults) for every step.
  const { loadSettings } = await import("../../config/settings.js");
  const settings = await loadSettings({
    data: args.data,
    out: args.out,
    smtp: args.smtp,
    concurrency: args.concurrency,
    config: args.config,
  });
  // An SMTP URL the send would refuse stops the cycle before anything is built (exit 2, the URL
  // never echoed: parseSmtpUrl masks it with maskUrl).
  if (!args["dry-run"]) {
    const { url } = settings.smtp;
    if (url !== undefined) parseSmtpUrl(url, process.env);
  }

  const { validateStep } = await import("./validate.js");
  const validated = await validateStep({ data: args.data, config: args.config, settings });
  summary.validate = validated.summary;
  if (validated.exitCode !== ExitCode.ok) {
    if (!args.json)
      io.err(invalidDatasetText(validated.summary.problems, validated.data, "nothing was built"));
    return done(validated.exitCode);
  }

  const { buildStep, printBuild } = await import("./build.js");
  const built = await buildStep(
    {
      data: args.data,
      period: args.period,
      out: args.out,
      concurrency: args.concurrency,
      json: args.json,
      config: args.config,
      settings,
    },
    io,
    effects.build,
  );
  summary.build = built.summary;
  if (!args.json) printBuild(built, false, io);
  if (built.exitCode !== ExitCode.ok) {
    if (built.exitCode === ExitCode.renderFailed)
      io.err(
        "semaforo: nothing was sent because some reports failed. Fix them and rebuild (build --only CODE), then run `semaforo send`.",
      );
    return done(built.exitCode);
  }

  const { sendStep, printSend } = await import("./send.js");
  const sent = await sendStep(
    {
      out: args.out,
      period: args.period,
      smtp: args.smtp,
      "dry-run": args["dry-run"],
      "resend-failed": false,
      "max-size": DEFAULT_MAX_SIZE / 1024 / 1024,
      retries: 4,
      json: args.json,
      config: args.config,
      settings,
    },
    io,
  );
  summary.send = sent.summary;
  if (!args.json) printSend(sent, false, io);
  // Publishing comes last: it never holds up the month's e-mails, and a failed send still
  // leaves the public site to publish by hand (semaforo publish).
  if (!args.publish || args["dry-run"]) return done(sent.exitCode);

  const { publishStep, printPublish } = await import("./publish.js");
  const published = await publishStep({
    data: args.data,
    period: args.period,
    out: args.out,
    config: args.config,
    settings,
  });
  summary.publish = published.summary;
  if (!args.json) printPublish(published, false, io);
  return done(sent.exitCode !== ExitCode.ok ? sent.exitCode : published.exitCode);
}
