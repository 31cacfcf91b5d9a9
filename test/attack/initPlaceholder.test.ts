import { afterAll, describe, expect, it } from "@jest/globals";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../src/cli/main.js";
import { captureIo } from "../helpers/io.js";

// #28 item 10: init's placeholder description does not pass validate (so it never reaches
// datapackage.json), and the folder's README explains license, source and timeZone.

const root = mkdtempSync(join(tmpdir(), "semaforo-init-placeholder-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("semaforo init, then validate", () => {
  it("flags the placeholder description with file, line and column until it is replaced", async () => {
    const dir = join(root, "data");
    expect(await main(["init", dir], captureIo())).toBe(0);
    const file = join(dir, "dataset.json");
    const config = JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>;
    config.name = "Semáforo Escuela — Perú";
    writeFileSync(file, JSON.stringify(config, null, 2));
    const before = captureIo();
    expect(await main(["validate", "--data", dir], before)).toBe(3);
    expect(before.stdout() + before.stderr()).toMatch(
      /dataset\.json:3:\d+: .*description.*is still the placeholder that semaforo init wrote/,
    );
    config.description = "Resultados mensuales del monitoreo de escuelas (MINEDU).";
    writeFileSync(file, JSON.stringify(config, null, 2));
    const after = captureIo();
    await main(["validate", "--data", dir], after);
    expect(after.stdout() + after.stderr()).not.toMatch(/description.*placeholder/);
  }, 30_000);

  it("explains license, source, timeZone and description in the folder's README", async () => {
    const dir = join(root, "readme");
    expect(await main(["init", dir], captureIo())).toBe(0);
    const readme = readFileSync(join(dir, "README.md"), "utf8");
    for (const key of ["license", "source", "timeZone", "description"])
      expect(readme).toMatch(new RegExp(`\\| \`${key}\``));
  }, 30_000);
});
