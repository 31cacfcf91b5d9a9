import { afterAll, describe, expect, it } from "@jest/globals";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCycle } from "../../src/cli/commands/run.js";
import { fakeBuildEffects } from "../archive/fakeBuild.js";
import { captureIo } from "../helpers/io.js";

/**
 * `semaforo run` with its real steps (validate, build, send to the outbox, publish) on the tiny
 * dataset; only the build's printer is a fake (no Chromium), so a report can fail on demand.
 */
const root = mkdtempSync(join(tmpdir(), "semaforo-run-fast-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const build = (failIds: string[] = []) => ({
  build: fakeBuildEffects(failIds),
});
const args = (out: string, more: { json?: boolean; data?: string; publish?: boolean } = {}) => ({
  data: more.data ?? "fixtures/tiny",
  period: "2026-05",
  out,
  "dry-run": false,
  publish: more.publish ?? false,
  json: more.json ?? false,
  debug: false,
});

interface RunDocument {
  validate: { ok: boolean; summary: { errors: number; warnings: number } } | null;
  build: { ok: boolean; built: number; failed: { code: string; error: string }[] } | null;
  send: { writtenNow: number; stop: unknown; counts: Record<string, number> } | null;
  publish?: { ok: boolean; pages: number } | null;
}

describe("semaforo run: the steps' typed results", () => {
  it("--json prints one document with every step's summary, and the exit code of the last step", async () => {
    delete process.env.SEMAFORO_SMTP_URL;
    const out = join(root, "ok");
    const io = captureIo();
    expect(await runCycle(args(out, { json: true }), io, build())).toBe(0);
    const document = JSON.parse(io.stdout()) as RunDocument;
    expect(Object.keys(document)).toEqual(["validate", "build", "send"]);
    expect(document.validate).toMatchObject({ ok: true, summary: { errors: 0, warnings: 2 } });
    expect(document.build).toMatchObject({ ok: true, built: 10, failed: [] });
    expect(document.send).toMatchObject({ writtenNow: 11, stop: null, counts: { written: 11 } });
    expect(readdirSync(join(out, "2026-05", "outbox"))).toHaveLength(11);
  });

  it("prints each step's text as its own command does, without --json", async () => {
    const out = join(root, "text");
    const io = captureIo();
    expect(await runCycle(args(out), io, build())).toBe(0);
    expect(io.stdout()).toMatch(/^10 reports in .* → .*2026-05: 10 printed, 0 reused$/m);
    expect(io.stdout()).toMatch(
      /11 written to the outbox now \(not sent: no SMTP URL\); 0 sent, 11 written, 0 failed, 0 unknown of 11 deliveries\./,
    );
    expect(io.stderr()).toMatch(/2 warnings/);
  });

  it("a failed report stops the cycle before sending: exit 4, the build's summary, send null", async () => {
    const out = join(root, "failed");
    const io = captureIo();
    expect(await runCycle(args(out, { json: true, publish: true }), io, build(["010003"]))).toBe(4);
    const document = JSON.parse(io.stdout()) as RunDocument;
    expect(document.validate?.ok).toBe(true);
    expect(document.build?.ok).toBe(false);
    expect(document.build?.failed.map((f) => f.code)).toEqual(["010003"]);
    expect(document.send).toBeNull();
    expect(document.publish).toBeNull();
    expect(io.stderr()).toMatch(/nothing was sent because some reports failed/);
    expect(existsSync(join(out, "2026-05", "outbox"))).toBe(false);
    expect(existsSync(join(out, "2026-05", "deliveries.jsonl"))).toBe(false);
  });

  it("an invalid dataset stops at validation: exit 3, the problems, nothing built", async () => {
    const data = join(root, "bad-dataset");
    cpSync("fixtures/tiny", data, { recursive: true });
    const results = readFileSync(join(data, "results.csv"), "utf8");
    writeFileSync(join(data, "results.csv"), results.replace(/\n2026-05,/, "\n2026-5,"));
    const out = join(root, "invalid");
    const io = captureIo();
    expect(await runCycle(args(out, { json: true, data }), io, build())).toBe(3);
    const document = JSON.parse(io.stdout()) as RunDocument & {
      validate: { problems: { severity: string; file: string }[] };
    };
    expect(document.validate?.ok).toBe(false);
    expect(document.validate.problems.some((p) => p.severity === "error" && p.file === "results.csv")).toBe(
      true,
    );
    expect(document.build).toBeNull();
    expect(document.send).toBeNull();
    expect(existsSync(out)).toBe(false);
    const text = captureIo();
    expect(await runCycle(args(out, { data }), text, build())).toBe(3);
    expect(text.stderr()).toMatch(/results\.csv:\d+:1: /);
    expect(text.stderr()).toMatch(/invalid dataset \(\d+ errors?\): nothing was built/);
  });
});
