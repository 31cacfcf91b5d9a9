import { assertPeriod } from "../assertPeriod.js";
import type { Period } from "../model.js";

/**
 * The date a period's reports carry (inside each PDF and in its footer): the close of the month,
 * midnight in Lima (UTC−5, no daylight saving) on the first day of the next month. It comes from
 * the period, not the clock, so two builds from the same inputs give the same bytes and an
 * unchanged report is not printed again merely because a day has passed. The dataset's input
 * hashes could give a reproducible value too, but not a date anyone can read: the close of the
 * month is what the figures describe.
 */
export function sourceDate(period: Period): Date {
  assertPeriod(period);
  const [year, month] = period.split("-").map(Number) as [number, number];
  return new Date(Date.UTC(year, month, 1, 5));
}
