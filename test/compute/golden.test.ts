import { afterAll, afterEach, describe, expect, it } from "@jest/globals";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { expectGolden, GOLDEN_DIR } from "../helpers/golden.js";

const NAME = "golden-helper-selftest.json";
const FILE = join(GOLDEN_DIR, NAME);
const CHANGED = join(GOLDEN_DIR, "golden-helper-selftest-changed.json");
const ci = process.env.CI;
const update = process.env.UPDATE_GOLDEN;
// These tests check each mode themselves, also when the suite runs under `npm run golden:update`.
delete process.env.UPDATE_GOLDEN;

afterEach(() => {
  delete process.env.UPDATE_GOLDEN;
  rmSync(FILE, { force: true });
  rmSync(CHANGED, { force: true });
  if (ci === undefined) delete process.env.CI;
  else process.env.CI = ci;
});

describe("expectGolden", () => {
  it("writes a missing golden file outside CI, then passes on the same output", () => {
    process.env.CI = "false";
    expectGolden(NAME, { b: 1, a: [2, 1] });
    expect(readFileSync(FILE, "utf8")).toBe('{\n  "a": [\n    2,\n    1\n  ],\n  "b": 1\n}\n');
    expect(() => expectGolden(NAME, { a: [2, 1], b: 1 })).not.toThrow();
  });

  it("fails on a missing golden file under CI=true, writing nothing", () => {
    process.env.CI = "true";
    expect(() => expectGolden(NAME, { a: 1 })).toThrow(/missing/);
    expect(existsSync(FILE)).toBe(false);
  });

  it("fails on a mismatch and writes the -changed file", () => {
    process.env.CI = "false";
    expectGolden(NAME, { a: 1 });
    expect(() => expectGolden(NAME, { a: 2 })).toThrow(/line 2/);
    expect(readFileSync(CHANGED, "utf8")).toBe('{\n  "a": 2\n}\n');
  });

  it("overwrites the golden file with UPDATE_GOLDEN=1 (npm run golden:update), never under CI=true", () => {
    process.env.CI = "false";
    expectGolden(NAME, { a: 1 });
    process.env.UPDATE_GOLDEN = "1";
    expect(() => expectGolden(NAME, { a: 2 })).not.toThrow();
    expect(readFileSync(FILE, "utf8")).toBe('{\n  "a": 2\n}\n');
    process.env.CI = "true";
    expect(() => expectGolden(NAME, { a: 3 })).toThrow(/line 2/);
  });
});

afterAll(() => {
  if (update !== undefined) process.env.UPDATE_GOLDEN = update;
});
