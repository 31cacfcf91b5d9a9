import { ExitCode } from "../../errors.js";
import { DEFAULT_MAX_SIZE } from "../../deliver/defaultMaxSize.js";
import { defineCommand, type Io } from "../command.js";

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
 * `semaforo run`: the monthly cycle in one command. `build` validates first (an invalid dataset
 * stops here, exit 3, nothing written); a set with a failed report is not sent (exit 4), so that
 * nobody gets this month's reports while others are missing: fix, rebuild, then send.
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
  run: async (args, io) => {
    // With --json, both steps' summaries are collected into one JSON document.
    const printed: string[] = [];
    const stepIo: Io = args.json ? { ...io, out: (text) => void printed.push(text) } : io;
    const summary = (send: string | null, publish: string | null = null) =>
      io.out(
        JSON.stringify(
          {
            build: JSON.parse(printed[0] ?? "null") as unknown,
            send: send === null ? null : (JSON.parse(send) as unknown),
            ...(args.publish ? { publish: publish === null ? null : (JSON.parse(publish) as unknown) } : {}),
          },
          null,
          2,
        ),
      );
    const { runBuild } = await import("./build.js");
    const built = await runBuild(
      {
        data: args.data,
        period: args.period,
        out: args.out,
        concurrency: args.concurrency,
        json: args.json,
        config: args.config,
      },
      stepIo,
    );
    if (built !== ExitCode.ok) {
      if (args.json) summary(null);
      if (built === ExitCode.renderFailed)
        io.err(
          "semaforo: nothing was sent because some reports failed. Fix them and rebuild (build --only CODE), then run `semaforo send`.",
        );
      return built;
    }
    const { runSend } = await import("./send.js");
    const sent = await runSend(
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
      },
      stepIo,
    );
    // Publishing comes last: it never holds up the month's e-mails, and a failed send still
    // leaves the public site to publish by hand (semaforo publish).
    if (!args.publish || args["dry-run"]) {
      if (args.json) summary(printed[1] ?? "null");
      return sent;
    }
    const { runPublish } = await import("./publish.js");
    const published = await runPublish(
      { data: args.data, period: args.period, out: args.out, json: args.json, config: args.config },
      stepIo,
    );
    if (args.json) summary(printed[1] ?? "null", printed[2] ?? "null");
    return sent !== ExitCode.ok ? sent : published;
  },
});
