import { describe, expect, it } from "@jest/globals";
import { readFile } from "node:fs/promises";
import { buildConfigJsonSchema } from "../../src/config/buildConfigJsonSchema.js";

describe("schema/semaforo.config.schema.json", () => {
  it("is up to date with the zod schema (regenerate: npm run build && node schema/generate.js)", async () => {
    const shipped: unknown = JSON.parse(await readFile("schema/semaforo.config.schema.json", "utf8"));
    expect(shipped).toEqual(buildConfigJsonSchema());
  });

  it("describes every top-level key and forbids unknown ones", () => {
    const schema = buildConfigJsonSchema() as {
      properties: Record<string, unknown>;
      additionalProperties: unknown;
    };
    expect(Object.keys(schema.properties).sort()).toEqual(
      ["$schema", "concurrency", "data", "email", "out", "rate", "sms", "smtp", "team", "thresholds"].sort(),
    );
    expect(schema.additionalProperties).toBe(false);
  });
});
