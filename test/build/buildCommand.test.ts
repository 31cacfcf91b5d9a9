import { describe, expect, it } from "@jest/globals";
import { runBuild } from "../../src/cli/commands/build.js";
import { buildReportSet, type BuildEffects } from "../../src/build/buildReportSet.js";
import { defaultBuildEffects } from "../../src/build/defaultBuildEffects.js";
import { errors } from "../../src/errors.js";
import { appendFileSync, cpSync, existsSync } from "node:fs";
import { join } from "node:path";
import { captureIo } from "../helpers/io.js";
import { fakeBuildEffects, fakePrinter, tmp } from "../archive/fakeBuild.js";

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
      browserVersion: unused,
      launchPrinter: unused,
      archive: defaultBuildEffects().archive,
      now: () => new Date("2026-11-05T15:30:00Z"),
    };
    const io = captureIo();
    expect(await runBuild({ data: "x", period: "2026-10", json: false }, io, effects)).toBe(3);
    expect(io.stderr()).toContain("results.csv:214:3");
    expect(io.stderr()).toContain("nothing was built");
  });

  it("starts the browser at once for a new folder, while the views are made, and closes it when they fail", async () => {
    const calls: string[] = [];
    const printer = fakePrinter();
    const effects: BuildEffects = {
      ...fakeBuildEffects(),
      buildViews: () => {
        calls.push("views");
        throw new Error("a bug in the views");
      },
      launchPrinter: () => {
        calls.push("launch");
        return Promise.resolve({
          ...printer,
          close: () => {
            calls.push("close");
            return printer.close();
          },
        });
      },
    };
    await expect(
      buildReportSet({ dataDir: "fixtures/tiny", period: "2026-05", outDir: tmp() }, effects),
    ).rejects.toThrow("a bug in the views");
    expect(calls).toEqual(["launch", "views", "close"]);
  });

  it("starts the browser only when a report must be printed, and closes it", async () => {
    const outDir = tmp();
    // The tiny dataset with the enabling team as a recipient, so its brief (PDF and CSV) is built too.
    const data = join(tmp(), "data");
    cpSync("fixtures/tiny", data, { recursive: true });
    appendFileSync(join(data, "recipients.csv"), "team,PE,Equipo de acompañamiento,equipo@example.org,es\n");
    const calls: string[] = [];
    const effects: BuildEffects = {
      ...defaultBuildEffects(),
      browserVersion: () => Promise.resolve("Chrome/0.0-test"),
      launchPrinter: () => {
        calls.push("launch");
        const printer = fakePrinter();
        return Promise.resolve({
          ...printer,
          close: () => {
            calls.push("close");
            return printer.close();
          },
        });
      },
    };
    let collections = 0;
    effects.collectGarbage = () => collections++;
    const first = await buildReportSet({ dataDir: data, period: "2026-05", outDir }, effects);
    expect(first.kind === "built" && first.written.some((r) => r.level === "team")).toBe(true);
    expect(calls).toEqual(["launch", "close"]);
    // One full collection every 8 printed reports (11 here), none for reused ones.
    expect(first.kind === "built" && first.written.length).toBe(11);
    expect(collections).toBe(1);
    calls.length = 0;
    const again = await buildReportSet({ dataDir: data, period: "2026-05", outDir }, effects);
    expect(again.kind === "built" && [again.written.length, again.reused.length]).toEqual([
      0,
      first.kind === "built" ? first.written.length : -1,
    ]);
    expect(calls).toEqual([]);
    expect(collections).toBe(1);
  });

  it("stops the build when the browser cannot start, or starts as another version than its keys name", async () => {
    const failing: BuildEffects = {
      ...defaultBuildEffects(),
      browserVersion: () => Promise.resolve("Chrome/0.0-test"),
      launchPrinter: () =>
        Promise.reject(errors.browserLaunchFailed("/usr/bin/chromium", "Chromium did not start")),
    };
    await expect(
      buildReportSet({ dataDir: "fixtures/tiny", period: "2026-05", outDir: tmp() }, failing),
    ).rejects.toThrow("Chromium did not start");
    const updated: BuildEffects = {
      ...defaultBuildEffects(),
      browserVersion: () => Promise.resolve("Chrome/1.0.0.0"),
      launchPrinter: () => Promise.resolve({ ...fakePrinter(), browserVersion: "Chrome/2.0.0.0" }),
    };
    const outDir = tmp();
    await expect(
      buildReportSet({ dataDir: "fixtures/tiny", period: "2026-05", outDir }, updated),
    ).rejects.toMatchObject({ code: "browser-changed", exitCode: 2 });
    expect(existsSync(join(outDir, "2026-05", "manifest.json"))).toBe(false);
  });

  it("rejects a malformed period with exit 2", async () => {
    await expect(runBuild({ data: "x", period: "2026-13", json: false }, captureIo())).rejects.toMatchObject({
      exitCode: 2,
    });
  });

  it("stops with exit 2 when --only and --level together match no report, naming both, leaving no browser open", async () => {
    let open = 0;
    const printer = fakePrinter();
    const effects: BuildEffects = {
      ...fakeBuildEffects(),
      launchPrinter: () => {
        open += 1;
        return Promise.resolve({ ...printer, close: () => ((open -= 1), printer.close()) });
      },
    };
    const outDir = tmp();
    await expect(
      buildReportSet(
        { dataDir: "fixtures/tiny", period: "2026-05", outDir, only: ["PE"], level: "district" },
        effects,
      ),
    ).rejects.toMatchObject({
      code: "no-report-matches",
      exitCode: 2,
      message: expect.stringContaining("--only PE --level district") as unknown as string,
    });
    expect(open).toBe(0);
    expect(existsSync(join(outDir, "2026-05", "manifest.json"))).toBe(false);
  });
});
