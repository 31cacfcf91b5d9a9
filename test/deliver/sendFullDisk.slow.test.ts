import { afterAll, afterEach, beforeAll, describe, expect, it } from "@jest/globals";
import { execFileSync } from "node:child_process";
import {
  closeSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  unlinkSync,
  writeFileSync,
  writeSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../src/cli/main.js";
import type { DeliveryEvent } from "../../src/model.js";
import { captureIo } from "../helpers/io.js";
import { makeArchive, removeArchives, PERIOD, TINY_REPORTS } from "./makeArchive.js";
import { startSmtpServer, type TestServer } from "./smtpTestServer.js";

// #27 item 12 (send): a read-only folder and a full disk are environment errors — exit 2 naming the
// path, never exit 1 "This is a bug" — and leave no temporary file. Real small tmpfs mounts (this
// needs root, or CAP_SYS_ADMIN) and a real SMTP server on 127.0.0.1.

const REPORTS = [TINY_REPORTS[3]!, TINY_REPORTS[4]!]; // one address each
const PAGE = 4096; // tmpfs allocates whole pages

const root = mkdtempSync(join(tmpdir(), "semaforo-fulldisk-"));
const mounts: string[] = [];
let mountError: string | null = null;

beforeAll(() => {
  const probe = join(root, "probe");
  mkdirSync(probe);
  try {
    execFileSync("mount", ["-t", "tmpfs", "-o", "size=512k", "tmpfs", probe], { stdio: "pipe" });
    execFileSync("umount", [probe]);
  } catch (error) {
    mountError = String((error as { stderr?: Buffer }).stderr ?? error).trim();
  }
});

afterAll(() => {
  for (const dir of mounts.splice(0)) execFileSync("umount", ["-l", dir]);
  rmSync(root, { recursive: true, force: true });
  removeArchives();
});

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** A fresh tmpfs of `size` bytes, unmounted in afterAll. */
function mountTmpfs(size: string): string {
  const dir = mkdtempSync(join(root, "disk-"));
  execFileSync("mount", ["-t", "tmpfs", "-o", `size=${size}`, "tmpfs", dir]);
  mounts.push(dir);
  return dir;
}

/** Fills the disk that holds `dir` to the last byte; returns the filler file. */
function fillDisk(dir: string): string {
  const file = join(dir, "filler");
  const fd = openSync(file, "w");
  const chunk = Buffer.alloc(PAGE, 7);
  try {
    for (;;) writeSync(fd, chunk);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOSPC") throw error;
  } finally {
    closeSync(fd);
  }
  return file;
}

/** `send` through the command line; `mountError` skips with a clear message. */
async function send(out: string, ...flags: string[]) {
  const io = captureIo();
  const code = await main(["send", "--out", out, "--period", PERIOD, ...flags], io);
  return { code, stdout: io.stdout(), stderr: io.stderr() };
}

const skipped = () => {
  if (!mountError) return false;
  console.warn(`skipped: mounting a tmpfs is not permitted here (${mountError})`);
  return true;
};

const temporaries = (dir: string): string[] =>
  existsSync(dir) ? readdirSync(dir).filter((name) => name.endsWith(".tmp")) : [];

const ledgerOf = (periodDir: string): DeliveryEvent[] =>
  readFileSync(join(periodDir, "deliveries.jsonl"), "utf8")
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as DeliveryEvent);

/** A valid ledger line of an unrelated delivery, exactly `length` bytes with its newline. */
function paddingLine(like: DeliveryEvent, length: number): string {
  const id = `${PERIOD}/district/999999/es/pad@example.org`;
  const base = { ...like, id, code: "999999", email: "pad@example.org", state: "failed" as const, reply: "" };
  const empty = JSON.stringify(base).length + 1;
  if (length < empty) throw new Error(`a padding line needs at least ${empty} bytes, not ${length}`);
  return JSON.stringify({ ...base, reply: "x".repeat(length - empty) }) + "\n";
}

describe("send on a read-only folder and a full disk", () => {
  it("into a read-only folder: exit 2 naming the lock file, for the outbox and for SMTP", async () => {
    if (skipped()) return;
    const disk = mountTmpfs("512k");
    const { out, periodDir } = makeArchive(REPORTS, { out: disk });
    execFileSync("mount", ["-o", "remount,ro", disk]);
    server = await startSmtpServer();
    for (const flags of [[], ["--smtp", server.url]]) {
      const run = await send(out, ...flags);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(
        `Cannot write ${join(periodDir, ".send.lock")}: the folder is on a read-only file system (EROFS)`,
      );
      expect(run.stderr).not.toMatch(/bug/i);
    }
    expect(server.received).toHaveLength(0);
    // The dry run only reads: it still works.
    expect((await send(out, "--dry-run")).code).toBe(0);
  });

  it("a full disk during an outbox send: exit 2 naming the .eml, no temporary file; the next run writes everything", async () => {
    if (skipped()) return;
    const disk = mountTmpfs("512k");
    const { out, periodDir } = makeArchive(REPORTS, { out: disk });
    const outbox = join(periodDir, "outbox");
    mkdirSync(outbox);
    // A ledger that already holds a line (its page is allocated, with room for the attempts).
    const ledger = join(periodDir, "deliveries.jsonl");
    const like: DeliveryEvent = {
      id: "x",
      messageId: "<x@example.org>",
      at: "2026-11-05T15:00:00.000Z",
      level: "district",
      code: "x",
      email: "x",
      file: "district/x.pdf",
      sha256: "0".repeat(64),
      state: "failed",
      transport: "outbox",
    };
    writeFileSync(ledger, paddingLine(like, 400));
    // Exactly one free page, for the lock; nothing for the message.
    const spare = join(disk, "spare");
    writeFileSync(spare, Buffer.alloc(PAGE));
    const filler = fillDisk(disk);
    unlinkSync(spare);

    const full = await send(out);
    expect(full.code).toBe(2);
    expect(full.stderr).toMatch(
      new RegExp(`Cannot write ${outbox}/district-010001-es-[^ ]+\\.eml: the disk is full \\(ENOSPC\\)`),
    );
    expect(full.stderr).not.toMatch(/bug/i);
    expect(temporaries(outbox)).toEqual([]);
    expect(existsSync(join(periodDir, ".send.lock"))).toBe(false);

    // A temporary file left by a run killed mid-write is removed too.
    rmSync(filler);
    writeFileSync(join(outbox, ".district-010001-es-x.eml.4242.tmp"), "half a message");
    const again = await send(out);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/2 written to the outbox now/);
    expect(readdirSync(outbox).filter((name) => name.endsWith(".eml"))).toHaveLength(2);
    expect(temporaries(outbox)).toEqual([]);
  });

  it("a full disk during an SMTP send: exit 2 naming the ledger; the cut-off delivery is unknown and never sent twice", async () => {
    if (skipped()) return;
    server = await startSmtpServer();
    // The attempt line's length, from the same archive on an ordinary disk (`at` is fixed-width).
    const probe = makeArchive(REPORTS);
    expect((await send(probe.out, "--smtp", server.url)).code).toBe(0);
    const [attempt] = ledgerOf(probe.periodDir);
    const attemptBytes = JSON.stringify(attempt).length + 1;

    const disk = mountTmpfs("512k");
    const { out, periodDir } = makeArchive(REPORTS, { out: disk });
    // Pad the ledger so that the first attempt fills its page to the last byte: the outcome that
    // follows needs a new page, and the disk is full by then.
    const padding = PAGE - (attemptBytes % PAGE);
    writeFileSync(join(periodDir, "deliveries.jsonl"), paddingLine(attempt!, padding));
    let filler: string | undefined;
    await server.close();
    server = await startSmtpServer({
      onData: () => {
        filler ??= fillDisk(disk);
        return undefined;
      },
    });

    const full = await send(out, "--smtp", server.url);
    expect(full.code).toBe(2);
    expect(full.stderr).toContain(
      `Cannot write ${join(periodDir, "deliveries.jsonl")}: the disk is full (ENOSPC)`,
    );
    expect(full.stderr).not.toMatch(/bug/i);
    expect(server.received.map((m) => m.to)).toEqual([["ugel.chachapoyas@example.org"]]);
    expect(ledgerOf(periodDir).at(-1)).toMatchObject({
      state: "attempt",
      transport: "smtp",
      email: "ugel.chachapoyas@example.org",
    });
    expect(existsSync(join(periodDir, ".send.lock"))).toBe(false);

    rmSync(filler!);
    const status = captureIo();
    await main(["status", "--out", out, "--period", PERIOD, "--json"], status);
    const states = JSON.stringify(JSON.parse(status.stdout()));
    expect(states).toMatch(/"unknown"/);
    const again = await send(out, "--smtp", server.url);
    expect(again.code).toBe(5); // the unknown delivery waits for --force
    expect(server.received.map((m) => m.to)).toEqual([
      ["ugel.chachapoyas@example.org"],
      ["ugel.bagua@example.org"],
    ]);
    expect(again.stdout).toMatch(/1 sent now; 1 sent, 0 failed, 1 unknown of 2 deliveries/);
  });
});
