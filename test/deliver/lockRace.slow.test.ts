import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { buildChild } from "./childSender.js";

/** A child that tries to take the lock, with the liveness check slowed by 300 ms, and says how it went. */
const SCRIPT = `import { acquireSendLock } from "./src/deliver/acquireSendLock.js";
const slowIsAlive = (pid) => {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 300);
  try { process.kill(pid, 0); return true; } catch (error) { return error.code === "EPERM"; }
};
try {
  const lock = acquireSendLock(process.argv[2], { isAlive: slowIsAlive });
  console.log("ACQUIRED");
  // Hold the lock until the test says the race is over.
  process.stdin.resume();
  process.stdin.on("end", () => lock.release());
} catch (error) {
  console.log("REFUSED " + error.message.split("\\n")[0]);
}
`;

let child: ReturnType<typeof buildChild>;
let dir: string;
beforeAll(() => {
  child = buildChild("src/deliver/acquireSendLock.ts", SCRIPT);
  dir = mkdtempSync(join(tmpdir(), "semaforo-race-"));
});
afterAll(() => {
  child.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

function contender(file: string) {
  const process = spawn("node", [child.script, file], { stdio: ["pipe", "pipe", "inherit"] });
  const said = new Promise<string>((resolve) => {
    let text = "";
    process.stdout.on("data", (chunk: Buffer) => {
      text += chunk.toString();
      if (text.includes("\n")) resolve(text.trim());
    });
    process.on("exit", () => resolve(text.trim()));
  });
  const exited = new Promise<void>((resolve) => process.on("exit", () => resolve()));
  return { process, said, exited };
}

describe("stale-lock takeover (issue 13 item 8)", () => {
  it("two real processes racing for the same stale lock: exactly one acquires it", async () => {
    // A pid that certainly ran on this host and is dead now.
    const dead = spawnSync("node", ["-e", "0"]).pid;
    for (let round = 0; round < 3; round++) {
      const file = join(dir, `round-${round}.lock`);
      writeFileSync(
        file,
        JSON.stringify({ pid: dead, hostname: hostname(), startedAt: "2026-11-01T00:00:00Z" }),
      );
      const a = contender(file);
      const b = contender(file);
      const answers = await Promise.all([a.said, b.said]);
      a.process.stdin.end();
      b.process.stdin.end();
      await Promise.all([a.exited, b.exited]);
      expect(answers.filter((x) => x === "ACQUIRED")).toHaveLength(1);
      expect(answers.find((x) => x !== "ACQUIRED")).toMatch(/^REFUSED Another send is running/);
    }
    // No takeover marker is left behind.
    expect(readdirSync(dir).filter((name) => name.includes("takeover"))).toEqual([]);
  });
});
