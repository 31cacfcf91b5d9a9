import type { Locale, Period } from "../model.js";
import { InternalError } from "../errors.js";

/**
 * Pure formatting with Intl for the report locales: Spanish as used in Peru (es-PE) and English.
 * Values are rounded to the display precision (one decimal) by roundToDisplay before formatting,
 * so the text always shows exactly the number the rules compared.
 */
export const INTL_LOCALE: Record<Locale, string> = { es: "es-PE", en: "en-US" };

/** Shown wherever a value is missing. */
export const NO_VALUE = "—";

/** U+2212, the typographic minus used in change texts. */
const MINUS = "\u2212";

const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
function numberFormat(locale: Locale, kind: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `n|${locale}|${kind}`;
  let format = cache.get(key) as Intl.NumberFormat | undefined;
  if (!format) {
    format = new Intl.NumberFormat(INTL_LOCALE[locale], options);
    cache.set(key, format);
  }
  return format;
}
function dateFormat(locale: Locale, kind: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `d|${locale}|${kind}`;
  let format = cache.get(key) as Intl.DateTimeFormat | undefined;
  if (!format) {
    format = new Intl.DateTimeFormat(INTL_LOCALE[locale], { ...options, timeZone: "UTC" });
    cache.set(key, format);
  }
  return format;
}

/**
 * Rounds to one decimal, half away from zero, after removing binary noise
 * (92.94999999999999 → 92.95 → 93.0), so that a value exactly at a boundary compares as equal.
 */
export function roundToDisplay(value: number): number {
  const scaled = Number((Math.abs(value) * 10).toFixed(6));
  const rounded = Math.round(scaled) / 10;
  return value < 0 && rounded !== 0 ? -rounded : rounded;
}

function isNumber(value: number | null | undefined): value is number {
  return typeof value === "number" && Number.isFinite(value);
}

/** A value in percentage points as a percentage: 87.25 → "87.3%" (es-PE) ; null → "—". */
export function formatPercent(value: number | null | undefined, locale: Locale): string {
  if (!isNumber(value)) return NO_VALUE;
  const format = numberFormat(locale, "percent", {
    style: "percent",
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  });
  return format.format(roundToDisplay(value) / 100).replace("-", MINUS);
}

/** A plain number with one decimal: 12.34 → "12.3" ; null → "—". */
export function formatDecimal(value: number | null | undefined, locale: Locale): string {
  if (!isNumber(value)) return NO_VALUE;
  const format = numberFormat(locale, "decimal", { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  return format.format(roundToDisplay(value)).replace("-", MINUS);
}

/** A whole number with grouping: 1234 → "1,234" ; null → "—". */
export function formatInteger(value: number | null | undefined, locale: Locale): string {
  if (!isNumber(value)) return NO_VALUE;
  return numberFormat(locale, "integer", { maximumFractionDigits: 0 }).format(Math.round(value));
}

/** A share 0–1 as a whole percentage: 0.624 → "62%" ; null → "—". */
export function formatShare(share: number | null | undefined, locale: Locale): string {
  if (!isNumber(share)) return NO_VALUE;
  return numberFormat(locale, "share", { style: "percent", maximumFractionDigits: 0 })
    .format(share)
    .replace("-", MINUS);
}

/**
 * The unit of a difference of percentages, one word for gaps and changes alike: "p.p." (puntos
 * porcentuales) in Spanish, "pts" in English.
 */
export const POINTS_UNIT: Record<Locale, string> = { es: "p.p.", en: "pts" };

/** A change in percentage points, signed: 2.14 → "+2.1 p.p." (en "+2.1 pts"), −0.4 → "−0.4 p.p.", 0 → "0.0 p.p.". */
export function formatPoints(points: number | null | undefined, locale: Locale): string {
  if (!isNumber(points)) return NO_VALUE;
  const rounded = roundToDisplay(points);
  const format = numberFormat(locale, "points", {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
    signDisplay: "exceptZero",
  });
  return `${format.format(rounded).replace("-", MINUS)} ${POINTS_UNIT[locale]}`;
}

/** Parses `YYYY-MM` into year and month (1–12); throws on anything else. */
export function parsePeriod(period: Period): { year: number; month: number } {
  const match = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(period);
  if (!match) throw new InternalError(`Not a period of the form YYYY-MM: ${JSON.stringify(period)}`);
  return { year: Number(match[1]), month: Number(match[2]) };
}

/** The period `months` months after (or before, when negative) `period`. */
export function addMonths(period: Period, months: number): Period {
  const { year, month } = parsePeriod(period);
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}`;
}

/** A month: long "octubre de 2026" / "October 2026", short "oct. 2026" / "Oct 2026". */
export function formatMonth(period: Period, locale: Locale, style: "long" | "short" = "long"): string {
  const key = `${locale}|${style}|${period}`;
  let text = monthTexts.get(key);
  if (text === undefined) {
    const { year, month } = parsePeriod(period);
    const format = dateFormat(locale, style, { month: style, year: "numeric" });
    text = format.format(new Date(Date.UTC(year, month - 1, 1)));
    monthTexts.set(key, text);
  }
  return text;
}
const monthTexts = new Map<string, string>();

/**
 * A day in words: "10 de abril de 2026" / "April 10, 2026"; short "10 abr. 2026" / "Apr 10, 2026".
 * `date` is `YYYY-MM-DD` (checked when the dataset was read); anything else is returned as is.
 */
export function formatDate(date: string, locale: Locale, style: "long" | "short" = "long"): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return date;
  const format = dateFormat(locale, `day-${style}`, { day: "numeric", month: style, year: "numeric" });
  return format.format(new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))));
}

const collator = new Intl.Collator("es", { sensitivity: "variant", numeric: true });

/** Sorts names the Spanish way ("Áncash" with the A's), numbers in names by value; the same for every locale. */
export function compareNames(a: string, b: string): number {
  return collator.compare(a, b);
}
