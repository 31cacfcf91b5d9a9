import type { DeliveryState } from "../model.js";
import type { StatusReport } from "./buildStatusReport.js";

export interface StatusFilter {
  /** Only deliveries in these states (all when empty); reports with none of them are left out. */
  states: readonly DeliveryState[];
  /** Only these unit codes (all when empty). */
  only: readonly string[];
}

/**
 * The status rows a filter keeps (pure). The totals stay those of the whole period, and `shown`
 * says how many reports are listed. Reports that were not built are problems: they stay listed
 * whatever the state filter (not outside `only`).
 */
export function filterStatus<R extends StatusReport>(
  report: R,
  filter: StatusFilter,
): R & { shown: number; filtered: boolean } {
  const filtered = filter.states.length > 0 || filter.only.length > 0;
  const states = new Set(filter.states);
  const rows = report.rows
    .filter((row) => filter.only.length === 0 || filter.only.includes(row.code))
    .flatMap((row) => {
      if (!row.built || states.size === 0) return [row];
      const deliveries = row.deliveries.filter((d) => states.has(d.state));
      return deliveries.length > 0 ? [{ ...row, deliveries }] : [];
    });
  return { ...report, rows, shown: rows.length, filtered };
}
