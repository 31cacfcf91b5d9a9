import { afterEach, beforeAll, afterAll, describe, expect, it } from "@jest/globals";
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { main } from "../../src/cli/main.js";
import { defaultSendEffects } from "../../src/deliver/defaultSendEffects.js";
import { sendReportSet, type SendReportSetOptions } from "../../src/deliver/sendReportSet.js";
import type { DeliveryEvent } from "../../src/model.js";
import {
  HEADER_INJECTION_REFUSALS,
  HEADER_INJECTION_REPORTS,
  HEADER_INJECTION_SENDABLE,
} from "../helpers/headerInjection.js";
import { captureIo } from "../helpers/io.js";
import { buildChildSender } from "./childSender.js";
import { makeArchive, removeArchives, PERIOD, TINY_ADDRESSES, TINY_REPORTS } from "./makeArchive.js";
import { startSmtpServer, type TestServer } from "./smtpTestServer.js";

const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");
const fast = { retry: { attempts: 4, baseMs: 5, maxMs: 20 } };
const clock = () => new Date("2026-11-05T15:00:00Z");
const ledgerOf = (periodDir: string): DeliveryEvent[] =>
  readFileSync(join(periodDir, "deliveries.jsonl"), "utf8")
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line) as DeliveryEvent);
const receivedAddresses = (server: TestServer) => server.received.flatMap((r) => r.to).sort();

afterAll(removeArchives);

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const send = (out: string, options: Partial<SendReportSetOptions> = {}) =>
  sendReportSet(
    { out, period: PERIOD, smtpUrl: server?.url, ...fast, ...options },
    defaultSendEffects({ clock }),
  );

describe("send through a real SMTP server", () => {
  it("delivers exactly one message per recipient with the archived PDF; a second send sends nothing", async () => {
    server = await startSmtpServer();
    const { out, manifest } = makeArchive();
    const first = await send(out);
    expect(first.counts).toEqual({ sent: 11, written: 0, failed: 0, unknown: 0, pending: 0 });
    expect(receivedAddresses(server)).toEqual(TINY_ADDRESSES);
    for (const message of server.received) {
      expect(message.to).toHaveLength(1);
      const address = message.to[0]!;
      const report = manifest.reports.find((r) => r.recipients.includes(address))!;
      expect(message.parsed.to && !Array.isArray(message.parsed.to) ? message.parsed.to.value : []).toEqual([
        { address, name: report.recipientNames?.[address] ?? "" },
      ]);
      expect(message.parsed.attachments).toHaveLength(1);
      expect(sha256(message.parsed.attachments[0]!.content)).toBe(report.sha256);
      expect(message.parsed.subject).toBe(
        report.language === "es"
          ? `Semáforo Escuela · Reporte de octubre de 2026 · ${report.name}`
          : `Semáforo Escuela · October 2026 report · ${report.name}`,
      );
    }
    const second = await send(out);
    expect(second.sentNow).toBe(0);
    expect(second.counts.sent).toBe(11);
    expect(server.received).toHaveLength(11);
  });

  it("retries 421 then 451 and delivers once, with every attempt in the ledger", async () => {
    server = await startSmtpServer({
      onMailFrom: (n) => (n === 1 ? { reply: 421, message: "Service busy, try later" } : undefined),
      onData: (_to, n) => (n === 1 ? { reply: 451, message: "Local error, try again" } : undefined),
    });
    const { out, periodDir } = makeArchive([TINY_REPORTS[3]!]);
    const report = await send(out);
    expect(report.counts.sent).toBe(1);
    expect(receivedAddresses(server)).toEqual(["ugel.chachapoyas@example.org"]);
    const events = ledgerOf(periodDir);
    expect(events.map((e) => `${e.state}${e.attempt}`)).toEqual([
      "attempt1",
      "pending1",
      "attempt2",
      "pending2",
      "attempt3",
      "sent3",
    ]);
    expect(events[1]?.reply).toMatch(/421 Service busy/);
    expect(events[3]?.reply).toMatch(/451 Local error/);
    expect(events[5]?.reply).toMatch(/^250/);
  });

  it("--retries N means N retries after the first attempt, and says so", async () => {
    server = await startSmtpServer({ onData: () => ({ reply: 451, message: "Local error, try again" }) });
    const { out } = makeArchive([TINY_REPORTS[3]!]);
    const io = captureIo();
    expect(
      await main(["send", "--out", out, "--period", PERIOD, "--smtp", server.url, "--retries", "1"], io),
    ).toBe(5);
    expect(server.received).toHaveLength(0);
    expect(io.stdout()).toContain(
      "gave up after 2 attempts (the first and 1 retry): EMESSAGE: Message failed: 451",
    );
    expect(io.stdout()).toMatch(/0 sent, 0 failed, 0 unknown, 1 not sent yet of 1 delivery\./);
  }, 30_000);

  it("a 550 for one address: the others are sent, that one failed with the reply, exit 5", async () => {
    server = await startSmtpServer({
      onRcptTo: (address) =>
        address === "ugel.bagua@example.org"
          ? { reply: 550, message: "5.1.1 Mailbox unavailable" }
          : undefined,
    });
    const { out } = makeArchive();
    const io = captureIo();
    expect(
      await main(["send", "--out", out, "--period", PERIOD, "--smtp", server.url, "--retries", "3"], io),
    ).toBe(5);
    expect(receivedAddresses(server)).toEqual(TINY_ADDRESSES.filter((a) => a !== "ugel.bagua@example.org"));
    expect(io.stdout()).toMatch(
      /failed +district 010002 → ugel\.bagua@example\.org: .*550 5\.1\.1 Mailbox unavailable/,
    );
    expect(io.stdout()).toMatch(/10 sent, 1 failed, 0 unknown of 11 deliveries/);
    expect(io.stdout()).toMatch(/--resend-failed/);
    expect(server.rcptTo.filter((a) => a === "ugel.bagua@example.org")).toHaveLength(1);
  });

  it("a connection dropped after DATA is unknown, and a plain rerun does not re-send it", async () => {
    server = await startSmtpServer({
      onData: (to) => (to[0] === "ugel.bagua@example.org" ? "drop" : undefined),
    });
    const { out } = makeArchive([TINY_REPORTS[3]!, TINY_REPORTS[4]!, TINY_REPORTS[5]!]);
    const first = await send(out);
    expect(first.deliveries.map((d) => `${d.email}:${d.state}`)).toEqual([
      "ugel.chachapoyas@example.org:sent",
      "ugel.bagua@example.org:unknown",
      "ugel.bongara@example.org:sent",
    ]);
    expect(first.deliveries[1]?.reply).toMatch(/connection broke after the message was handed over/);
    expect(server.unacknowledged.map((u) => u.to)).toEqual([["ugel.bagua@example.org"]]);
    const io = captureIo();
    expect(await main(["send", "--out", out, "--period", PERIOD, "--smtp", server.url], io)).toBe(5);
    expect(io.stdout()).toMatch(/0 sent now; 2 sent, 0 failed, 1 unknown/);
    expect(io.stdout()).toMatch(/--force 010002/);
    expect(server.rcptTo.filter((a) => a === "ugel.bagua@example.org")).toHaveLength(1);
  });

  it("refuses header and address injection: nothing is sent for them, the others are", async () => {
    server = await startSmtpServer();
    const { out } = makeArchive(HEADER_INJECTION_REPORTS);
    const io = captureIo();
    expect(await main(["send", "--out", out, "--period", PERIOD, "--smtp", server.url], io)).toBe(5);
    expect(server.rcptTo).toEqual([HEADER_INJECTION_SENDABLE]);
    expect(receivedAddresses(server)).toEqual([HEADER_INJECTION_SENDABLE]);
    for (const refusal of HEADER_INJECTION_REFUSALS) expect(io.stdout()).toContain(refusal);
    expect(server.received[0]?.raw.toString("latin1")).not.toMatch(/evil/);
  });
});

describe("killing a send mid-way", () => {
  let child: ReturnType<typeof buildChildSender>;
  beforeAll(() => {
    child = buildChildSender();
  });
  afterAll(() => child.cleanup());

  it("ends, after a rerun, with exactly one message per recipient", async () => {
    const KILL_AFTER = 4;
    let read = 0;
    let kill: () => void = () => undefined;
    // The 5th message is read in full and held without a reply: the child is killed while it waits.
    server = await startSmtpServer({
      onData: () => (++read === KILL_AFTER + 1 ? "hold" : undefined),
      onMessageRead: () => {
        if (read + 1 === KILL_AFTER + 1) setTimeout(() => kill(), 50);
      },
    });
    const { out, periodDir } = makeArchive();
    const process = spawn("node", [child.script, out, PERIOD, server.url], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    const killed = new Promise<void>((resolve) => process.on("exit", () => resolve()));
    kill = () => process.kill("SIGKILL");
    await killed;
    expect(process.signalCode).toBe("SIGKILL");
    expect(server.received).toHaveLength(KILL_AFTER);
    expect(server.unacknowledged).toHaveLength(1);
    const inFlight = server.unacknowledged[0]!.to[0]!;
    const dangling = ledgerOf(periodDir).at(-1);
    expect(dangling).toMatchObject({ state: "attempt", email: inFlight });

    const rerun = await send(out);
    expect(rerun.sentNow).toBe(11 - KILL_AFTER - 1);
    expect(rerun.counts).toEqual({ sent: 10, written: 0, failed: 0, unknown: 1, pending: 0 });
    expect(rerun.deliveries.find((d) => d.state === "unknown")?.email).toBe(inFlight);

    // Accounting: every recipient got its message once, counting the one the server read before the kill.
    const accepted = receivedAddresses(server);
    expect(new Set(accepted).size).toBe(accepted.length);
    expect([...accepted, inFlight].sort()).toEqual(TINY_ADDRESSES);
    expect(server.rcptTo.filter((a) => a === inFlight)).toHaveLength(1);
  });
});

describe("the SMTP transport", () => {
  it("reuses one connection and keeps to --rate", async () => {
    const { createSmtpTransport } = await import("../../src/deliver/createSmtpTransport.js");
    const { parseSmtpUrl } = await import("../../src/deliver/parseSmtpUrl.js");
    server = await startSmtpServer();
    const waits: number[] = [];
    let now = 0;
    const transport = createSmtpTransport(parseSmtpUrl(server.url), {
      rate: 4,
      now: () => now,
      sleep: (ms) => {
        waits.push(ms);
        now += ms;
        return Promise.resolve();
      },
    });
    const raw = Buffer.from("From: a@example.org\r\nTo: b@example.org\r\nSubject: t\r\n\r\nhello\r\n");
    for (const to of ["b@example.org", "c@example.org", "d@example.org"]) {
      expect(await transport.send({ from: "a@example.org", to, raw, outboxName: "x.eml" })).toMatchObject({
        status: "sent",
      });
      now += 50;
    }
    await transport.close();
    expect(waits).toEqual([200, 200]);
    expect(server.connections).toBe(1);
    expect(receivedAddresses(server)).toEqual(["b@example.org", "c@example.org", "d@example.org"]);
  });
});

describe("outbox, then SMTP (issue 13 item 1)", () => {
  it("a send without an SMTP URL writes the outbox; the SMTP send then delivers every message once", async () => {
    server = await startSmtpServer();
    const { out, periodDir } = makeArchive();
    const io = captureIo();
    expect(await main(["send", "--out", out, "--period", PERIOD], io)).toBe(0);
    expect(io.stdout()).toMatch(/11 written to the outbox now/);
    expect(server.received).toHaveLength(0);
    const dry = captureIo();
    expect(
      await main(["send", "--out", out, "--period", PERIOD, "--smtp", server.url, "--dry-run"], dry),
    ).toBe(0);
    expect(dry.stdout()).toMatch(/11 of 11 deliveries would be sent/);
    const smtp = captureIo();
    expect(await main(["send", "--out", out, "--period", PERIOD, "--smtp", server.url], smtp)).toBe(0);
    expect(smtp.stdout()).toMatch(/11 sent now; 11 sent, 0 failed, 0 unknown of 11 deliveries/);
    expect(receivedAddresses(server)).toEqual(TINY_ADDRESSES);
    expect((await send(out)).sentNow).toBe(0);
    expect(server.received).toHaveLength(11);
    const status = captureIo();
    expect(await main(["status", periodDir], status)).toBe(0);
    expect(status.stdout()).toMatch(/Deliveries: 11 sent, 0 written to the outbox/);
  });

  it("a ledger written by an earlier version (outbox `sent`) is delivered by SMTP", async () => {
    server = await startSmtpServer();
    const { out, periodDir } = makeArchive([TINY_REPORTS[3]!]);
    const report = TINY_REPORTS[3]!;
    const legacy = {
      id: `${PERIOD}/district/${report.code}/es/${report.recipients[0]!.email}`,
      messageId: "<legacy@example.org>",
      at: "2026-11-01T10:00:00.000Z",
      level: "district",
      code: report.code,
      email: report.recipients[0]!.email,
      file: "district/010001-es-report.pdf",
      sha256: "0".repeat(64),
      state: "sent",
      reply: "written to outbox/district-010001-es-ugel.chachapoyas@example.org.eml",
      transport: "outbox",
    };
    writeFileSync(join(periodDir, "deliveries.jsonl"), JSON.stringify(legacy) + "\n");
    const result = await send(out);
    expect(result.sentNow).toBe(1);
    expect(receivedAddresses(server)).toEqual(["ugel.chachapoyas@example.org"]);
  });
});

describe("--force through a real SMTP server (issue 13 item 3)", () => {
  it("re-sends only the unit's unknown delivery; a sent address only when --to names it", async () => {
    server = await startSmtpServer({
      onData: (to, n) => (to[0] === "gestion.huaraz@example.org" && n <= 2 ? "drop" : undefined),
    });
    const { out, periodDir } = makeArchive([TINY_REPORTS[6]!]);
    const first = await send(out);
    expect(first.deliveries.map((d) => `${d.email}:${d.state}`)).toEqual([
      "ugel.huaraz@example.org:sent",
      "gestion.huaraz@example.org:unknown",
    ]);
    const refused = captureIo();
    expect(
      await main(
        ["send", "--out", out, "--period", PERIOD, "--smtp", server.url, "--force", "020001"],
        refused,
      ),
    ).toBe(2);
    expect(refused.stderr()).toMatch(/--reason/);
    const forced = captureIo();
    expect(
      await main(
        [
          "send",
          "--out",
          out,
          "--period",
          PERIOD,
          "--smtp",
          server.url,
          "--force",
          "020001",
          "--reason",
          "asked",
        ],
        forced,
      ),
    ).toBe(0);
    expect(server.rcptTo.filter((a) => a === "ugel.huaraz@example.org")).toHaveLength(1);
    expect(receivedAddresses(server)).toEqual(["gestion.huaraz@example.org", "ugel.huaraz@example.org"]);
    const named = captureIo();
    expect(
      await main(
        [
          "send",
          "--out",
          out,
          "--period",
          PERIOD,
          "--smtp",
          server.url,
          "--force",
          "020001",
          "--to",
          "UGEL.Huaraz@example.org",
          "--reason",
          "corrected build",
        ],
        named,
      ),
    ).toBe(0);
    expect(receivedAddresses(server)).toEqual([
      "gestion.huaraz@example.org",
      "ugel.huaraz@example.org",
      "ugel.huaraz@example.org",
    ]);
    expect(
      ledgerOf(periodDir)
        .filter((e) => e.state === "sent" && e.forced)
        .map((e) => e.forced?.reason),
    ).toEqual(["asked", "corrected build"]);
  });
});

describe("SMTP failures fail fast (issue 13 item 5)", () => {
  it("a refused login (535) closes the connection and ends with exit 2 within seconds", async () => {
    server = await startSmtpServer({ refuseLogin: true });
    const { out } = makeArchive([TINY_REPORTS[3]!, TINY_REPORTS[4]!]);
    const url = `smtp://mailer:pa%2Fss-Secret@127.0.0.1:${server.port}`;
    const started = Date.now();
    const io = captureIo();
    expect(await main(["send", "--out", out, "--period", PERIOD, "--smtp", url], io)).toBe(2);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(io.stdout()).toMatch(/Stopped early: the SMTP server cannot be used \(EAUTH: .*535/);
    expect(io.stdout() + io.stderr()).not.toMatch(/Secret/);
    // The client closed the connection: nothing keeps the process alive (it used to wait 120 s).
    await server.allClosed();
    expect(server.connections).toBe(1);
    expect(server.received).toHaveLength(0);
  });

  it("under --json, a refused login (535) is the error document of exit 2, with the send's summary", async () => {
    server = await startSmtpServer({ refuseLogin: true });
    const { out, periodDir } = makeArchive([TINY_REPORTS[3]!, TINY_REPORTS[4]!]);
    const url = `smtp://mailer:pa%2Fss-Secret@127.0.0.1:${server.port}`;
    const io = captureIo();
    expect(await main(["send", "--out", out, "--period", PERIOD, "--smtp", url, "--json"], io)).toBe(2);
    expect(io.stdout() + io.stderr()).not.toMatch(/Secret/);
    const document = JSON.parse(io.stdout()) as {
      error: { code: string; message: string; hint: string; exitCode: number };
      send: {
        stop: { kind: string; reason: string; reply: string };
        counts: Record<string, number>;
        deliveries: { action: string }[];
      };
    };
    expect(document.error).toEqual({
      code: "smtp-unusable",
      message: expect.stringMatching(/^The SMTP server cannot be used \(EAUTH: .*535.*\): the send stopped/),
      hint: expect.stringMatching(/user and password/),
      exitCode: 2,
    });
    expect(document.send.stop).toEqual({
      kind: "config",
      reason: expect.stringMatching(/^the SMTP server cannot be used \(EAUTH: .*535/),
      reply: expect.stringMatching(/^EAUTH: .*535/),
    });
    expect(document.send.counts).toEqual({ sent: 0, written: 0, failed: 0, unknown: 0, pending: 2 });
    expect(document.send.deliveries.map((d) => d.action)).toEqual(["attempted", "not-reached"]);
    // The ledger agrees: one attempt, back to pending; nothing handed over.
    expect(ledgerOf(periodDir).map((e) => e.state)).toEqual(["attempt", "pending"]);
    expect(server.received).toHaveLength(0);
  });

  it("TLS on a server that does not speak it ends with exit 2 within seconds", async () => {
    server = await startSmtpServer();
    const { out } = makeArchive([TINY_REPORTS[3]!]);
    const started = Date.now();
    const io = captureIo();
    expect(
      await main(
        ["send", "--out", out, "--period", PERIOD, "--smtp", `smtps://127.0.0.1:${server.port}`],
        io,
      ),
    ).toBe(2);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(io.stdout()).toMatch(/Stopped early: the SMTP server cannot be used/);
  });
});
