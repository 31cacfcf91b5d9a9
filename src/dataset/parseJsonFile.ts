import type { z } from "zod";
import type { Problem } from "../model.js";
import { JsonSyntaxError, parseJson, type JsonPath, type Position } from "./parseJson.js";
import { at, problems } from "./problems.js";

const pathText = (path: readonly PropertyKey[]) =>
  path.reduce<string>(
    (text, key) => (typeof key === "number" ? `${text}[${key}]` : `${text}${text ? "." : ""}${String(key)}`),
    "",
  ) || "(top level)";

const valueAt = (value: unknown, path: readonly PropertyKey[]): unknown =>
  path.reduce<unknown>(
    (node, key) =>
      node !== null && typeof node === "object" ? (node as Record<PropertyKey, unknown>)[key] : undefined,
    value,
  );

/** Parses a JSON file against a zod schema; every issue becomes a problem at its key's line and column. */
export function parseJsonFile<T>(
  text: string,
  file: string,
  schema: z.ZodType<T>,
): { value: T | null; raw: unknown; problems: Problem[]; locate: (path: JsonPath) => Position } {
  let located;
  try {
    located = parseJson(text);
  } catch (error) {
    if (error instanceof JsonSyntaxError) {
      return {
        value: null,
        raw: undefined,
        problems: [at({ file, ...error.position }, error.problem)],
        locate: () => ({ line: 1, column: 1 }),
      };
    }
    throw error;
  }
  const result = schema.safeParse(located.value);
  if (result.success) return { value: result.data, raw: located.value, problems: [], locate: located.locate };
  const found = result.error.issues.map((issue) => {
    const missing = issue.code === "invalid_type" && valueAt(located.value, issue.path) === undefined;
    const detail = missing ? "is missing" : issue.message;
    const path = issue.path.length ? issue.path : [];
    return at({ file, ...located.locate(path) }, problems.badSchema(pathText(path), detail));
  });
  return { value: null, raw: located.value, problems: found, locate: located.locate };
}
