import { formatProblems } from "../dataset/summarizeDataset.js";
import type { Problem } from "../model.js";

/** The errors of an invalid dataset and what was not done, for stderr. */
export function invalidDatasetText(problems: Problem[], data: string, notDone: string): string {
  const fatal = problems.filter((problem) => problem.severity === "error");
  return [
    ...formatProblems(fatal),
    `${data}: invalid dataset (${fatal.length} error${fatal.length === 1 ? "" : "s"}): ${notDone}. Fix the errors and run again.`,
  ].join("\n");
}
