import { datasetFolder } from "../../config/datasetFolder.js";
import { loadSettings, type Settings } from "../../config/settings.js";
import { formatProblems, summarizeDataset, type DatasetSummary } from "../../dataset/summarizeDataset.js";
import { ExitCode } from "../../errors.js";
import type { Problem } from "../../model.js";
import { defineCommand, type Io } from "../command.js";
import type { DatasetStepResult } from "../step.js";

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
    const result = await validateStep(args);
    printValidate(result, { json: args.json, verbose: args.verbose }, io);
    return result.exitCode;
  },
});

/**
 * `validate --json`: whether the dataset is valid, its figures, every problem. The summary has the
 * same keys for a valid and an invalid dataset: the figures are null when it could not be read.
 */
export interface ValidateSummary {
  ok: boolean;
  summary: { [K in keyof DatasetSummary]: DatasetSummary[K] | null } & { errors: number; warnings: number };
  problems: Problem[];
}

/** The figures of a dataset that could not be read: every key, none known. */
const UNKNOWN_FIGURES: { [K in keyof DatasetSummary]: null } = {
  name: null,
  synthetic: null,
  regions: null,
  districts: null,
  months: null,
  indicators: null,
  recipients: null,
  stories: null,
  schools: null,
};

/** The validate step (of `validate` and `run`): reads and checks the dataset folder, prints nothing. */
export async function validateStep(args: {
  data?: string;
  config?: string;
  settings?: Settings;
}): Promise<DatasetStepResult<ValidateSummary>> {
  const data = datasetFolder(await loadSettings(args));
  const { readDataset } = await import("../../dataset/readDataset.js");
  // Every row is checked; none is kept (validate computes nothing from them).
  const { dataset, problems, months } = await readDataset(data, { keep: () => false });
  const errors = problems.filter((problem) => problem.severity === "error").length;
  const warnings = problems.filter((problem) => problem.severity === "warning").length;
  const ok = dataset !== null && errors === 0;
  return {
    exitCode: ok ? ExitCode.ok : ExitCode.invalidDataset,
    data,
    summary: {
      ok,
      summary: { ...(dataset ? summarizeDataset(dataset, months) : UNKNOWN_FIGURES), errors, warnings },
      problems,
    },
  };
}

/** Prints a validate step's summary: the JSON document, or the problems and the dataset's figures. */
export function printValidate(
  result: DatasetStepResult<ValidateSummary>,
  options: { json: boolean; verbose: boolean },
  io: Io,
): void {
  const { data, summary: validated } = result;
  if (options.json) {
    io.out(JSON.stringify(validated, null, 2));
    return;
  }
  const errors = validated.problems.filter((problem) => problem.severity === "error");
  const warnings = validated.problems.filter((problem) => problem.severity === "warning");
  const summary = validated.summary;
  if (!validated.ok || summary.name === undefined) {
    io.out(
      [
        ...formatProblems(errors),
        ...formatProblems(warnings, options.verbose ? Infinity : WARNINGS_SHOWN),
        "",
        `${data}: invalid dataset: ${plural(errors.length, "error")}, ${plural(warnings.length, "warning")}. Fix the errors above and run validate again.`,
      ].join("\n"),
    );
    return;
  }
  const months = summary.months ?? [];
  const span = months.length ? ` (${months[0]} … ${months[months.length - 1]})` : "";
  io.out(
    [
      `${data}: valid — ${summary.name}${summary.synthetic ? " (synthetic figures)" : ""}`,
      `  units       1 national, ${plural(summary.regions ?? 0, "region")}, ${plural(summary.districts ?? 0, "district")}`,
      `  months      ${months.length}${span}`,
      `  indicators  ${summary.indicators}`,
      `  recipients  ${summary.recipients}`,
      `  stories     ${summary.stories}`,
      ...(summary.schools ? [`  schools     ${summary.schools} in schools.csv`] : []),
      `  warnings    ${warnings.length}`,
      ...formatProblems(warnings, options.verbose ? Infinity : WARNINGS_SHOWN),
    ].join("\n"),
  );
}
