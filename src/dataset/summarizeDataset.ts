import type { Dataset, Problem } from "../model.js";
import { compare } from "./compare.js";
import { formatLocation } from "./problems.js";

export interface DatasetSummary {
  name: string;
  synthetic: boolean;
  regions: number;
  districts: number;
  /** School months with results, sorted. */
  months: string[];
  indicators: number;
  /** Recipient rows (one per address and unit). */
  recipients: number;
  stories: number;
  /** Distinct schools in schools.csv. */
  schools: number;
}

/** `months`: every month of results.csv, when the dataset keeps only some months' rows. */
export function summarizeDataset(dataset: Dataset, months?: string[]): DatasetSummary {
  return {
    name: dataset.config.name,
    synthetic: dataset.config.synthetic,
    regions: dataset.regions.length,
    districts: dataset.districts.length,
    months: months ?? [...new Set(dataset.results.map((result) => result.period))].sort(compare),
    indicators: dataset.indicators.length,
    recipients: dataset.recipients.length,
    stories: dataset.goodPractices.length,
    schools: new Set(dataset.schools.map((school) => school.schoolCode)).size,
  };
}

/** `file:line:column: message` (warnings say so), then the hint indented on the next line. */
export function formatProblem(problem: Problem, hint = true): string {
  const head = `${formatLocation(problem)}: ${problem.severity === "warning" ? "warning: " : ""}${problem.message}`;
  return hint && problem.hint ? `${head}\n    ${problem.hint}` : head;
}

/** Lines listing problems, at most `limit` of them (then "… and N more"), with hints unless limited. */
export function formatProblems(list: Problem[], limit = Infinity): string[] {
  const lines = list.slice(0, limit).map((problem) => formatProblem(problem, limit === Infinity));
  if (list.length > limit) lines.push(`… and ${list.length - limit} more (--verbose lists them all)`);
  return lines;
}
