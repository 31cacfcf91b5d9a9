import { afterAll, describe, expect, it } from "@jest/globals";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../src/cli/main.js";
import { startSmtpServer } from "../deliver/smtpTestServer.js";
import { captureIo } from "../helpers/io.js";

const out = mkdtempSync(join(tmpdir(), "semaforo-run-"));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe("semaforo run (validate + build + send)", () => {
  it("builds the tiny set, writes one .eml per recipient address (written, not sent), and a rerun writes nothing", async () => {
    delete process.env.SEMAFORO_SMTP_URL;
    const io = captureIo();
    const code = await main(
      ["run", "--data", "fixtures/tiny", "--period", "2026-05", "--out", out, "--json"],
      io,
    );
    expect(io.stderr()).toBe("");
    expect(code).toBe(0);
    // One JSON document holding both steps.
    const summary = JSON.parse(io.stdout()) as {
      build: { built: number; failed: unknown[] };
      send: { sentNow: number; writtenNow: number; counts: { sent: number; written: number } };
    };
    expect(Object.keys(summary)).toEqual(["validate", "build", "send"]);
    expect(summary.build.built).toBe(10);
    expect(summary.build.failed).toEqual([]);
    expect(summary.send.sentNow).toBe(0);
    expect(summary.send.writtenNow).toBe(11);
    expect(summary.send.counts).toMatchObject({ sent: 0, written: 11 });
    expect(readdirSync(join(out, "2026-05", "outbox")).filter((f) => f.endsWith(".eml"))).toHaveLength(11);

    const again = captureIo();
    expect(await main(["send", "--out", out, "--period", "2026-05", "--json"], again)).toBe(0);
    expect(JSON.parse(again.stdout())).toMatchObject({ sentNow: 0, writtenNow: 0, counts: { written: 11 } });

    // status reads the same states: written to the outbox, not sent.
    const status = captureIo();
    expect(await main(["status", join(out, "2026-05")], status)).toBe(0);
    expect(status.stdout()).toMatch(
      /Deliveries: 0 sent, 11 written to the outbox, 0 failed, 0 unknown, 0 pending/,
    );
  }, 120_000);

  it("a send stopped by a refused login (535): exit 2, the error document with every step's summary", async () => {
    const server = await startSmtpServer({ refuseLogin: true });
    const target = mkdtempSync(join(tmpdir(), "semaforo-run-535-"));
    try {
      const url = `smtp://mailer:Secret-pass@127.0.0.1:${server.port}`;
      const io = captureIo();
      expect(
        await main(
          ["run", "--data", "fixtures/tiny", "--period", "2026-05", "--out", target, "--smtp", url, "--json"],
          io,
        ),
      ).toBe(2);
      expect(io.stdout() + io.stderr()).not.toMatch(/Secret/);
      const document = JSON.parse(io.stdout()) as {
        error: { code: string; exitCode: number };
        validate: { ok: boolean };
        build: { ok: boolean; built: number };
        send: { stop: { kind: string }; counts: { pending: number } };
      };
      expect(Object.keys(document)).toEqual(["error", "validate", "build", "send"]);
      expect(document.error).toMatchObject({ code: "smtp-unusable", exitCode: 2 });
      expect(document.validate.ok).toBe(true);
      expect(document.build).toMatchObject({ ok: true, built: 10 });
      expect(document.send.stop.kind).toBe("config");
      expect(document.send.counts.pending).toBe(11);
      expect(server.received).toHaveLength(0);

      // The text says the same: the build's line, then why the send stopped.
      const text = captureIo();
      expect(
        await main(
          ["run", "--data", "fixtures/tiny", "--period", "2026-05", "--out", target, "--smtp", url],
          text,
        ),
      ).toBe(2);
      expect(text.stdout()).toMatch(/10 reports in .*: 0 printed, 10 reused/);
      expect(text.stdout()).toMatch(/Stopped early: the SMTP server cannot be used \(EAUTH: .*535/);
    } finally {
      await server.close();
      rmSync(target, { recursive: true, force: true });
    }
  }, 120_000);

  it("stops at validation for an invalid dataset: exit 3, nothing written", async () => {
    const data = join(out, "bad-dataset");
    cpSync("fixtures/tiny", data, { recursive: true });
    const results = readFileSync(join(data, "results.csv"), "utf8");
    writeFileSync(join(data, "results.csv"), results.replace(/\n2026-05,/, "\n2026-5,"));
    const target = join(out, "invalid");
    const io = captureIo();
    expect(await main(["run", "--data", data, "--period", "2026-05", "--out", target], io)).toBe(3);
    expect(io.stderr()).toMatch(/results\.csv:\d+:1: /);
    expect(existsSync(target)).toBe(false);
  });

  it("--publish publishes the month after sending, in the same JSON document, archived in the manifest", async () => {
    delete process.env.SEMAFORO_SMTP_URL;
    const target = mkdtempSync(join(tmpdir(), "semaforo-run-publish-"));
    try {
      const io = captureIo();
      const code = await main(
        ["run", "--data", "fixtures/tiny", "--period", "2026-05", "--out", target, "--publish", "--json"],
        io,
      );
      expect(code).toBe(0);
      const summary = JSON.parse(io.stdout()) as {
        build: { built: number };
        send: { writtenNow: number };
        publish: { ok: boolean; pages: number; publicDir: string };
      };
      expect(summary.build.built).toBe(10);
      expect(summary.send.writtenNow).toBe(11);
      expect(summary.publish).toMatchObject({ ok: true, publicDir: join(target, "2026-05", "public") });
      expect(existsSync(join(target, "2026-05", "public", "index.html"))).toBe(true);
      const manifest = JSON.parse(readFileSync(join(target, "2026-05", "manifest.json"), "utf8")) as {
        public?: { files: { path: string }[] };
      };
      expect(manifest.public?.files.map((f) => f.path)).toContain("public/index.html");
    } finally {
      rmSync(target, { recursive: true, force: true });
    }
  }, 180_000);
});
