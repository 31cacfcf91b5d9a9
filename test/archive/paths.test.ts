import { describe, expect, it } from "@jest/globals";
import { createHash } from "node:crypto";
import {
  appendFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { reportFile } from "../../src/archive/reportFile.js";
import { MAX_SLUG, slugify } from "../../src/archive/slugify.js";
import { runBuild } from "../../src/cli/commands/build.js";
import { main } from "../../src/cli/main.js";
import { captureIo } from "../helpers/io.js";
import { fakeBuildEffects } from "./fakeBuild.js";

/** The tiny fixture built by the real build command, with a printer that needs no Chromium. */
const effects = fakeBuildEffects();

const TRAP = "../../2026-04/district/010001-ugel-chachapoyas";

describe("codes reach no file path unchecked", () => {
  it("refuses a code that is not letters, digits, - or _ (bounded), and bounds the slug", () => {
    expect(() => reportFile("district", TRAP, "UGEL Trampa", "es")).toThrow(
      expect.objectContaining({ code: "unsafe-code", exitCode: 2 }),
    );
    for (const code of ["", "a/b", "a.b", "a\0b", "x".repeat(33), "ü"])
      expect(() => reportFile("district", code, "n", "es")).toThrow(
        expect.objectContaining({ code: "unsafe-code" }),
      );
    expect(reportFile("district", "ABC_12-x", "n", "es")).toBe("district/ABC_12-x-n.pdf");
    const long = slugify("UGEL ".repeat(2_000));
    expect(long.length).toBeLessThanOrEqual(MAX_SLUG);
    expect(long).toMatch(/^ugel(-ugel)*$/);
    expect(slugify("Aija\0\u0007 Norte")).toBe("aija-norte");
  });

  it("a units.csv code that climbs out of the period stops the build (exit 2) and April's archive stays as it was", async () => {
    const root = mkdtempSync(join(tmpdir(), "semaforo-paths-"));
    const data = join(root, "data");
    const out = join(root, "out");
    cpSync("fixtures/tiny", data, { recursive: true });
    expect(await runBuild({ data, period: "2026-04", out, json: false }, captureIo(), effects)).toBe(0);
    const april = (dir: string) =>
      readdirSync(dir, { recursive: true })
        .map(String)
        .sort()
        .map((f) =>
          f.endsWith(".pdf")
            ? `${f} ${createHash("sha256")
                .update(readFileSync(join(dir, f)))
                .digest("hex")}`
            : f,
        );
    const before = april(join(out, "2026-04"));

    appendFileSync(join(data, "units.csv"), `${TRAP},UGEL Trampa,010000,DRE Amazonas\n`);
    const io = captureIo();
    // main() would report the error with its exit code; runBuild throws it.
    const exit = await runBuild({ data, period: "2026-05", out, json: false }, io, effects).catch(
      (error: { exitCode: number; message: string }) => {
        io.err(error.message);
        return error.exitCode;
      },
    );
    // 2 from the archive's own check; 3 once `validate` refuses such codes first (the dataset's rule).
    expect([2, 3]).toContain(exit);
    expect(io.stderr()).toContain(TRAP);
    expect(existsSync(join(out, "2026-05"))).toBe(false);
    expect(april(join(out, "2026-04"))).toEqual(before);
    expect(await main(["verify", join(out, "2026-04")], captureIo())).toBe(0);
  });

  it("verify refuses a manifest that points outside its period folder (exit 2), reading nothing there", async () => {
    const root = mkdtempSync(join(tmpdir(), "semaforo-paths-"));
    const out = join(root, "out");
    expect(
      await runBuild({ data: "fixtures/tiny", period: "2026-05", out, json: false }, captureIo(), effects),
    ).toBe(0);
    const file = join(out, "2026-05", "manifest.json");
    const manifest = JSON.parse(readFileSync(file, "utf8")) as { reports: { file: string }[] };
    (manifest.reports[0] as { file: string }).file = "../2026-04/national/PE-peru.pdf";
    writeFileSync(file, JSON.stringify(manifest));
    const io = captureIo();
    expect(await main(["verify", join(out, "2026-05")], io)).toBe(2);
    expect(io.stderr()).toContain("reports.0.file: points outside the period folder");
    expect(io.stderr()).not.toContain("This is a bug");
  });

  it("refuses a level folder that is a symbolic link out of the period, in build and in verify", async () => {
    const root = mkdtempSync(join(tmpdir(), "semaforo-paths-"));
    const out = join(root, "out");
    expect(
      await runBuild({ data: "fixtures/tiny", period: "2026-05", out, json: false }, captureIo(), effects),
    ).toBe(0);
    const elsewhere = join(root, "elsewhere");
    mkdirSync(elsewhere);
    renameSync(join(out, "2026-05", "region"), join(elsewhere, "region"));
    symlinkSync(join(elsewhere, "region"), join(out, "2026-05", "region"));
    const before = readdirSync(join(elsewhere, "region")).map((f) =>
      readFileSync(join(elsewhere, "region", f)),
    );

    await expect(
      runBuild({ data: "fixtures/tiny", period: "2026-05", out, json: false }, captureIo(), effects),
    ).rejects.toMatchObject({ code: "outside-period", exitCode: 2 });
    // Refused before anything was put in place: no half-done commit is left.
    expect(readdirSync(join(out, "2026-05")).sort()).toEqual([
      "district",
      "manifest.json",
      "national",
      "region",
    ]);
    expect(
      readdirSync(join(elsewhere, "region")).map((f) => readFileSync(join(elsewhere, "region", f))),
    ).toEqual(before);
    const io = captureIo();
    expect(await main(["verify", join(out, "2026-05")], io)).toBe(2);
    expect(io.stderr()).toContain("lies outside the period folder");
  });
});
