import { errors } from "../errors.js";
import type { Dataset } from "../model.js";

/**
 * The month must be one results.csv has: a mistyped period (2027-05 for 2026-05) would otherwise
 * build — and send — a full set of empty "no visits this month" reports. `period-not-in-dataset`,
 * exit 2, naming the months the dataset has. Returns the dataset's months, oldest first.
 */
export function assertPeriodInDataset(dataset: Dataset, period: string, dataDir: string): string[] {
  const periods = [...new Set(dataset.results.map((result) => result.period))].sort();
  if (!periods.includes(period)) throw errors.periodNotInDataset(period, dataDir, periods);
  return periods;
}
