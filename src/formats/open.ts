import { z } from "zod";

/**
 * An object schema that keeps the fields it does not know (zod's `loose`), typed as the plain
 * object: known fields are checked and typed, unknown ones ride along at run time, so a rewrite
 * through the schema (or a spread of what it returned) never drops a field added by a newer
 * version or by hand. The type carries no index signature, so the inferred types stay as strict
 * as hand-written interfaces.
 */
export function open<Shape extends z.ZodRawShape>(shape: Shape): z.ZodObject<Shape> {
  return z.object(shape).loose();
}

/**
 * The fields of `value` that `schema` does not define (kept by an `open` schema when it was read):
 * what a rewrite that builds the object again must carry over so that they are not dropped.
 */
export function extraFields(value: object, schema: z.ZodObject): Record<string, unknown> {
  const known = new Set(Object.keys(schema.shape));
  return Object.fromEntries(Object.entries(value).filter(([key]) => !known.has(key)));
}

/**
 * `next` with what `previous` holds that `schema` does not define, at its top level and inside
 * every object field the schema defines (`dataset`, `tool`…): how a rewrite that builds an object
 * afresh from this version's knowledge keeps a newer version's fields.
 */
export function keepUnknown<T extends object>(previous: object, next: T, schema: z.ZodObject): T {
  const result: Record<string, unknown> = { ...extraFields(previous, schema), ...next };
  const before = previous as Record<string, unknown>;
  for (const [key, field] of Object.entries(schema.shape)) {
    const inner = unwrap(field as z.ZodType);
    const was = before[key];
    const now = result[key];
    if (inner instanceof z.ZodObject && isRecord(was) && isRecord(now))
      result[key] = keepUnknown(was, now, inner);
  }
  return result as T;
}

/** The schema inside `.optional()` / `.default()`. */
function unwrap(schema: z.ZodType): z.ZodType {
  let current = schema;
  while (current instanceof z.ZodOptional || current instanceof z.ZodDefault)
    current = current.def.innerType as z.ZodType;
  return current;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);
