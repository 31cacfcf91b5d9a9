import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { runBuild } from "../../src/cli/commands/build.js";
import { main } from "../../src/cli/main.js";
import { fakeBuildEffects } from "../archive/fakeBuild.js";
import { captureIo } from "../helpers/io.js";

// #27 items 6 and 13, #28 item 4: verify checks the whole period folder ("nothing missing or
// extra"), counts PDFs as PDFs, and the work folder of a publish killed with SIGKILL is removed by
// verify and by the next publish. The build uses a printer without Chromium; publish is real.

/** The real binary (dist/: `npm run build` makes it), for a process the test can kill. */
const BIN = resolve("bin/semaforo.js");
const PERIOD = "2026-05";
let out = "";
const periodDir = () => join(out, PERIOD);

async function verify(...flags: string[]) {
  const io = captureIo();
  const code = await main(["verify", periodDir(), ...flags], io);
  return { code, stdout: io.stdout(), stderr: io.stderr() };
}

beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), "semaforo-verify-folder-"));
  expect(
    await runBuild(
      { data: "fixtures/tiny", period: PERIOD, out, json: false },
      captureIo(),
      fakeBuildEffects(),
    ),
  ).toBe(0);
  expect(
    await main(["publish", "--data", "fixtures/tiny", "--period", PERIOD, "--out", out], captureIo()),
  ).toBe(0);
}, 120_000);

afterAll(() => rmSync(out, { recursive: true, force: true }));

describe("verify, the whole folder", () => {
  it("counts PDFs as PDFs and public files apart", async () => {
    const { code, stdout } = await verify();
    expect(code).toBe(0);
    expect(stdout).toMatch(/: 10 PDFs and \d+ public files verified, nothing missing or extra/);
    const json = JSON.parse((await verify("--json")).stdout) as Record<string, number>;
    expect(json).toMatchObject({ ok: true, pdfs: 10 });
    expect(json.publicFiles).toBeGreaterThan(10);
    expect(json.checked).toBe(json.pdfs! + json.publicFiles!);
  }, 60_000);

  it.each([
    [
      "public/evil.html",
      "<script>alert(1)</script>",
      /public\/evil\.html: unexpected: .*public\/files\.json/,
    ],
    ["public/datos/extra.csv", "a,b\n", /public\/datos\/extra\.csv: unexpected/],
    ["notes.txt", "hello", /notes\.txt: unexpected: not part of the archived set/],
    [".hidden/evil.pdf", "%PDF-1.4", /\.hidden\/evil\.pdf: unexpected: not part of the archived set/],
    ["outbox/readme.txt", "x", /outbox\/readme\.txt: unexpected/],
  ])(
    "an added %s: exit 4 naming it",
    async (file, content, message) => {
      const path = join(periodDir(), file);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, content);
      try {
        const { code, stderr } = await verify();
        expect(code).toBe(4);
        expect(stderr).toMatch(message);
      } finally {
        rmSync(file.includes("/") && !file.startsWith("public/") ? dirname(path) : path, {
          recursive: true,
          force: true,
        });
      }
      expect((await verify()).code).toBe(0);
    },
    60_000,
  );

  it("a changed public file is named against what was published, not 'the manifest'", async () => {
    const page = join(periodDir(), "public", "about.html");
    const { readFileSync } = await import("node:fs");
    const original = readFileSync(page);
    writeFileSync(page, "changed");
    try {
      const { code, stderr } = await verify();
      expect(code).toBe(4);
      expect(stderr).toMatch(/public\/about\.html: size: 7 bytes, published as \d+ \(public\/files\.json\)/);
      expect(stderr).not.toMatch(/manifest says/);
    } finally {
      writeFileSync(page, original);
    }
  }, 60_000);
});

/** Starts `semaforo publish` and kills it with SIGKILL as soon as its work folder appears. */
async function publishKilledMidway(): Promise<string | null> {
  for (let attempt = 0; attempt < 8; attempt++) {
    const child = spawn(
      process.execPath,
      [BIN, "publish", "--data", "fixtures/tiny", "--period", PERIOD, "--out", out],
      { stdio: "ignore" },
    );
    const exited = new Promise((done) => child.on("close", done));
    let caught: string | null = null;
    while (child.exitCode === null && child.signalCode === null) {
      const work = readdirSync(periodDir()).find((name) => name.startsWith(".public-"));
      if (work) {
        child.kill("SIGKILL");
        caught = work;
        break;
      }
      await new Promise((r) => setTimeout(r, 2));
    }
    await exited;
    if (caught && existsSync(join(periodDir(), caught))) return caught;
  }
  return null;
}

describe("a publish killed with SIGKILL", () => {
  it("leaves a work folder that verify removes (a note, exit 0)", async () => {
    const work = await publishKilledMidway();
    expect(work).toMatch(/^\.public-\d+-/);
    const { code, stderr } = await verify();
    expect(stderr).toContain(`${work}/: the work folder of a publish that was killed (removed)`);
    expect(existsSync(join(periodDir(), work!))).toBe(false);
    expect(code).toBe(0);
  }, 120_000);

  it("leaves a work folder that the next publish removes", async () => {
    const work = await publishKilledMidway();
    expect(work).not.toBeNull();
    expect(
      await main(["publish", "--data", "fixtures/tiny", "--period", PERIOD, "--out", out], captureIo()),
    ).toBe(0);
    expect(readdirSync(periodDir()).filter((name) => name.startsWith(".public-"))).toEqual([]);
    expect((await verify()).code).toBe(0);
  }, 120_000);

  it("a running publish's work folder is left alone", async () => {
    // This very process runs: its folder is someone's publish in progress.
    const mine = join(periodDir(), `.public-${process.pid}-test`);
    mkdirSync(mine);
    try {
      const { code, stderr } = await verify();
      expect(code).toBe(0);
      expect(stderr).toMatch(/\.public-\d+-test\/: a work file of an interrupted or running command/);
      expect(existsSync(mine)).toBe(true);
    } finally {
      rmSync(mine, { recursive: true });
    }
  }, 60_000);
});
