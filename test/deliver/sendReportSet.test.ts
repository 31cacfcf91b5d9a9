import { afterAll, describe, expect, it } from "@jest/globals";
import { existsSync, readdirSync, readFileSync, writeFileSync, appendFileSync } from "node:fs";
import { hostname } from "node:os";
import { join } from "node:path";
import { simpleParser } from "mailparser";
import { defaultSendEffects } from "../../src/deliver/defaultSendEffects.js";
import {
  sendExitCode,
  sendReportSet,
  type SendEffects,
  type SendReportSetOptions,
} from "../../src/deliver/sendReportSet.js";
import type { MailTransport, OutgoingMessage, SendOutcome } from "../../src/deliver/types.js";
import { main } from "../../src/cli/main.js";
import type { DeliveryEvent } from "../../src/model.js";
import {
  HEADER_INJECTION_REFUSALS,
  HEADER_INJECTION_REPORTS,
  HEADER_INJECTION_SENDABLE,
  startingWith,
} from "../helpers/headerInjection.js";
import { captureIo } from "../helpers/io.js";
import { makeArchive, removeArchives, PERIOD, TINY_ADDRESSES, TINY_REPORTS } from "./makeArchive.js";

afterAll(removeArchives);

const fixed = {
  clock: () => new Date("2026-11-05T15:00:00Z"),
  random: () => 0.5,
  sleep: () => Promise.resolve(),
};
const ledgerOf = (periodDir: string): DeliveryEvent[] =>
  readFileSync(join(periodDir, "deliveries.jsonl"), "utf8")
    .trim()
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as DeliveryEvent);

/** A transport that answers from a script, per address, and records what it was handed. */
function scripted(script: Record<string, SendOutcome[]> = {}): MailTransport & { handed: OutgoingMessage[] } {
  const handed: OutgoingMessage[] = [];
  return {
    kind: "smtp",
    description: "scripted",
    handed,
    send(message) {
      handed.push(message);
      const next = script[message.to]?.shift();
      return Promise.resolve(next ?? { status: "sent", reply: "250 OK" });
    },
    close: () => Promise.resolve(),
  };
}

/** The options of a send, and fakes of its effects: `transport` is what makeTransport returns. */
type SendSetup = Partial<SendReportSetOptions> &
  Partial<Pick<SendEffects, "clock" | "random" | "sleep" | "warn">> & { transport?: MailTransport };

const send = (out: string, setup: SendSetup = {}) => {
  const { transport, clock, random, sleep, warn, ...options } = setup;
  const fakes: Partial<SendEffects> = { ...fixed };
  if (clock) fakes.clock = clock;
  if (random) fakes.random = random;
  if (sleep) fakes.sleep = sleep;
  if (warn) fakes.warn = warn;
  if (transport) fakes.makeTransport = () => transport;
  return sendReportSet({ out, period: PERIOD, ...options }, defaultSendEffects(fakes));
};

describe("sendReportSet to the outbox", () => {
  it("writes one .eml per recipient, records each as written (not sent), and a second run writes nothing", async () => {
    const { out, periodDir, manifest } = makeArchive();
    const first = await send(out);
    expect(first.counts).toEqual({ sent: 0, written: 11, failed: 0, unknown: 0, pending: 0 });
    expect(first.sentNow).toBe(0);
    expect(first.writtenNow).toBe(11);
    expect(sendExitCode(first)).toBe(0);
    const files = readdirSync(join(periodDir, "outbox")).sort();
    expect(files).toHaveLength(11);
    const raymondi = files.find((f) =>
      /^district-020003-en-liaison\.raymondi@example\.org-[0-9a-f]{8}\.eml$/.test(f),
    );
    expect(raymondi).toBeDefined();
    const parsed = await simpleParser(readFileSync(join(periodDir, "outbox", raymondi!)));
    expect(parsed.subject).toBe("Semáforo Escuela · October 2026 report · UGEL Antonio Raymondi");
    const report = manifest.reports.find((r) => r.code === "020003");
    const { createHash } = await import("node:crypto");
    expect(createHash("sha256").update(parsed.attachments[0]!.content).digest("hex")).toBe(report?.sha256);

    const events = ledgerOf(periodDir);
    expect(events.filter((e) => e.state === "attempt")).toHaveLength(11);
    expect(
      events
        .filter((e) => e.state === "written")
        .map((e) => e.email)
        .sort(),
    ).toEqual(TINY_ADDRESSES);
    expect(events[0]).toMatchObject({
      state: "attempt",
      transport: "outbox",
      at: "2026-11-05T15:00:00.000Z",
      attempt: 1,
    });

    const second = await send(out);
    expect(second.writtenNow).toBe(0);
    expect(second.counts.written).toBe(11);
    expect(sendExitCode(second)).toBe(0);
    expect(ledgerOf(periodDir)).toHaveLength(events.length);
    expect(existsSync(join(periodDir, ".send.lock"))).toBe(false);
  });

  it("dry run lists who gets what and writes nothing", async () => {
    const { out, periodDir } = makeArchive();
    const report = await send(out, { dryRun: true });
    expect(report.deliveries).toHaveLength(11);
    expect(report.deliveries.every((d) => d.action === "would-send" && d.state === "pending")).toBe(true);
    expect(existsSync(join(periodDir, "deliveries.jsonl"))).toBe(false);
    expect(existsSync(join(periodDir, "outbox"))).toBe(false);
  });

  it("refuses a PDF that does not match the manifest, and a message over the size limit", async () => {
    const { out, periodDir } = makeArchive([
      { ...TINY_REPORTS[3]!, size: 3000 },
      { ...TINY_REPORTS[4]!, size: 200_000 },
    ]);
    writeFileSync(join(periodDir, "district/010001-es-report.pdf"), "tampered");
    const report = await send(out, { maxSize: 100_000 });
    expect(report.counts).toEqual({ sent: 0, written: 0, failed: 2, unknown: 0, pending: 0 });
    expect(report.deliveries[0]?.reply).toMatch(
      /does not match the manifest \(sha256 [0-9a-f]{64}, manifest/,
    );
    expect(report.deliveries[1]?.reply).toMatch(/encoded message is 271 kB, over the limit of 98 kB/);
    expect(sendExitCode(report)).toBe(5);
    expect(existsSync(join(periodDir, "outbox"))).toBe(false);
    expect(ledgerOf(periodDir).some((e) => e.state === "attempt")).toBe(false);
  });

  it("refuses injection attempts from the data and sends the others", async () => {
    const { out } = makeArchive(HEADER_INJECTION_REPORTS);
    const transport = scripted();
    const report = await send(out, { transport });
    expect(transport.handed.map((m) => m.to)).toEqual([HEADER_INJECTION_SENDABLE]);
    expect(report.counts).toEqual({ sent: 1, written: 0, failed: 3, unknown: 0, pending: 0 });
    const replies = report.deliveries.filter((d) => d.state === "failed").map((d) => d.reply);
    expect(replies).toEqual(HEADER_INJECTION_REFUSALS.map(startingWith));
  });
});

describe("sendReportSet outcomes (scripted transport)", () => {
  it("retries transient failures with backoff and logs each attempt", async () => {
    const { out, periodDir } = makeArchive([TINY_REPORTS[3]!]);
    const delays: number[] = [];
    const transport = scripted({
      "ugel.chachapoyas@example.org": [
        { status: "retry", reached: true, reply: "421 busy" },
        { status: "retry", reached: false, reply: "ECONNECTION: closed" },
      ],
    });
    const report = await send(out, {
      transport,
      retry: { baseMs: 100 },
      sleep: (ms) => (delays.push(ms), Promise.resolve()),
    });
    expect(report.counts.sent).toBe(1);
    expect(delays).toEqual([75, 150]);
    expect(ledgerOf(periodDir).map((e) => `${e.state}${e.attempt}`)).toEqual([
      "attempt1",
      "pending1",
      "attempt2",
      "pending2",
      "attempt3",
      "sent3",
    ]);
  });

  it("gives up after the bounded attempts, stops when the server cannot be reached, and the next send tries again", async () => {
    const { out } = makeArchive([TINY_REPORTS[3]!, TINY_REPORTS[4]!]);
    const down = { status: "retry", reached: false, reply: "ECONNECTION: connect ECONNREFUSED" } as const;
    const transport = scripted({ "ugel.chachapoyas@example.org": [down, down, down] });
    const report = await send(out, { transport, retry: { attempts: 3 } });
    expect(transport.handed).toHaveLength(3);
    // Nothing reached the server: both stay pending (a wrong port must not leave anyone `failed`).
    expect(report.deliveries.map((d) => `${d.state}:${d.action}`)).toEqual([
      "pending:attempted",
      "pending:not-reached",
    ]);
    expect(report.deliveries[0]?.reply).toMatch(
      /^not delivered in this run, gave up after 3 attempts \(the first and 2 retries\): ECONNECTION.*the next send tries again$/,
    );
    expect(report.deliveries[1]?.reply).toMatch(
      /^not attempted: the run stopped first \(the SMTP server could not be reached/,
    );
    expect(report.stop).toEqual({
      kind: "unreachable",
      reason: expect.stringMatching(/^the SMTP server could not be reached \(ECONNECTION/),
      reply: "ECONNECTION: connect ECONNREFUSED",
    });
    expect(sendExitCode(report)).toBe(5);
    // A plain rerun, once the server is back, sends both.
    const up = scripted({});
    const rerun = await send(out, { transport: up });
    expect(rerun.counts).toMatchObject({ sent: 2, pending: 0, failed: 0 });
  });

  it("stops at a configuration failure (a refused login): stop kind config, exit 2, the rest pending and not reached", async () => {
    const { out } = makeArchive([TINY_REPORTS[3]!, TINY_REPORTS[4]!]);
    const reply = "EAUTH: Invalid login: 535 5.7.8 Authentication failed";
    const transport = scripted({
      "ugel.chachapoyas@example.org": [{ status: "stop", reply }],
    });
    const report = await send(out, { transport });
    expect(transport.handed).toHaveLength(1);
    expect(report.stop).toEqual({
      kind: "config",
      reason: `the SMTP server cannot be used (${reply}); check the URL, credentials and certificate`,
      reply,
    });
    expect(report.deliveries.map((d) => `${d.state}:${d.action}`)).toEqual([
      "pending:attempted",
      "pending:not-reached",
    ]);
    expect(sendExitCode(report)).toBe(2);
    // Nothing was handed over: the next send, with the right credentials, sends both.
    const rerun = await send(out, { transport: scripted() });
    expect(rerun.stop).toBeNull();
    expect(rerun.sentNow).toBe(2);
  });

  it("records a lost connection as unknown, never re-sent by a plain rerun, re-sent with --force", async () => {
    const { out } = makeArchive([TINY_REPORTS[3]!]);
    const transport = scripted({
      "ugel.chachapoyas@example.org": [
        {
          status: "unknown",
          reply: "the connection broke after the message was handed over: ECONNECTION: closed",
        },
      ],
    });
    expect((await send(out, { transport })).counts.unknown).toBe(1);
    const rerun = await send(out, { transport });
    expect(rerun.counts.unknown).toBe(1);
    expect(transport.handed).toHaveLength(1);
    await expect(send(out, { transport, force: ["010001"] })).rejects.toThrow(/--reason/);
    const forced = await send(out, {
      transport,
      force: ["010001"],
      reason: "the UGEL never got it",
      forcedBy: "ops",
    });
    expect(forced.counts.sent).toBe(1);
    expect(transport.handed).toHaveLength(2);
    expect(ledgerOf(join(out, PERIOD)).at(-1)).toMatchObject({
      state: "sent",
      forced: { by: "ops", reason: "the UGEL never got it" },
    });
  });

  it("reads an attempt without an outcome (a killed run) as unknown and does not re-send it", async () => {
    const { out, periodDir } = makeArchive([TINY_REPORTS[3]!, TINY_REPORTS[4]!]);
    await send(out, { dryRun: true });
    const id = `${PERIOD}/district/010001/es/ugel.chachapoyas@example.org`;
    appendFileSync(
      join(periodDir, "deliveries.jsonl"),
      JSON.stringify({
        id,
        messageId: "<x@y>",
        at: "2026-11-05T14:00:00Z",
        level: "district",
        code: "010001",
        email: "ugel.chachapoyas@example.org",
        file: "f",
        sha256: "s",
        state: "attempt",
        attempt: 1,
        transport: "smtp",
      }) + "\n",
    );
    const transport = scripted();
    const report = await send(out, { transport });
    expect(transport.handed.map((m) => m.to)).toEqual(["ugel.bagua@example.org"]);
    expect(report.deliveries.map((d) => d.state)).toEqual(["unknown", "sent"]);
  });

  it("a permanent rejection is failed with the reply; --resend-failed retries it", async () => {
    const { out } = makeArchive([TINY_REPORTS[3]!, TINY_REPORTS[4]!]);
    const transport = scripted({
      "ugel.bagua@example.org": [{ status: "failed", reply: "550 5.1.1 no such user" }],
    });
    const report = await send(out, { transport });
    expect(report.deliveries.map((d) => `${d.state}:${d.reply ?? ""}`)).toEqual([
      "sent:250 OK",
      "failed:550 5.1.1 no such user",
    ]);
    expect((await send(out, { transport })).sentNow).toBe(0);
    const again = await send(out, { transport, resendFailed: true });
    expect(again.sentNow).toBe(1);
    expect(sendExitCode(again)).toBe(0);
  });

  it("refuses to start while another run holds the lock", async () => {
    const { out, periodDir } = makeArchive([TINY_REPORTS[3]!]);
    writeFileSync(
      join(periodDir, ".send.lock"),
      JSON.stringify({ pid: process.pid, hostname: hostname(), startedAt: "now" }),
    );
    await expect(send(out, { transport: scripted() })).rejects.toThrow(/Another send is running/);
  });
});

describe("semaforo send (command line)", () => {
  it("prints a summary, JSON on demand, and the dry-run table", async () => {
    const { out } = makeArchive();
    let io = captureIo();
    expect(await main(["send", "--out", out, "--period", PERIOD, "--dry-run"], io)).toBe(0);
    expect(io.stdout()).toMatch(
      /send +liaison\.raymondi@example\.org +district 020003 UGEL Antonio Raymondi +en/,
    );
    expect(io.stdout()).toMatch(/11 of 11 deliveries would be written to the outbox\. Nothing was sent\./);
    io = captureIo();
    expect(await main(["send", "--out", out, "--period", PERIOD], io)).toBe(0);
    expect(io.stdout()).toMatch(
      /11 written to the outbox now \(not sent: no SMTP URL\); 0 sent, 11 written, 0 failed, 0 unknown of 11 deliveries\./,
    );
    expect(io.stdout()).toMatch(/nobody got them yet/);
    io = captureIo();
    expect(await main(["send", "--out", out, "--period", PERIOD, "--json"], io)).toBe(0);
    expect(JSON.parse(io.stdout())).toMatchObject({
      writtenNow: 0,
      counts: { sent: 0, written: 11, failed: 0, unknown: 0 },
    });
  });

  it("refuses bad input with exit 2 and a clear message", async () => {
    const { out } = makeArchive();
    let io = captureIo();
    expect(
      await main(
        ["send", "--out", out, "--period", PERIOD, "--smtp", "smtp://h?tls.rejectUnauthorized=false"],
        io,
      ),
    ).toBe(2);
    expect(io.stderr()).toMatch(/takes only user, password, host and port/);
    io = captureIo();
    expect(await main(["send", "--out", out, "--period", PERIOD, "--only", "999999"], io)).toBe(2);
    expect(io.stderr()).toMatch(/999999 is not a unit of 2026-10's manifest/);
    io = captureIo();
    expect(await main(["send", "--out", out, "--period", "2026-13"], io)).toBe(2);
    io = captureIo();
    expect(await main(["send", "--out", join(out, "nowhere"), "--period", PERIOD], io)).toBe(2);
    expect(io.stderr()).toMatch(/does not exist: no report set was built there/);
  });

  it("refuses a manifest without a sender, and a bad sender, before sending anything", async () => {
    const { out } = makeArchive([TINY_REPORTS[3]!], { email: null });
    const io = captureIo();
    expect(await main(["send", "--out", out, "--period", PERIOD], io)).toBe(2);
    expect(io.stderr()).toMatch(/names no sender/);
    const bad = makeArchive([TINY_REPORTS[3]!], { email: { from: "a@b.org\r\nBcc: x@evil.test" } });
    const io2 = captureIo();
    expect(await main(["send", "--out", bad.out, "--period", PERIOD], io2)).toBe(2);
    expect(io2.stderr()).toMatch(/email\.from .* control character/);
    expect(existsSync(join(bad.periodDir, "outbox"))).toBe(false);
  });

  it("lets the config's email settings override the recorded sender field by field", async () => {
    const { out, periodDir, manifest } = makeArchive([TINY_REPORTS[3]!]);
    const report = await send(out, { sender: { replyTo: "mesa-de-ayuda@example.org" } });
    expect(report.counts.written).toBeGreaterThan(0);
    const file = readdirSync(join(periodDir, "outbox"))[0]!;
    const parsed = await simpleParser(readFileSync(join(periodDir, "outbox", file)));
    expect(parsed.replyTo?.text).toBe("mesa-de-ayuda@example.org");
    // The rest is still the build's: makeArchive records "Semáforo Escuela <semaforo@example.org>".
    expect(manifest.email?.from).toBe("Semáforo Escuela <semaforo@example.org>");
    expect(parsed.from?.value[0]).toEqual({ address: "semaforo@example.org", name: "Semáforo Escuela" });
  });
});

describe("the dry run refuses what send refuses, in the same words", () => {
  it("refuses a quote in an address and a line break in a unit name, like the real send", async () => {
    const reports = [
      {
        level: "district" as const,
        code: "010001",
        name: "UGEL Chachapoyas",
        recipients: [{ email: "o'neil@ugel.example.org", name: "Ana O'Neil" }],
      },
      {
        level: "district" as const,
        code: "010002",
        name: "UGEL Bagua\r\nBcc: x@evil.test",
        recipients: [{ email: "bagua@example.org" }],
      },
      {
        level: "district" as const,
        code: "010003",
        name: "UGEL Bongará",
        recipients: [{ email: "ok@example.org" }],
      },
    ];
    const { out } = makeArchive(reports);
    const dry = await send(out, { dryRun: true, transport: scripted() });
    expect(dry.deliveries.map((d) => d.action)).toEqual(["refused", "refused", "would-send"]);
    expect(sendExitCode(dry)).toBe(5);
    const io = captureIo();
    expect(await main(["send", "--out", out, "--period", PERIOD, "--dry-run"], io)).toBe(5);
    expect(io.stdout()).toMatch(/REFUSE +o'neil@ugel\.example\.org/);
    expect(io.stdout()).toMatch(/1 of 3 deliveries would be written to the outbox, 2 would be refused/);

    const real = await send(out, { transport: scripted() });
    expect(real.deliveries.map((d) => d.reply)).toEqual([
      dry.deliveries[0]?.reply,
      dry.deliveries[1]?.reply,
      "250 OK",
    ]);
    expect(dry.deliveries[0]?.reply).toMatch(
      /^refused, nothing sent: recipient address "o'neil@ugel\.example\.org"/,
    );
    expect(dry.deliveries[1]?.reply).toMatch(/^refused, nothing sent: unit name .* contains a line break/);
  });
});

describe("outbox and SMTP together", () => {
  it("an outbox run leaves everything to deliver: the SMTP run then sends all of it, once", async () => {
    const { out } = makeArchive();
    const outboxRun = await send(out);
    expect(outboxRun.counts.written).toBe(11);
    const transport = scripted();
    const smtpRun = await send(out, { transport });
    expect(smtpRun.sentNow).toBe(11);
    expect(smtpRun.counts).toEqual({ sent: 11, written: 0, failed: 0, unknown: 0, pending: 0 });
    expect(sendExitCode(smtpRun)).toBe(0);
    expect((await send(out, { transport })).sentNow).toBe(0);
    expect(transport.handed).toHaveLength(11);
  });

  it("a failed SMTP delivery retried without an SMTP URL ends written, not sent", async () => {
    const { out } = makeArchive([TINY_REPORTS[3]!]);
    const transport = scripted({
      "ugel.chachapoyas@example.org": [{ status: "failed", reply: "550 mailbox full" }],
    });
    expect((await send(out, { transport })).counts.failed).toBe(1);
    const retried = await send(out, { resendFailed: true });
    expect(retried.deliveries.map((d) => `${d.state}:${d.action}`)).toEqual(["written:written"]);
    const smtp = await send(out, { transport });
    expect(smtp.deliveries.map((d) => `${d.state}:${d.action}`)).toEqual(["sent:sent"]);
  });

  it("names outbox files from safe parts: a code or address holding / or .. stays inside outbox/", async () => {
    const { out, periodDir } = makeArchive([
      {
        level: "district",
        code: "..evil",
        name: "UGEL X",
        recipients: [{ email: "a/b@example.org" }],
      },
    ]);
    const report = await send(out);
    expect(report.counts.written).toBe(1);
    const files = readdirSync(join(periodDir, "outbox"));
    expect(files).toEqual([expect.stringMatching(/^district-_evil-es-a_+b@example\.org-[0-9a-f]{8}\.eml$/)]);
  });
});

describe("--force and --to", () => {
  it("never sends a sent address again unless --to names it; records who and why", async () => {
    const { out, periodDir } = makeArchive([TINY_REPORTS[6]!]);
    const transport = scripted({
      "gestion.huaraz@example.org": [
        {
          status: "unknown",
          reply: "the connection broke after the message was handed over: ECONNECTION: closed",
        },
      ],
    });
    await send(out, { transport });
    expect(transport.handed.map((m) => m.to)).toEqual([
      "ugel.huaraz@example.org",
      "gestion.huaraz@example.org",
    ]);
    const forced = await send(out, {
      transport,
      force: ["020001"],
      reason: "asked by phone",
      forcedBy: "ops",
    });
    expect(transport.handed.slice(2).map((m) => m.to)).toEqual(["gestion.huaraz@example.org"]);
    expect(forced.counts.sent).toBe(2);
    await send(out, {
      transport,
      force: ["020001"],
      forceTo: ["UGEL.Huaraz@example.org"],
      reason: "new build",
      forcedBy: "ops",
    });
    expect(transport.handed.slice(3).map((m) => m.to)).toEqual(["ugel.huaraz@example.org"]);
    expect(
      ledgerOf(periodDir)
        .filter((e) => e.forced)
        .map((e) => `${e.email} ${e.state} ${e.forced?.reason}`),
    ).toEqual([
      "gestion.huaraz@example.org attempt asked by phone",
      "gestion.huaraz@example.org sent asked by phone",
      "ugel.huaraz@example.org attempt new build",
      "ugel.huaraz@example.org sent new build",
    ]);
    const warnings: string[] = [];
    await send(out, { transport, force: ["020001"], reason: "again?", warn: (w) => warnings.push(w) });
    expect(transport.handed).toHaveLength(4);
    expect(warnings.join("\n")).toMatch(
      /--force 020001: no delivery of that unit is unknown, so nothing is sent again/,
    );
    await expect(send(out, { transport, forceTo: ["ugel.huaraz@example.org"] })).rejects.toThrow(
      /there is no --force/,
    );
    await expect(
      send(out, { transport, force: ["020001"], forceTo: ["nobody@example.org"], reason: "x" }),
    ).rejects.toThrow(/not a recipient of 020001/);
  });
});

describe("sendReportSet's effects", () => {
  it("runs on fakes alone: the lock is held and each attempt is in the ledger before its hand-over", async () => {
    const { out, periodDir } = makeArchive([TINY_REPORTS[3]!, TINY_REPORTS[4]!]);
    const appended: DeliveryEvent[] = [];
    const log: string[] = [];
    const effects = defaultSendEffects({
      ...fixed,
      lock: (file) => {
        log.push(`lock ${file.slice(periodDir.length + 1)}`);
        return { file, release: () => void log.push("release") };
      },
      readLedger: () => {
        throw new Error("a real send opens the ledger for appending");
      },
      openLedger: () => ({
        events: [],
        append: (event) => void appended.push(event),
        close: () => void log.push("ledger closed"),
      }),
      makeTransport: (target) => {
        log.push(`transport ${target.kind === "smtp" ? target.settings.host : target.dir}`);
        return {
          kind: "smtp",
          description: "fake",
          send: (message) => {
            const last = appended.at(-1);
            log.push(`send ${message.to} after ${last?.state} ${last?.email}`);
            return Promise.resolve({ status: "sent", reply: "250 OK" });
          },
          close: () => (log.push("transport closed"), Promise.resolve()),
        };
      },
      whoAmI: () => "ops",
    });
    const report = await sendReportSet({ out, period: PERIOD, smtpUrl: "smtp://mail.example.org" }, effects);
    expect(report.sentNow).toBe(2);
    expect(log).toEqual([
      "lock .send.lock",
      "transport mail.example.org",
      "send ugel.chachapoyas@example.org after attempt ugel.chachapoyas@example.org",
      "send ugel.bagua@example.org after attempt ugel.bagua@example.org",
      "transport closed",
      "ledger closed",
      "release",
    ]);
    expect(appended.map((e) => `${e.state} ${e.at}`)).toEqual([
      "attempt 2026-11-05T15:00:00.000Z",
      "sent 2026-11-05T15:00:00.000Z",
      "attempt 2026-11-05T15:00:00.000Z",
      "sent 2026-11-05T15:00:00.000Z",
    ]);
    // The fakes stood for the disk: no ledger and no lock file were written.
    expect(existsSync(join(periodDir, "deliveries.jsonl"))).toBe(false);
    expect(existsSync(join(periodDir, ".send.lock"))).toBe(false);
  });

  it("a dry run only reads the ledger: it neither locks nor opens it for writing", async () => {
    const { out } = makeArchive([TINY_REPORTS[3]!]);
    const refuse = () => {
      throw new Error("a dry run writes nothing");
    };
    const report = await sendReportSet(
      { out, period: PERIOD, dryRun: true },
      defaultSendEffects({ ...fixed, lock: refuse, openLedger: refuse }),
    );
    expect(report.deliveries.map((d) => d.action)).toEqual(["would-send"]);
    expect(report.stop).toBeNull();
  });
});
