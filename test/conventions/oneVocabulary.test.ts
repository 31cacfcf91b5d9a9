import { describe, expect, it } from "@jest/globals";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { findProjectRoot } from "../../src/findProjectRoot.js";

const source = (file: string) => readFileSync(join(findProjectRoot(), file), "utf8");

describe("one error vocabulary", () => {
  it("no code is both a dataset problem (problems.ts) and a CLI error (errors.ts)", () => {
    const problemCodes = new Set(
      [...source("src/dataset/problems.ts").matchAll(/\b(?:error|warning)\(\s*"([a-z0-9-]+)"/g)].map(
        (m) => m[1],
      ),
    );
    const errorCodes = new Set(
      [...source("src/errors.ts").matchAll(/\bcode: "([a-z0-9-]+)"/g)].map((m) => m[1]),
    );
    expect(problemCodes.size).toBeGreaterThan(20);
    expect(errorCodes.size).toBeGreaterThan(20);
    expect([...errorCodes].filter((code) => problemCodes.has(code))).toEqual([]);
    // `internal` is the code of every bug (InternalError): no expected error or problem takes it.
    expect(errorCodes.has("internal") || problemCodes.has("internal")).toBe(false);
  });
});
