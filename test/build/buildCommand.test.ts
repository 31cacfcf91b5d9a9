import { describe, expect, it } from "@jest/globals";
import { runBuild } from "../../src/cli/commands/build.js";
import type { BuildEffects } from "../../src/build/buildReportSet.js";
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

  it("rejects a malformed period with exit 2", async () => {
    await expect(runBuild({ data: "x", period: "2026-13", json: false }, captureIo())).rejects.toMatchObject({
      exitCode: 2,
    });
  });
});
