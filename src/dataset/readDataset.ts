import type { Dataset, Problem } from "../model.js";

export interface DatasetReadResult {
  /** null when an error made the dataset unusable. */
  dataset: Dataset | null;
  /** Every problem found, errors and warnings, sorted by file, line, column. */
  problems: Problem[];
}

// Placeholder: replaced by the foundation issue.
export function readDataset(_dir: string): Promise<DatasetReadResult> {
  return Promise.reject(new Error("readDataset is not implemented yet"));
}
