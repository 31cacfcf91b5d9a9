import { errors } from "../errors.js";

/**
 * A comma-separated flag value (`--only 150102,PE`, `--state sent,failed`) as its items; undefined
 * when the flag is absent. Given but empty (`--only ,`) is `missing-value`, never "all".
 */
export function codeList(value: string | undefined, flag: string, command: string): string[] | undefined {
  if (value === undefined) return undefined;
  const items = value
    .split(",")
    .map((item) => item.trim())
    .filter((item) => item !== "");
  if (items.length === 0) throw errors.missingValue(flag, command);
  return items;
}
