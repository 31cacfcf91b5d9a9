import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { runBuild } from "../../src/cli/commands/build.js";
import { fakeBuildEffects } from "../archive/fakeBuild.js";
import { captureIo } from "../helpers/io.js";

// #27 item 13: SIGTERM or SIGINT during `verify --rebuild` removes its temporary folder (and its
// browser) before the process exits. The real binary (dist/: `npm run build` makes it), a real
// signal, a private TMPDIR to see what it leaves.

const BIN = resolve("bin/semaforo.js");
const PERIOD = "2026-05";
let root = "";

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), "semaforo-rebuild-signal-"));
  expect(
    await runBuild(
      { data: "fixtures/tiny", period: PERIOD, out: join(root, "out"), json: false },
      captureIo(),
      fakeBuildEffects(),
    ),
  ).toBe(0);
}, 60_000);

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("verify --rebuild stopped by a signal", () => {
  it.each(["SIGTERM", "SIGINT"] as const)(
    "%s: exits 128+n and leaves no temporary folder",
    async (signal) => {
      const temp = join(root, `tmp-${signal}`);
      mkdirSync(temp);
      const child = spawn(process.execPath, [BIN, "verify", join(root, "out", PERIOD), "--rebuild"], {
        env: { ...process.env, TMPDIR: temp },
        stdio: ["ignore", "ignore", "pipe"],
      });
      let stderr = "";
      child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
      const exited = new Promise<number | null>((done) => child.on("close", (code) => done(code)));
      // Wait until the rebuild's folder exists and holds something (the build has begun).
      for (;;) {
        const rebuild = readdirSync(temp).find((name) => name.startsWith("semaforo-rebuild-"));
        if (rebuild && readdirSync(join(temp, rebuild)).length > 0) break;
        if (child.exitCode !== null) throw new Error(`verify ended before the signal: ${stderr}`);
        await new Promise((r) => setTimeout(r, 20));
      }
      child.kill(signal);
      expect(await exited).toBe(signal === "SIGTERM" ? 143 : 130);
      expect(readdirSync(temp).filter((name) => name.startsWith("semaforo-rebuild-"))).toEqual([]);
    },
    120_000,
  );
});
