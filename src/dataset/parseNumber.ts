/** Numbers as written in the dataset's dialect: "87.5" or, with a decimal comma, "87,5". */
export function parseDecimal(raw: string, decimal: "." | ","): number | null {
  const pattern = decimal === "," ? /^[-+]?\d+(?:,\d+)?$/ : /^[-+]?\d+(?:\.\d+)?$/;
  const text = raw.trim();
  if (!pattern.test(text)) return null;
  return Number(decimal === "," ? text.replace(",", ".") : text);
}

export type CountResult =
  { ok: true; value: number } | { ok: false; reason: "bad-number" | "negative" | "non-integer" };

/** A count (numerator, denominator, schools): a whole number, 0 or more. */
export function parseCount(raw: string, decimal: "." | ","): CountResult {
  const value = parseDecimal(raw, decimal);
  if (value === null) return { ok: false, reason: "bad-number" };
  if (value < 0) return { ok: false, reason: "negative" };
  if (!Number.isInteger(value)) return { ok: false, reason: "non-integer" };
  return { ok: true, value };
}

const PERIOD = /^\d{4}-(?:0[1-9]|1[0-2])$/;

/** A school month, `YYYY-MM`. */
export const isPeriod = (value: string): boolean => PERIOD.test(value);
