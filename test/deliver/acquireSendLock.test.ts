import { describe, expect, it } from "@jest/globals";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { acquireSendLock } from "../../src/archive/acquireSendLock.js";
import { CliError } from "../../src/errors.js";

const lockFile = () => join(mkdtempSync(join(tmpdir(), "semaforo-lock-")), ".send.lock");

describe("acquireSendLock", () => {
  it("holds pid, host and start time, refuses a second run, and releases", () => {
    const file = lockFile();
    const lock = acquireSendLock(file, { clock: () => new Date("2026-11-05T10:00:00Z") });
    expect(JSON.parse(readFileSync(file, "utf8"))).toEqual({
      pid: process.pid,
      hostname: hostname(),
      startedAt: "2026-11-05T10:00:00.000Z",
      command: "send",
    });
    let error: unknown;
    try {
      acquireSendLock(file);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CliError);
    expect((error as CliError).exitCode).toBe(2);
    expect((error as CliError).message).toMatch(
      new RegExp(`Another send is running .* process ${process.pid}`),
    );
    lock.release();
    expect(existsSync(file)).toBe(false);
    acquireSendLock(file).release();
  });

  it("tells a send that a build holds the lock while it puts its PDFs in place", () => {
    const file = lockFile();
    const build = acquireSendLock(file, { command: "build" });
    expect(() => acquireSendLock(file)).toThrow(
      expect.objectContaining({
        code: "build-committing",
        exitCode: 2,
        message: expect.stringMatching(new RegExp(`A build is putting .* process ${process.pid}`)),
      }),
    );
    build.release();
    // A lock written before holders were named is a send's.
    writeFileSync(file, JSON.stringify({ pid: process.pid, hostname: hostname(), startedAt: "x" }));
    expect(() => acquireSendLock(file)).toThrow(expect.objectContaining({ code: "send-locked" }));
  });

  it("takes over a stale lock of a dead process on this host, with a warning", () => {
    const file = lockFile();
    writeFileSync(
      file,
      JSON.stringify({ pid: 424242, hostname: hostname(), startedAt: "2026-11-01T00:00:00Z" }),
    );
    const warnings: string[] = [];
    const lock = acquireSendLock(file, { warn: (w) => warnings.push(w), isAlive: (pid) => pid !== 424242 });
    expect(warnings.join()).toMatch(/stale lock of process 424242/);
    expect(JSON.parse(readFileSync(file, "utf8"))).toMatchObject({ pid: process.pid });
    lock.release();
  });

  it("never guesses about a lock from another host or an unreadable one", () => {
    const file = lockFile();
    writeFileSync(file, JSON.stringify({ pid: 424242, hostname: "other-host", startedAt: "x" }));
    expect(() => acquireSendLock(file, { isAlive: () => false })).toThrow(/other-host/);
    writeFileSync(file, "");
    expect(() => acquireSendLock(file, { isAlive: () => false })).toThrow(/could not be read/);
  });
});
