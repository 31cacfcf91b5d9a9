import { problems, type ProblemText } from "./problems.js";

/** Numbers as written in the dataset's dialect: "87.5" or, with a decimal comma, "87,5". */
export function parseDecimal(raw: string, decimal: "." | ","): number | null {
  const pattern = decimal === "," ? /^[-+]?\d+(?:,\d+)?$/ : /^[-+]?\d+(?:\.\d+)?$/;
  const text = raw.trim();
  if (!pattern.test(text)) return null;
  return Number(decimal === "," ? text.replace(",", ".") : text);
}

/**
 * The largest count accepted. Far below Number.MAX_SAFE_INTEGER on purpose: national and regional
 * values sum the districts' counts, and those sums must stay exact integers too.
 */
export const MAX_COUNT = 1_000_000_000_000;

/**
 * The largest commitment amount accepted, in soles: above a whole year's national education
 * budget, and far enough below 2^53 that amounts and their sums print exactly to the cent.
 */
export const MAX_AMOUNT = 1_000_000_000_000;

export type CountResult =
  | { ok: true; value: number }
  | { ok: false; reason: "bad-number" | "negative" | "non-integer" | "too-large" };

/** A count (numerator, denominator, schools): a whole number from 0 to MAX_COUNT. */
export function parseCount(raw: string, decimal: "." | ","): CountResult {
  const value = parseDecimal(raw, decimal);
  if (value === null) return { ok: false, reason: "bad-number" };
  if (value < 0) return { ok: false, reason: "negative" };
  if (value > MAX_COUNT) return { ok: false, reason: "too-large" };
  if (!Number.isInteger(value)) return { ok: false, reason: "non-integer" };
  return { ok: true, value };
}

/** The years a period or a target may name: outside them a year is a typing error (1000, 9322). */
export const YEARS = { first: 2000, last: 2100 } as const;

const PERIOD = /^(\d{4})-(?:0[1-9]|1[0-2])$/;

/** Why `value` is not a usable year (targets.csv, commitments.csv), or null when it is one. */
export function checkYear(value: string): ProblemText | null {
  if (!/^\d{4}$/.test(value)) return problems.badYear(value);
  if (Number(value) < YEARS.first || Number(value) > YEARS.last)
    return problems.yearOutOfRange(value, YEARS.first, YEARS.last);
  return null;
}

/** A school month, `YYYY-MM`, in YEARS. */
export const isPeriod = (value: string): boolean => checkPeriod(value) === null;

/** Why `value` is not a usable period (the catalogue's text), or null when it is one. */
export function checkPeriod(value: string): ProblemText | null {
  const match = PERIOD.exec(value);
  if (!match) return problems.malformedPeriod(value);
  const year = Number(match[1]);
  if (year < YEARS.first || year > YEARS.last)
    return problems.periodOutOfRange(value, YEARS.first, YEARS.last);
  return null;
}
