import { describe, expect, it } from "@jest/globals";
import { runPublish } from "../../src/cli/commands/publish.js";
import { readDataset } from "../../src/dataset/readDataset.js";
import { CliError } from "../../src/errors.js";
import { readMessages } from "../../src/locale/readMessages.js";
import type { PublishEffects } from "../../src/publish/publishPeriod.js";
import { loadSiteTemplates } from "../../src/publish/loadSiteTemplates.js";
import { captureIo } from "../helpers/io.js";

const effects = (overrides: Partial<PublishEffects>): PublishEffects => ({
  readDataset,
  readMessages: (locale) => readMessages(locale),
  now: () => new Date("2026-06-10T14:00:00Z"),
  templates: () => loadSiteTemplates(),
  write: () => Promise.reject(new Error("must not write")),
  ...overrides,
});

describe("semaforo publish", () => {
  it("stops with exit 3 on an invalid dataset, naming file:line:column, and writes nothing", async () => {
    const io = captureIo();
    const code = await runPublish(
      { data: "x", period: "2026-05", json: false },
      io,
      effects({
        readDataset: () =>
          Promise.resolve({
            dataset: null,
            problems: [
              {
                severity: "error",
                code: "unknown-district",
                file: "results.csv",
                line: 7,
                column: 2,
                message: "district_code 01OO01 is not in units.csv",
              },
            ],
          }),
      }),
    );
    expect(code).toBe(3);
    expect(io.stderr()).toContain("results.csv:7:2");
    expect(io.stderr()).toContain("nothing was published");
  });

  it("refuses a month the dataset has no results for, with the months it has (exit 2)", async () => {
    const io = captureIo();
    const attempt = runPublish({ data: "fixtures/tiny", period: "2026-09", json: false }, io, effects({}));
    await expect(attempt).rejects.toThrow(CliError);
    await expect(attempt).rejects.toMatchObject({
      code: "period-not-in-dataset",
      exitCode: 2,
      message: "fixtures/tiny has no results for 2026-09 (its months: 2025-05 … 2026-05).",
    });
  });

  it("prints one summary line: pages, languages, months, size and folder", async () => {
    const io = captureIo();
    let values = "";
    const code = await runPublish(
      { data: "fixtures/tiny", period: "2026-04", out: "/nonexistent-out", json: false },
      io,
      effects({
        write: (target, files) => {
          values = files.find((f) => f.path === "datos/valores.csv")?.content ?? "";
          expect(target).toBe("/nonexistent-out/2026-04/public");
          return Promise.resolve();
        },
      }),
    );
    expect(code).toBe(0);
    expect(io.stdout()).toMatch(
      /^22 pages \(es, en\) and open data for 5 months, 0\.\d MB in .+ → \/nonexistent-out\/2026-04\/public$/,
    );
    // Every month up to the period, none after it.
    const months = new Set(
      values
        .trim()
        .split("\n")
        .slice(1)
        .map((line) => line.slice(0, 7)),
    );
    expect([...months]).toEqual(["2025-05", "2025-10", "2025-11", "2026-03", "2026-04"]);
    expect(io.stderr()).toContain("has no manifest.json");
    expect(io.stderr()).toContain('states no "license"');
  });
});

describe("the public site's pages", () => {
  it("print every label as text: no [object Object] in any page, in either language", async () => {
    const pages: { path: string; content: string }[] = [];
    const code = await runPublish(
      { data: "fixtures/tiny", period: "2026-04", out: "/nonexistent-out", json: false },
      captureIo(),
      effects({
        write: (_target, files) => {
          pages.push(...files.filter((f) => f.path.endsWith(".html")));
          return Promise.resolve();
        },
      }),
    );
    expect(code).toBe(0);
    const data = pages.filter((p) => /(^|\/)(datos|data)\b|descargas|downloads/.test(p.path));
    expect(pages.length).toBeGreaterThan(0);
    expect(pages.filter((p) => p.content.includes("[object Object]")).map((p) => p.path)).toEqual([]);
    expect(data.some((p) => p.content.includes('<th scope="col">Archivo</th>'))).toBe(true);
  });
});

describe("the data package without a licence or a source", () => {
  it("leaves out `licenses` and `sources` (the spec wants at least one item) and warns", async () => {
    let pkg: Record<string, unknown> = {};
    const io = captureIo();
    await runPublish(
      { data: "fixtures/tiny", period: "2026-05", out: "/nonexistent-out", json: false },
      io,
      effects({
        write: (_target, files) => {
          pkg = JSON.parse(files.find((f) => f.path === "datapackage.json")?.content ?? "{}") as Record<
            string,
            unknown
          >;
          return Promise.resolve();
        },
      }),
    );
    expect(pkg).toMatchObject({ profile: "tabular-data-package", name: "semaforo-escuela" });
    expect(pkg).not.toHaveProperty("licenses");
    expect(pkg).not.toHaveProperty("sources");
    expect(io.stderr()).toContain('dataset.json states no "source"');
  });
});
