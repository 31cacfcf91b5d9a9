import type { Level } from "../model.js";
import { checkPhone, type PhoneRules } from "../rules/checkPhone.js";
import { checkCode } from "./checkCode.js";
import { checkName } from "./checkName.js";
import { filled, optional, type CellContext, type Column } from "./csvSchema.js";
import { checkDistrict, checkIndicator, type Known } from "./known.js";
import { isLevel } from "./parseLevel.js";
import { checkPeriod, checkYear, MAX_COUNT, parseCount, parseDecimal } from "./parseNumber.js";
import { problems } from "./problems.js";

/**
 * The cell parsers the CSV schemas are written with: each turns a cell's text into a value or
 * reports, through the catalogue, why it cannot.
 */

/** Any text, empty included. */
export const anyText = (): Column<string> => ({ parse: (raw) => raw });

/** A name shown in reports (the name rule); kept when bad, so the row is still known. */
const nameOf = (raw: string, cell: CellContext): string => {
  const reason = checkName(raw);
  if (reason) cell.problem(problems.badName(cell.column, raw, reason));
  return raw;
};
export const name = (): Column<string> => filled(nameOf);
export const optionalName = (): Column<string | undefined> => optional(nameOf);

/** A code that becomes part of file names (letters, digits, - and _); kept when bad, so the row is still known. */
export const code = (): Column<string> =>
  filled((raw, cell) => {
    const reason = checkCode(raw);
    if (reason) cell.problem(problems.badCode(cell.column, raw, reason));
    return raw;
  });

/** `YYYY-MM` in the years accepted. */
export const period = (): Column<string> => ({
  parse: (raw, cell) => {
    const bad = checkPeriod(raw);
    if (bad) cell.problem(bad);
    return bad ? null : raw;
  },
});

/** A four-digit year in the years accepted. */
export const year = (): Column<number> => ({
  parse: (raw, cell) => {
    const bad = checkYear(raw);
    if (bad) cell.problem(bad);
    return bad ? null : Number(raw);
  },
});

/** `YYYY-MM-DD`, a real calendar day, not after `today` when given. */
export const date = (today?: string): Column<string> => ({
  parse: (raw, cell) => {
    if (!isDate(raw)) cell.problem(problems.badDate(raw));
    else if (today !== undefined && raw > today) cell.problem(problems.futureDate(raw, today));
    else return raw;
    return null;
  },
});

/** A district code of units.csv (unknown ones get a suggestion). */
export const district = (known: Known): Column<string> => ({
  parse: (raw, cell) => {
    const problem = checkDistrict(known, raw, cell.where);
    cell.add(problem);
    return problem ? null : raw;
  },
});

/** An indicator id of indicators.json. */
export const indicator = (known: Known): Column<string> => ({
  parse: (raw, cell) => {
    const problem = checkIndicator(known, raw, cell.where);
    cell.add(problem);
    return problem ? null : raw;
  },
});

/** national, region or district (the unit is checked with its code, across columns). */
export const level = (): Column<Level> => ({
  parse: (raw, cell) => {
    if (isLevel(raw)) return raw;
    cell.problem(problems.unknownLevel(raw));
    return null;
  },
});

/** One of `values`; anything else is `problem`. */
export const oneOf = <T extends string>(
  values: readonly T[],
  problem: (raw: string) => ReturnType<typeof problems.unknownLevel>,
): Column<T> => ({
  parse: (raw, cell) => {
    if ((values as readonly string[]).includes(raw)) return raw as T;
    cell.problem(problem(raw));
    return null;
  },
});

/** A count: a whole number from 0 to MAX_COUNT, never empty. */
export const count = (decimal: "." | ","): Column<number> =>
  filled((raw, cell) => {
    const parsed = parseCount(raw, decimal);
    if (parsed.ok) return parsed.value;
    const column = cell.column;
    cell.problem(
      parsed.reason === "negative"
        ? problems.negativeCount(column, raw)
        : parsed.reason === "non-integer"
          ? problems.nonIntegerCount(column, raw)
          : parsed.reason === "too-large"
            ? problems.countTooLarge(column, raw, MAX_COUNT)
            : problems.badNumber(column, raw, decimal),
    );
    return null;
  });

/** A number in the dataset's dialect; `range` bounds it (`outOfRange` says how). */
export const decimalOf =
  (
    decimal: "." | ",",
    range?: { outOfRange: (column: string, value: number) => ReturnType<typeof problems.outOfRange> },
  ) =>
  (raw: string, cell: CellContext): number | null => {
    const value = parseDecimal(raw, decimal);
    if (value === null) cell.problem(problems.badNumber(cell.column, raw, decimal));
    else if (range && (value < 0 || value > 100)) cell.problem(range.outOfRange(cell.column, value));
    else return value;
    return null;
  };

/** A percentage, 0–100, never empty. */
export const percent = (decimal: "." | ",", outOfRange = problems.outOfRange): Column<number> =>
  filled(decimalOf(decimal, { outOfRange }));

/** A percentage, 0–100, or empty. */
export const optionalPercent = (
  decimal: "." | ",",
  outOfRange = problems.outOfRange,
): Column<number | undefined> => optional(decimalOf(decimal, { outOfRange }));

/** A coefficient of variation in %: a finite number 0 or more, or empty. */
export const cv = (decimal: "." | ","): Column<number | undefined> =>
  optional((raw, cell) => {
    const value = decimalOf(decimal)(raw, cell);
    if (value === null) return null;
    const reason = !Number.isFinite(value) ? "is too large" : value < 0 ? "is negative" : null;
    if (!reason) return value;
    cell.problem(problems.badCv(raw, reason));
    return null;
  });

/** A mobile number for SMS, in E.164 (`+519…`), or empty. */
export const phone = (rules: PhoneRules): Column<string | undefined> =>
  optional((raw, cell) => {
    const checked = checkPhone(raw, rules);
    if (checked.ok) return checked.phone;
    cell.problem(problems.invalidPhone(cell.column, raw, checked.reason));
    return null;
  });

/** `YYYY-MM-DD`, a real calendar day. */
function isDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === value;
}
