import { LEVELS, NATIONAL_CODE, type Level, type Problem } from "../model.js";
import { checkDistrict, checkRegion, checkUnit, type Known } from "./known.js";
import { at, problems, type Location } from "./problems.js";

export const isLevel = (value: string): value is Level => (LEVELS as readonly string[]).includes(value);

/**
 * Checks a (level, code) pair: the level is known, and the code is PE, a region or a district.
 * `recipient` reports unknown codes as recipient problems (`unknown-unit`).
 */
export function checkLevelCode(
  known: Known,
  level: string,
  code: string,
  levelAt: Location,
  codeAt: Location,
  recipient = false,
): Problem | null {
  if (!isLevel(level)) return at(levelAt, problems.unknownLevel(level));
  if (level === "national")
    return code === NATIONAL_CODE ? null : at(codeAt, problems.unknownNationalCode(code));
  if (recipient) return checkUnit(known, level, code, codeAt);
  return level === "region" ? checkRegion(known, code, codeAt) : checkDistrict(known, code, codeAt);
}
