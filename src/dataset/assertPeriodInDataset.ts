import { errors } from "../errors.js";
import type { Dataset, Period } from "../model.js";

/**
 * The month must be one results.csv has: a mistyped period (2027-05 for 2026-05) would otherwise
 * build — and send — a full set of empty "no visits this month" reports. `period-not-in-dataset`,
 * exit 2, naming the months the dataset has. Returns the dataset's months, oldest first.
 * `months`: every month of results.csv, when the dataset keeps only some months' rows.
 */
export function assertPeriodInDataset(
  dataset: Dataset,
  period: string,
  dataDir: string,
  months?: Period[],
): string[] {
  const periods = months ? [...months] : [...new Set(dataset.results.map((result) => result.period))].sort();
  if (!periods.includes(period)) throw errors.periodNotInDataset(period, dataDir, periods);
  return periods;
}
