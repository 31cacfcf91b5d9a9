import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../src/cli/main.js";
import { captureIo } from "../helpers/io.js";

// #27 item 10: `views --out` never writes inside an archived period folder, and a folder given as
// --out is a clear error (exit 2), not "EISDIR … This is a bug".

let root = "";
const MANIFEST = '{"version":1,"an":"archived manifest"}\n';
const views = async (...args: string[]) => {
  const io = captureIo();
  const code = await main(["views", "--data", "fixtures/tiny", "--period", "2026-05", ...args], io);
  return { code, stdout: io.stdout(), stderr: io.stderr() };
};

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), "semaforo-views-out-"));
  mkdirSync(join(root, "out", "2026-05", "district"), { recursive: true });
  writeFileSync(join(root, "out", "2026-05", "manifest.json"), MANIFEST);
  symlinkSync(join(root, "out", "2026-05"), join(root, "link"));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("views --out", () => {
  it.each([
    ["out/2026-05/manifest.json"],
    ["out/2026-05/district/x.json"],
    ["out/2026-05/new/deeper/views.json"],
    ["link/manifest.json"],
  ])(
    "refuses %s, inside an archived period: exit 2, the manifest unchanged",
    async (target) => {
      for (const json of [[], ["--json"]]) {
        const { code, stdout, stderr } = await views("--out", join(root, target), ...json);
        expect(code).toBe(2);
        expect(`${stdout}${stderr}`).toMatch(/lies inside the archived period folder .*Nothing was written/);
        expect(`${stdout}${stderr}`).not.toMatch(/This is a bug/);
      }
      expect(readFileSync(join(root, "out", "2026-05", "manifest.json"), "utf8")).toBe(MANIFEST);
    },
    30_000,
  );

  it("a folder is a clear error (exit 2), with --json an error document", async () => {
    const plain = await views("--out", join(root, "out"));
    expect(plain.code).toBe(2);
    expect(plain.stderr).toMatch(/is a folder; it takes the name of the file to write/);
    const json = await views("--out", join(root, "out"), "--json");
    expect(JSON.parse(json.stdout)).toMatchObject({ error: { code: "out-is-folder", exitCode: 2 } });
  }, 30_000);

  it("writes elsewhere; under --json one document on stdout and nothing on stderr", async () => {
    const target = join(root, "views.json");
    const { code, stdout, stderr } = await views("--out", target, "--json");
    expect(code).toBe(0);
    expect(stderr).toBe("");
    expect(JSON.parse(stdout)).toMatchObject({ ok: true, period: "2026-05", out: target, views: 9 });
    expect((JSON.parse(readFileSync(target, "utf8")) as unknown[]).length).toBe(9);
  }, 30_000);
});
