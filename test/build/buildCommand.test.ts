import { describe, expect, it } from "@jest/globals";
import { runBuild } from "../../src/cli/commands/build.js";
import { buildReportSet, type BuildEffects } from "../../src/build/buildReportSet.js";
import { defaultBuildEffects } from "../../src/build/defaultBuildEffects.js";
import { errors } from "../../src/errors.js";
import type { Printer } from "../../src/pdf/launchPrinter.js";
import { captureIo } from "../helpers/io.js";

const unused = () => {
  throw new Error("must not be called for an invalid dataset");
};

describe("semaforo build", () => {
  it("stops with exit 3 on an invalid dataset, listing the problems, before launching any browser", async () => {
    const effects: BuildEffects = {
      readDataset: () =>
        Promise.resolve({
          dataset: null,
          problems: [
            {
              severity: "error",
              code: "unknown-district",
              file: "results.csv",
              line: 214,
              column: 3,
              message: "district_code 15O102 is not in units.csv",
            },
          ],
        }),
      readMessages: unused,
      buildViews: unused,
      makeRenderer: unused,
      launchPrinter: unused,
      now: () => new Date("2026-11-05T15:30:00Z"),
    };
    const io = captureIo();
    expect(await runBuild({ data: "x", period: "2026-10", json: false }, io, effects)).toBe(3);
    expect(io.stderr()).toContain("results.csv:214:3");
    expect(io.stderr()).toContain("nothing was built");
  });

  it("launches the browser while the views are made, and closes it when making them fails", async () => {
    const calls: string[] = [];
    const printer: Printer = {
      browserVersion: "Chrome/0",
      concurrency: 1,
      print: () => Promise.reject(new Error("nothing is printed")),
      close: () => {
        calls.push("close");
        return Promise.resolve();
      },
      kill: () => {},
      pids: () => [],
    };
    const effects: BuildEffects = {
      ...defaultBuildEffects(),
      buildViews: () => {
        calls.push("views");
        throw new Error("a bug in the views");
      },
      launchPrinter: () => {
        calls.push("launch");
        return Promise.resolve(printer);
      },
    };
    await expect(buildReportSet({ dataDir: "fixtures/tiny", period: "2026-05" }, effects)).rejects.toThrow(
      "a bug in the views",
    );
    expect(calls).toEqual(["launch", "views", "close"]);
  });

  it("reports a browser that cannot start, even when it fails while the views are made", async () => {
    const effects: BuildEffects = {
      ...defaultBuildEffects(),
      launchPrinter: () =>
        Promise.reject(errors.browserLaunchFailed("/usr/bin/chromium", "Chromium did not start")),
    };
    await expect(buildReportSet({ dataDir: "fixtures/tiny", period: "2026-05" }, effects)).rejects.toThrow(
      "Chromium did not start",
    );
  });

  it("rejects a malformed period with exit 2", async () => {
    await expect(runBuild({ data: "x", period: "2026-13", json: false }, captureIo())).rejects.toMatchObject({
      exitCode: 2,
    });
  });
});
