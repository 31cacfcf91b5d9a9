import { describe, expect, it } from "@jest/globals";
import { execFile, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { resolve } from "node:path";

/** The real `semaforo` binary (it runs dist/: `npm ci` and `npm run build` make it), without a terminal. */
const BIN = resolve("bin/semaforo.js");

/** Starts the binary and resolves with its first stdout line, then stops it with SIGTERM. */
function firstLineThenStop(args: string[], env: NodeJS.ProcessEnv = process.env) {
  return new Promise<{ line: string; code: number | null; stderr: string }>((done, fail) => {
    const child = spawn(process.execPath, [BIN, ...args], { env, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    let line: string | undefined;
    child.stderr.on("data", (chunk: Buffer) => (err += chunk.toString()));
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      if (line === undefined && out.includes("\n")) {
        line = out.slice(0, out.indexOf("\n"));
        // Give --open's message a moment to arrive before stopping.
        setTimeout(() => child.kill("SIGTERM"), 300);
      }
    });
    child.on("error", fail);
    child.on("close", (code) => done({ line: line ?? "", code, stderr: err }));
  });
}

describe("semaforo preview, the real binary", () => {
  it("prints one JSON line under --json and stops cleanly on SIGTERM", async () => {
    const result = await firstLineThenStop([
      "preview",
      "--data",
      "fixtures/tiny",
      "--period",
      "2026-05",
      "--port",
      "0",
      "--json",
    ]);
    const started = JSON.parse(result.line) as { url: string; period: string; reports: number };
    expect(started.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(started).toMatchObject({ period: "2026-05", reports: 9, languages: ["es", "en"] });
    expect(result.code).toBe(0);
  }, 60_000);

  it("--open says so when there is no browser opener", async () => {
    const result = await firstLineThenStop(
      ["preview", "--data", "fixtures/tiny", "--period", "2026-05", "--port", "0", "--open"],
      { ...process.env, PATH: "/nonexistent" },
    );
    expect(result.line).toMatch(
      /^Previewing 9 reports of 2026-05 \(each in es and en\) at http:\/\/127\.0\.0\.1:\d+\//,
    );
    expect(result.stderr).toContain("Could not open a browser (xdg-open is not available here)");
  }, 60_000);
});

describe("semaforo build under cron (no terminal)", () => {
  it("prints timestamped progress lines with an estimate, then the summary", async () => {
    const out = mkdtempSync(join(tmpdir(), "semaforo-cron-"));
    try {
      const { code, stderr, stdout } = await new Promise<{ code: number; stderr: string; stdout: string }>(
        (done) => {
          execFile(
            process.execPath,
            [BIN, "build", "--data", "fixtures/tiny", "--period", "2026-05", "--out", out],
            { timeout: 120_000 },
            (error, stdout, stderr) =>
              done({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
          );
        },
      );
      expect(code).toBe(0);
      const lines = stderr.split("\n").filter((line) => / Reports \d+\/\d+ /.test(line));
      expect(lines.length).toBeGreaterThanOrEqual(2);
      for (const line of lines)
        expect(line).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d Reports \d+\/\d+ \(\d+%\), \d+ printed/);
      expect(lines[0]).toMatch(/ETA (\d+ min )?\d+ s/);
      expect(lines.at(-1)).toMatch(/Reports (\d+)\/\1 \(100%\), \1 printed$/);
      expect(stdout).toMatch(/reports in [\d.]+ s/);

      // verify, silent for a minute on the whole set before, says how far it is too.
      const verified = await new Promise<{ stderr: string; stdout: string }>((done) => {
        execFile(
          process.execPath,
          [BIN, "verify", join(out, "2026-05")],
          { timeout: 120_000 },
          (_e, so, se) => done({ stdout: so, stderr: se }),
        );
      });
      const verifying = verified.stderr.split("\n").filter((line) => / Verifying \d+\/\d+ /.test(line));
      expect(verifying.length).toBeGreaterThanOrEqual(2);
      expect(verifying.at(-1)).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d Verifying (\d+)\/\1 \(100%\)$/);
      expect(verified.stdout).toMatch(/PDFs verified/);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 150_000);
});
