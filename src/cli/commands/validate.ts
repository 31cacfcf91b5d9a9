import { datasetFolder } from "../../config/datasetFolder.js";
import { loadConfig } from "../../config/loadConfig.js";
import { formatProblems, summarizeDataset } from "../../dataset/summarizeDataset.js";
import { ExitCode } from "../../errors.js";
import { defineCommand } from "../command.js";

// Heavy modules (d3, Handlebars, Puppeteer, nodemailer…) are imported when the command runs, not
// when `semaforo` starts: `--help`, `--version` and the other commands do not pay for them.

const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;

/** How many warnings are listed without --verbose. */
const WARNINGS_SHOWN = 10;

export const validateCommand = defineCommand({
  command: "validate",
  describe: "Check a dataset folder and list every problem with file:line:column",
  examples: [
    ["$0 validate --data fixtures/demo", "Check the demo dataset"],
    ["$0 validate --data datos/2026-10 --json", "Machine-readable result: {ok, summary, problems}"],
  ],
  builder: (y) =>
    y
      .option("data", {
        type: "string",
        describe: 'Dataset folder (holds dataset.json); default: the config\'s "data"',
      })
      .option("verbose", { type: "boolean", default: false, describe: "List every warning" }),
  run: async (args, io) => {
    const data = datasetFolder(args.data, await loadConfig(process.cwd(), args.config));
    const { readDataset } = await import("../../dataset/readDataset.js");
    const { dataset, problems } = await readDataset(data);
    const errors = problems.filter((problem) => problem.severity === "error");
    const warnings = problems.filter((problem) => problem.severity === "warning");
    const ok = dataset !== null && errors.length === 0;
    const summary = dataset ? summarizeDataset(dataset) : null;
    if (args.json) {
      io.out(
        JSON.stringify(
          { ok, summary: { ...summary, errors: errors.length, warnings: warnings.length }, problems },
          null,
          2,
        ),
      );
      return ok ? ExitCode.ok : ExitCode.invalidDataset;
    }
    if (!ok || !summary) {
      io.out(
        [
          ...formatProblems(errors),
          ...formatProblems(warnings, args.verbose ? Infinity : WARNINGS_SHOWN),
          "",
          `${data}: invalid dataset: ${plural(errors.length, "error")}, ${plural(warnings.length, "warning")}. Fix the errors above and run validate again.`,
        ].join("\n"),
      );
      return ExitCode.invalidDataset;
    }
    const months = summary.months;
    const span = months.length ? ` (${months[0]} … ${months[months.length - 1]})` : "";
    io.out(
      [
        `${data}: valid — ${summary.name}${summary.synthetic ? " (synthetic figures)" : ""}`,
        `  units       1 national, ${plural(summary.regions, "region")}, ${plural(summary.districts, "district")}`,
        `  months      ${months.length}${span}`,
        `  indicators  ${summary.indicators}`,
        `  recipients  ${summary.recipients}`,
        `  stories     ${summary.stories}`,
        ...(summary.schools ? [`  schools     ${summary.schools} in schools.csv`] : []),
        `  warnings    ${warnings.length}`,
        ...formatProblems(warnings, args.verbose ? Infinity : WARNINGS_SHOWN),
      ].join("\n"),
    );
    return ExitCode.ok;
  },
});
