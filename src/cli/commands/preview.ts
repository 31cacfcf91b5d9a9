import { assertPeriod } from "../../assertPeriod.js";
import { datasetFolder } from "../../config/datasetFolder.js";
import { applySettings, loadSettings } from "../../config/settings.js";
import { formatProblems } from "../../dataset/summarizeDataset.js";
import { ExitCode, errors } from "../../errors.js";
import type { Locale } from "../../model.js";
import type { Preview } from "../../preview/startPreview.js";
import { spawn } from "node:child_process";
import { defineCommand, type Io } from "../command.js";

// Heavy modules (d3, Handlebars, Puppeteer, nodemailer…) are imported when the command runs, not
// when `semaforo` starts: `--help`, `--version` and the other commands do not pay for them.

export interface PreviewArgs {
  data?: string;
  period: string;
  port: number;
  lang?: string;
  open: boolean;
}

export const previewCommand = defineCommand<PreviewArgs>({
  command: "preview",
  describe: "Serve every report of the period as HTML on a local web server, exactly as it will be printed",
  examples: [
    [
      "$0 preview --data fixtures/demo --period 2026-10",
      "Open http://127.0.0.1:4173/ and browse the reports",
    ],
    ["$0 preview --data datos --period 2026-10 --port 8080 --lang en", "English reports on another port"],
    ["$0 preview --data datos --period 2026-10 --open", "Open the index in the browser as well"],
  ],
  builder: (y) =>
    y
      .option("data", {
        type: "string",
        describe: 'Dataset folder (holds dataset.json); default: the config\'s "data"',
      })
      .option("period", { type: "string", demandOption: true, describe: "School month, YYYY-MM" })
      .option("port", { type: "number", default: 4173, describe: "Port on 127.0.0.1 (0 = any free port)" })
      .option("lang", {
        type: "string",
        choices: ["es", "en"],
        describe: "Only this language (default: both)",
      })
      .option("open", {
        type: "boolean",
        default: false,
        describe: "Open the index in the desktop's browser",
      }),
  run: async (args, io) => {
    const preview = await openPreview(args, io);
    if (typeof preview === "number") return preview;
    if (args.json) {
      io.out(
        JSON.stringify({
          url: preview.url,
          period: args.period,
          reports: preview.reports,
          languages: preview.languages,
        }),
      );
    } else {
      io.out(
        `Previewing ${preview.reports} reports of ${args.period} (each in ${preview.languages.join(" and ")}) at ${preview.url} — press Ctrl-C to stop.`,
      );
    }
    if (args.open) openInBrowser(preview.url, io);
    await new Promise<void>((resolve) => {
      const stop = () => {
        process.off("SIGINT", stop);
        process.off("SIGTERM", stop);
        resolve();
      };
      process.once("SIGINT", stop);
      process.once("SIGTERM", stop);
    });
    await preview.close();
    return ExitCode.ok;
  },
});

/**
 * Reads the dataset with the settings applied (as the build does) and starts the server; exit 3
 * when the dataset is invalid. The command then serves until Ctrl-C; tests close it themselves.
 */
export async function openPreview(
  args: PreviewArgs & { config?: string },
  io: Io,
): Promise<Preview | ExitCode> {
  assertPeriod(args.period);
  const settings = await loadSettings({ data: args.data, config: args.config });
  const data = datasetFolder(settings);
  if (!Number.isInteger(args.port) || args.port < 0 || args.port > 65535) throw errors.badPort(args.port);
  const { readDataset } = await import("../../dataset/readDataset.js");
  const { startPreview } = await import("../../preview/startPreview.js");
  const read = await readDataset(data);
  const { problems } = read;
  if (!read.dataset) {
    io.err(formatProblems(problems.filter((p) => p.severity === "error")).join("\n"));
    io.err(`${data}: invalid dataset: run semaforo validate --data ${data}`);
    return ExitCode.invalidDataset;
  }
  const dataset = applySettings(read.dataset, settings);
  const locales: Locale[] = args.lang ? [args.lang as Locale] : ["es", "en"];
  try {
    const { assertPeriodInDataset } = await import("../../dataset/assertPeriodInDataset.js");
    assertPeriodInDataset(dataset, args.period, data);
    return await startPreview({ dataset, period: args.period, locales, port: args.port });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EADDRINUSE") throw errors.portInUse(args.port);
    throw error;
  }
}

/** Opens the URL with the desktop's opener (xdg-open); says so when there is none, e.g. on a server. */
function openInBrowser(url: string, io: Io): void {
  const child = spawn("xdg-open", [url], { detached: true, stdio: "ignore" });
  child.on("error", () =>
    io.err(`Could not open a browser (xdg-open is not available here): open ${url} yourself.`),
  );
  child.unref();
}
