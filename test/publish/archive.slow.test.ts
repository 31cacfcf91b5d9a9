import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../src/cli/main.js";
import type { Manifest } from "../../src/model.js";
import { captureIo } from "../helpers/io.js";

// Publishing archives the site like the PDFs: the manifest lists every public file with its hash,
// verify checks them, and a rebuild keeps the listing.
const PERIOD = "2026-05";
let out = "";
const periodDir = () => join(out, PERIOD);
const manifest = () => JSON.parse(readFileSync(join(periodDir(), "manifest.json"), "utf8")) as Manifest;

beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), "semaforo-publish-archive-"));
  expect(
    await main(["build", "--data", "fixtures/tiny", "--period", PERIOD, "--out", out], captureIo()),
  ).toBe(0);
  expect(
    await main(["publish", "--data", "fixtures/tiny", "--period", PERIOD, "--out", out], captureIo()),
  ).toBe(0);
}, 180_000);

afterAll(() => rmSync(out, { recursive: true, force: true }));

describe("publish, archived", () => {
  it("lists every public file in the manifest with its sha256 and size", () => {
    const listing = JSON.parse(readFileSync(join(periodDir(), "public", "files.json"), "utf8")) as {
      files: { path: string }[];
    };
    const files = manifest().public?.files ?? [];
    expect(files.map((f) => f.path)).toEqual(
      [...listing.files.map((f) => `public/${f.path}`), "public/files.json"].sort(),
    );
    expect(files.find((f) => f.path === "public/index.html")).toMatchObject({
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      bytes: readFileSync(join(periodDir(), "public", "index.html")).byteLength,
    });
  });

  it("verify passes, and names a public file changed after publishing (exit 4)", async () => {
    const ok = captureIo();
    expect(await main(["verify", periodDir()], ok)).toBe(0);
    const page = join(periodDir(), "public", "index.html");
    const original = readFileSync(page);
    writeFileSync(page, Buffer.concat([original, Buffer.from("<!-- edited -->")]));
    try {
      const io = captureIo();
      expect(await main(["verify", periodDir()], io)).toBe(4);
      expect(io.stderr()).toMatch(
        /public\/index\.html: sha256: [0-9a-f]{64} on disk, published as [0-9a-f]{64} \(public\/files\.json\)/,
      );
      expect(io.stderr()).toContain("public/index.html: size:");
    } finally {
      writeFileSync(page, original);
    }
  });

  it("a rebuild keeps the public listing, and the set still verifies", async () => {
    const before = manifest().public;
    expect(
      await main(
        ["build", "--data", "fixtures/tiny", "--period", PERIOD, "--out", out, "--only", "010001"],
        captureIo(),
      ),
    ).toBe(0);
    expect(manifest().public).toEqual(before);
    expect(await main(["verify", periodDir()], captureIo())).toBe(0);
  }, 120_000);
});
