import { afterAll, describe, expect, it } from "@jest/globals";
import { mkdtempSync, readFileSync, rmSync, writeFileSync, cpSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../src/cli/main.js";
import { findProjectRoot } from "../../src/findProjectRoot.js";
import type { ReportView } from "../../src/model.js";
import { captureIo } from "../helpers/io.js";

const TINY = join(findProjectRoot(), "fixtures", "tiny");
const scratch = mkdtempSync(join(tmpdir(), "semaforo-views-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("semaforo views", () => {
  it("writes the views as sorted, pretty JSON to stdout, filtered by --only, in English with --lang en", async () => {
    const io = captureIo();
    const code = await main(
      ["views", "--data", TINY, "--period", "2026-05", "--only", "PE,020003", "--lang", "en"],
      io,
    );
    // Only the note about the dataset's warnings, which validate lists.
    expect(io.stderr()).toMatch(
      /^semaforo: the dataset has 2 warnings \(none stops the reports\); `semaforo validate --data \S+fixtures\/tiny` lists them\.$/,
    );
    expect(code).toBe(0);
    const views = JSON.parse(io.stdout()) as ReportView[];
    expect(views.map((view) => [view.level, view.code, view.locale])).toEqual([
      ["national", "PE", "en"],
      ["district", "020003", "en"],
    ]);
    expect(views[0]?.periodLabel).toBe("May 2026");
    expect(io.stdout().split("\n")[1]).toBe("  {");
    const keys = Object.keys(views[0] as object);
    expect(keys).toEqual([...keys].sort());
  });

  it("writes a file with --out", async () => {
    const io = captureIo();
    const out = join(scratch, "nested", "views.json");
    expect(await main(["views", "--data", TINY, "--period", "2026-05", "--out", out], io)).toBe(0);
    expect((JSON.parse(readFileSync(out, "utf8")) as ReportView[]).length).toBe(9);
    expect(io.stderr()).toMatch(/Wrote 9 views of 2026-05/);
  });

  it("rejects a malformed period and an unknown unit with exit 2", async () => {
    const bad = captureIo();
    expect(await main(["views", "--data", TINY, "--period", "2026-5"], bad)).toBe(2);
    expect(bad.stderr()).toMatch(/YYYY-MM/);
    const unknown = captureIo();
    expect(await main(["views", "--data", TINY, "--period", "2026-05", "--only", "999999"], unknown)).toBe(2);
    expect(unknown.stderr()).toMatch(/999999 is not a unit/);
  });

  it("exits 3 and lists the problems, with file, line and column, when the dataset is invalid", async () => {
    const broken = join(scratch, "broken");
    cpSync(TINY, broken, { recursive: true });
    const results = readFileSync(join(broken, "results.csv"), "utf8").replace(
      "2026-05,010001,",
      "2026-05,01O001,",
    );
    writeFileSync(join(broken, "results.csv"), results);
    const io = captureIo();
    expect(await main(["views", "--data", broken, "--period", "2026-05"], io)).toBe(3);
    expect(io.stderr()).toMatch(/^results\.csv:\d+:\d+: .*01O001/m);
    expect(io.stderr()).toMatch(/invalid dataset \(1 error\)/);
    expect(io.stdout()).toBe("");
  });
});
