import { describe, expect, it } from "@jest/globals";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../src/cli/main.js";
import { makeManifest, makeReport } from "../helpers/manifest.js";
import { captureIo } from "../helpers/io.js";

async function run(...argv: string[]) {
  const io = captureIo();
  const code = await main(["--json", ...argv], io);
  const out = io.stdout();
  return {
    code,
    error: out ? (JSON.parse(out) as { error?: { code: string; message: string } }).error : undefined,
  };
}

describe("flag values that would have been taken as 'all' or as nonsense", () => {
  it("an empty list (--only ,) is a missing value, not every report", async () => {
    for (const argv of [
      ["build", "--data", "fixtures/tiny", "--period", "2026-05", "--only", ","],
      ["views", "--data", "fixtures/tiny", "--period", "2026-05", "--only", " , "],
      ["status", "out/2026-05", "--state", ","],
    ]) {
      expect(await run(...argv)).toMatchObject({ code: 2, error: { code: "missing-flag-value" } });
    }
  });

  it("a build's counts must be whole and in range", async () => {
    const build = ["build", "--data", "fixtures/tiny", "--period", "2026-05"];
    expect(await run(...build, "--concurrency", "0")).toMatchObject({
      code: 2,
      error: { code: "bad-flag-number", message: "--concurrency must be a whole number, 1 or more." },
    });
    expect(await run(...build, "--concurrency", "1.5")).toMatchObject({
      code: 2,
      error: { code: "bad-flag-number" },
    });
    expect(await run(...build, "--restart-every", "-1")).toMatchObject({
      code: 2,
      error: { code: "bad-flag-number" },
    });
    expect(await run(...build, "--timeout", "0")).toMatchObject({
      code: 2,
      error: { code: "bad-flag-number" },
    });
  });

  it("status --only with a code the period does not have is unknown-unit, with a did-you-mean for its case", async () => {
    const dir = join(mkdtempSync(join(tmpdir(), "semaforo-flags-")), "2026-10");
    mkdirSync(dir);
    writeFileSync(
      join(dir, "manifest.json"),
      JSON.stringify(makeManifest([makeReport({ level: "national", code: "PE" })])),
    );
    expect(await run("status", dir, "--only", "999999")).toMatchObject({
      code: 2,
      error: { code: "unknown-flag-unit" },
    });
    const cased = await run("status", dir, "--only", "pe");
    expect(cased).toMatchObject({ code: 2, error: { code: "unknown-flag-unit" } });
    expect(cased.error?.message).toContain("pe (did you mean PE?)");
  });
});
