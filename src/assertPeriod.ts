import { errors } from "./errors.js";

const PERIOD = /^\d{4}-(0[1-9]|1[0-2])$/;

/** Checks a `--period` value (a school month, YYYY-MM); throws the catalogue's bad-period error. */
export function assertPeriod(value: string): void {
  if (!PERIOD.test(value)) throw errors.badPeriod(value);
}
