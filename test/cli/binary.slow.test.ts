import { describe, expect, it } from "@jest/globals";
import { spawn } from "node:child_process";
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
    expect(started).toMatchObject({ period: "2026-05", reports: 18 });
    expect(result.code).toBe(0);
  }, 60_000);

  it("--open says so when there is no browser opener", async () => {
    const result = await firstLineThenStop(
      ["preview", "--data", "fixtures/tiny", "--period", "2026-05", "--port", "0", "--open"],
      { ...process.env, PATH: "/nonexistent" },
    );
    expect(result.line).toMatch(/^Previewing 18 reports of 2026-05 at http:\/\/127\.0\.0\.1:\d+\//);
    expect(result.stderr).toContain("Could not open a browser (xdg-open is not available here)");
  }, 60_000);
});
