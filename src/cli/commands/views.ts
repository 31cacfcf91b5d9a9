import { assertPeriod } from "../../assertPeriod.js";
import { makeDirs } from "../../makeDirs.js";
import { existsSync, statSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { archiveAround } from "../../archive/archiveAround.js";
import path from "node:path";
import { stringifySorted } from "../../compute/stringifySorted.js";
import { datasetFolder } from "../../config/datasetFolder.js";
import { applySettings, loadSettings } from "../../config/settings.js";
import { formatProblems } from "../../dataset/summarizeDataset.js";
import { ExitCode, errors } from "../../errors.js";
import { codeList } from "../codeList.js";
import type { Locale } from "../../model.js";
import { defineCommand } from "../command.js";
import { warningsNote } from "../warningsNote.js";

// Heavy modules (d3, Handlebars, Puppeteer, nodemailer…) are imported when the command runs, not
// when `semaforo` starts: `--help`, `--version` and the other commands do not pay for them.

interface ViewsArgs {
  data?: string;
  period: string;
  out: string;
  lang: string;
  only?: string;
}

export const viewsCommand = defineCommand<ViewsArgs>({
  command: "views",
  describe: "Write the computed report views of a period as JSON (every figure, status, rank and sentence)",
  examples: [
    ["semaforo views --data fixtures/demo --period 2026-10 --out views.json", "All views of October 2026"],
    ["semaforo views --data fixtures/demo --period 2026-10 --only PE,150100", "Two views, on stdout"],
  ],
  builder: (y) =>
    y
      .option("data", { type: "string", describe: 'The dataset folder; default: the config\'s "data"' })
      .option("period", { type: "string", demandOption: true, describe: "Month YYYY-MM" })
      .option("out", { type: "string", default: "-", describe: "JSON file to write, or - for stdout" })
      .option("lang", {
        choices: ["es", "en"] as const,
        default: "es",
        describe: "Language of the texts",
      })
      .option("only", { type: "string", describe: "Only these unit codes, comma-separated (PE = national)" }),
  run: async (args, io) => {
    assertPeriod(args.period);
    // Before any work: never into an archived period (its manifest.json…), never onto a folder.
    if (args.out !== "-") {
      const archived = archiveAround(args.out);
      if (archived) throw errors.outInArchive(args.out, archived);
      if (existsSync(args.out) && statSync(args.out).isDirectory()) throw errors.outIsFolder(args.out);
    }
    const settings = await loadSettings({ data: args.data, config: args.config });
    const data = datasetFolder(settings);
    const { readDataset } = await import("../../dataset/readDataset.js");
    const { buildViews } = await import("../../compute/buildViews.js");
    const { readMessages } = await import("../../locale/readMessages.js");
    const read = await readDataset(data, { keep: (month) => month <= args.period });
    const { problems } = read;
    const fatal = problems.filter((problem) => problem.severity === "error");
    if (!read.dataset || fatal.length > 0) {
      io.err(
        [
          ...formatProblems(fatal),
          `${data}: invalid dataset (${fatal.length} error${fatal.length === 1 ? "" : "s"}): no views were computed. Fix the errors and run again.`,
        ].join("\n"),
      );
      return ExitCode.invalidDataset;
    }
    const dataset = applySettings(read.dataset, settings);
    const locale: Locale = args.lang === "en" ? "en" : "es";
    const messages = await readMessages(locale);
    const { assertPeriodInDataset } = await import("../../dataset/assertPeriodInDataset.js");
    assertPeriodInDataset(dataset, args.period, data, read.months);
    let views = buildViews(dataset, args.period, { locale, messages });
    const codes = codeList(args.only, "only", "views");
    if (codes) {
      const known = new Set(views.map((view) => view.code));
      const unknown = codes.filter((code) => !known.has(code));
      if (unknown.length > 0) {
        throw errors.unknownUnit(unknown, `${data} (--only)`, known);
      }
      const wanted = new Set(codes);
      views = views.filter((view) => wanted.has(view.code));
    }
    const warnings = problems.filter((problem) => problem.severity === "warning").length;
    // Under --json, stdout carries one document and stderr nothing: the views themselves with
    // --out -, else {ok, period, out, views, warnings}.
    if (warnings > 0 && !args.json && !io.quiet) io.err(warningsNote(warnings, data));
    const json = stringifySorted(views);
    if (args.out === "-") io.out(json);
    else {
      await makeDirs(path.dirname(path.resolve(args.out)));
      await writeFile(args.out, json);
      if (args.json)
        io.out(
          JSON.stringify(
            { ok: true, period: args.period, out: args.out, views: views.length, warnings },
            null,
            2,
          ),
        );
      else if (!io.quiet)
        io.err(
          `Wrote ${views.length} view${views.length === 1 ? "" : "s"} of ${args.period} to ${args.out}.`,
        );
    }
    return ExitCode.ok;
  },
});
