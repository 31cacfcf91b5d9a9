import { assertPeriod } from "../../assertPeriod.js";
import path from "node:path";
import { loadSettings } from "../../config/settings.js";
import { ExitCode, errors } from "../../errors.js";
import { codeList } from "../codeList.js";
import { formatStatus } from "../../status/formatStatus.js";
import { latestPeriod } from "../../archive/latestPeriod.js";
import { filterStatus } from "../../deliver/filterStatus.js";
import { readStatus } from "../../deliver/readStatus.js";
import { DELIVERY_STATES, type DeliveryState } from "../../model.js";
import { suggest } from "../../rules/suggest.js";
import { defineCommand } from "../command.js";
import { periodFolderArg } from "../periodFolderArg.js";

interface StatusArgs {
  dir?: string;
  out?: string;
  period?: string;
  state?: string;
  only?: string;
}

export const statusCommand = defineCommand<StatusArgs>({
  command: "status [dir]",
  describe:
    "Show what was built and delivered for a period: one line per report, with each recipient's state",
  examples: [
    ["semaforo status out/2026-10", "Reports and deliveries of October 2026"],
    ["semaforo status", "The latest period built in out/ (or the config's out)"],
    ["semaforo status --state failed,unknown", "Only the deliveries that need a decision"],
    ["semaforo status out/2026-10 --only 010001,PE", "Two units"],
    [
      "semaforo status --period 2026-10 --json > status-2026-10.json",
      "The same as JSON, to keep with the archive",
    ],
  ],
  builder: (y) =>
    y
      .positional("dir", {
        coerce: (value?: string) => (value === undefined ? value : periodFolderArg(value)),
        type: "string",
        describe: "The period folder, OUT/PERIOD (e.g. out/2026-10)",
      })
      .option("out", { type: "string", describe: "Output folder (default: out, or `out` in the config)" })
      .option("period", {
        type: "string",
        describe: "Month YYYY-MM, used with --out instead of DIR (default: the latest period built)",
      })
      .option("state", {
        type: "string",
        describe: `Only deliveries in these states, comma-separated: ${DELIVERY_STATES.join(", ")}`,
      })
      .option("only", { type: "string", describe: "Only these unit codes, comma-separated (PE = national)" })
      .epilog(
        "Delivery states: sent (an SMTP server, SMS centre or gateway accepted it); written (a file in the outbox, .eml or outbox/sms/*.txt: reached nobody, a send with --smtp or --sms still sends it); failed (permanent, with the server's reply); unknown (handed over, outcome not recorded: never re-sent automatically); pending (not attempted yet). An SMS is shown as `SMS +51…` with its delivery receipt when the centre sent one; an e-mail by its address. A sent delivery marked `older build of the PDF` holds an earlier build than the archive's. The states are the ones `send --dry-run` plans from.\n\nExit code: 0 whenever the manifest could be read, whatever the states (status is a report: read the totals, or `--json` .totals.deliveries); 2 when there is no manifest.json or it is damaged.",
      ),
  run: async (args, io) => {
    const dir = await periodDir(args);
    const only = codeList(args.only, "only", "status") ?? [];
    const filter = { states: parseStates(args.state), only };
    const read = await readStatus(dir);
    const known = new Set(read.rows.map((row) => row.code));
    const unknown = only.filter((code) => !known.has(code));
    if (unknown.length > 0) throw errors.unknownUnit(unknown, `${dir}'s manifest`, known);
    const status = filterStatus(read, filter);
    for (const warning of status.warnings) io.err(`semaforo: warning: ${warning}`);
    if (args.json) {
      io.out(
        JSON.stringify(
          {
            dir: status.dir,
            period: status.period,
            generatedAt: status.generatedAt,
            totals: status.totals,
            reports: status.rows,
          },
          null,
          2,
        ),
      );
    } else {
      io.out(formatStatus(status).join("\n"));
    }
    return ExitCode.ok;
  },
});

async function periodDir(args: StatusArgs & { config?: string }): Promise<string> {
  if (args.dir !== undefined) {
    if (args.period !== undefined) {
      throw errors.usage(
        "Give either the period folder (semaforo status out/2026-10) or --period, not both.",
        "status",
      );
    }
    return args.dir;
  }
  const { out } = await loadSettings({ out: args.out, config: args.config });
  if (args.period === undefined) {
    const latest = await latestPeriod(out);
    if (latest === null) {
      throw errors.noPeriod(out);
    }
    return path.join(out, latest);
  }
  assertPeriod(args.period);
  return path.join(out, args.period);
}

function parseStates(value: string | undefined): DeliveryState[] {
  const states = codeList(value, "state", "status") ?? [];
  const unknown = states.filter((s) => !(DELIVERY_STATES as readonly string[]).includes(s));
  if (unknown.length > 0) {
    const near = unknown
      .map((s) => suggest(s, DELIVERY_STATES))
      .filter((s): s is string => s !== undefined && s !== "");
    throw errors.badState(unknown, near, DELIVERY_STATES);
  }
  return states as DeliveryState[];
}
