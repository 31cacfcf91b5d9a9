import { errors, type NUMBER_RULES } from "../errors.js";

const FITS: Record<keyof typeof NUMBER_RULES, (n: number) => boolean> = {
  number: (n) => Number.isFinite(n),
  nonNegative: (n) => Number.isFinite(n) && n >= 0,
  positive: (n) => Number.isFinite(n) && n > 0,
  count: (n) => Number.isInteger(n) && n >= 1,
  wholeNonNegative: (n) => Number.isInteger(n) && n >= 0,
};

/** A numeric flag's value checked against its rule (`bad-number`, exit 2, otherwise); undefined passes. */
export function numberFlag<V extends number | undefined>(
  value: V,
  flag: string,
  rule: keyof typeof NUMBER_RULES,
  command: string,
): V {
  if (value !== undefined && !FITS[rule](value)) throw errors.badNumber(`--${flag}`, rule, command);
  return value;
}
