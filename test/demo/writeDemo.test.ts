import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { isError } from "../../src/errors.js";
import { writeDemo } from "../../src/demo/writeDemo.js";

const demo = new Map([
  ["dataset.json", '{"name": "Demo", "synthetic": true}\n'],
  ["good-practices/a.md", "# a\n"],
]);

describe("writeDemo", () => {
  let tmp: string;
  beforeAll(() => {
    tmp = mkdtempSync(join(tmpdir(), "semaforo-writedemo-"));
  });
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it("writes the files into a new folder, sub-folders included", () => {
    const out = join(tmp, "new", "demo");
    writeDemo(out, demo);
    expect(readdirSync(out).sort()).toEqual(["dataset.json", "good-practices"]);
    expect(readFileSync(join(out, "good-practices", "a.md"), "utf8")).toBe("# a\n");
  });

  it("replaces an earlier demo, leaving none of its other files", () => {
    const out = join(tmp, "earlier");
    writeDemo(out, demo);
    writeFileSync(join(out, "stray.csv"), "left by an earlier generator\n");
    writeDemo(out, demo);
    expect(readdirSync(out).sort()).toEqual(["dataset.json", "good-practices"]);
  });

  it("refuses a folder that holds anything but a synthetic dataset, and leaves it alone", () => {
    const real = join(tmp, "real");
    writeDemo(real, new Map([["dataset.json", '{"name": "Real", "synthetic": false}\n']]));
    expect(() => writeDemo(real, demo)).toThrow(/real holds files that are not a synthetic dataset/);
    expect(readFileSync(join(real, "dataset.json"), "utf8")).toContain("Real");

    const other = join(tmp, "other");
    writeDemo(other, new Map([["notes.txt", "mine\n"]]));
    let thrown: unknown;
    try {
      writeDemo(other, demo);
    } catch (error) {
      thrown = error;
    }
    expect(isError(thrown, "demoFolderTaken") && thrown.args).toEqual([other]);
    expect(readdirSync(other)).toEqual(["notes.txt"]);
  });
});
