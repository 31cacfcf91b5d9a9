// The SMS row of `npm run bench` (issue #25): a built period's SMS (the demo month: every recipient
// with a phone and every visited school's director) sent by the real CLI in a child process
// (`semaforo send --channel sms --sms smpp://…`) to a real SMPP server (the `smpp` package) on
// 127.0.0.1. Measures messages per second (the CLI's window of outstanding submits) and the child's
// peak memory, and checks on the server's side, from the bytes on the wire: every SMS of the
// manifest arrived exactly once (phone and text), every submit_sm has data_coding 0 and GSM-7
// septets, TON/NPI 1/1, at most 2 parts, a two-part SMS with the concatenation UDH; then that a
// second send hands over nothing.
//
// Alone: node bench/smsBench.js OUT/PERIOD (a built period folder; only its manifest is read, copied).
import { spawn } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import smpp from "smpp";
import { decodeGsm7, encodeGsm7 } from "../dist/deliver/sms/gsm7.js";
import { DEFAULT_SMS_WINDOW } from "../dist/deliver/sms/sendSmsSet.js";

// The server checks the bytes themselves: the package's decoding of short_message is turned off in
// this process (the bench uses the package only for this server).
smpp.filters.message.decode = (value) => value;

const cli = join(dirname(fileURLToPath(import.meta.url)), "..", "bin", "semaforo.js");

const rssKb = (pid) => {
  try {
    const match = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
};

/** A real SMPP server on 127.0.0.1 that accepts every bind and submit and keeps each submit_sm. */
async function startServer() {
  const submits = [];
  const sessions = new Set();
  let counter = 0;
  const server = smpp.createServer({}, (session) => {
    sessions.add(session);
    session.on("error", () => {});
    session.on("close", () => sessions.delete(session));
    session.on("bind_transmitter", (pdu) => session.send(pdu.response()));
    session.on("enquire_link", (pdu) => session.send(pdu.response()));
    session.on("unbind", (pdu) => {
      session.send(pdu.response());
      session.close();
    });
    session.on("submit_sm", (pdu) => {
      submits.push({
        to: String(pdu.destination_addr),
        ton: pdu.dest_addr_ton,
        npi: pdu.dest_addr_npi,
        dataCoding: pdu.data_coding,
        esmClass: pdu.esm_class,
        bytes: Buffer.from(pdu.short_message),
      });
      session.send(pdu.response({ message_id: `B${++counter}` }));
    });
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    submits,
    url: `smpp://bench:bench@127.0.0.1:${server.address().port}`,
    close: () =>
      new Promise((resolve) => {
        for (const s of sessions) s.destroy();
        server.close(resolve);
      }),
  };
}

/** GSM-7 septets, one a byte, that decode to text which encodes back to the same bytes. */
function gsm7Text(bytes) {
  if (bytes.some((b) => b > 0x7f)) return null;
  const text = decodeGsm7(bytes);
  try {
    return encodeGsm7(text).equals(bytes) ? text : null;
  } catch {
    return null;
  }
}

/**
 * The SMS as the server received them, from the submits: a single part, or two parts joined by their
 * concatenation UDH (05 00 03 ref 02 n) and destination. Every fault found goes into `faults`.
 */
export function reassemble(submits) {
  const faults = [];
  const messages = [];
  const halves = new Map();
  for (const s of submits) {
    if (s.dataCoding !== 0) faults.push(`${s.to}: data_coding ${s.dataCoding}`);
    if (s.ton !== 1 || s.npi !== 1) faults.push(`${s.to}: TON/NPI ${s.ton}/${s.npi}`);
    const udhi = (s.esmClass & 0x40) !== 0;
    const udh = udhi ? s.bytes.subarray(0, 6) : null;
    if (
      udhi &&
      !(udh[0] === 5 && udh[1] === 0 && udh[2] === 3 && udh[4] === 2 && (udh[5] === 1 || udh[5] === 2))
    ) {
      faults.push(
        `${s.to}: UDH ${[...udh].map((b) => b.toString(16)).join(" ")} is not a 2-part concatenation header`,
      );
      continue;
    }
    const text = gsm7Text(udhi ? s.bytes.subarray(6) : s.bytes);
    if (text === null) {
      faults.push(`${s.to}: bytes that are not GSM-7 septets`);
      continue;
    }
    if (!udhi) {
      if (s.bytes.length > 160) faults.push(`${s.to}: a single part of ${s.bytes.length} septets`);
      messages.push({ to: s.to, text, parts: 1 });
      continue;
    }
    const key = `${s.to}/${udh[3]}`;
    const pair = halves.get(key) ?? [];
    if (pair[udh[5]] !== undefined) faults.push(`${key}: part ${udh[5]} twice`);
    pair[udh[5]] = text;
    if (pair[1] !== undefined && pair[2] !== undefined) {
      messages.push({ to: s.to, text: pair[1] + pair[2], parts: 2 });
      halves.delete(key);
    } else halves.set(key, pair);
  }
  for (const key of halves.keys()) faults.push(`${key}: one part of two`);
  return { messages, faults };
}

/** `semaforo send --channel sms` in a child process; its exit code, stdout and peak RSS. */
function send(work, period, url) {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [cli, "send", "--out", work, "--period", period, "--channel", "sms", "--sms", url, "--json"],
      { stdio: ["ignore", "pipe", "inherit"] },
    );
    let stdout = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    let peakKb = 0;
    const timer = setInterval(() => (peakKb = Math.max(peakKb, rssKb(child.pid))), 100);
    child.on("close", (code) => {
      clearInterval(timer);
      resolve({ code, stdout, peakKb });
    });
  });
}

/** Sends periodDir's SMS (from a copy of its manifest) to a local SMPP server; returns the row. */
export async function benchSms(periodDir) {
  const work = mkdtempSync(join(tmpdir(), "semaforo-sms-bench-"));
  const period = basename(periodDir);
  cpSync(join(periodDir, "manifest.json"), join(work, period, "manifest.json"));
  const manifest = JSON.parse(readFileSync(join(periodDir, "manifest.json"), "utf8"));
  const expected = manifest.reports.flatMap((r) => r.sms ?? []);
  const server = await startServer();
  const loadBefore = loadavg().map((n) => Math.round(n * 100) / 100);
  const started = performance.now();
  const run = await send(work, period, server.url);
  const ms = performance.now() - started;
  const loadAfter = loadavg().map((n) => Math.round(n * 100) / 100);
  const parts = server.submits.length;
  const again = await send(work, period, server.url);
  await server.close();
  const ledger = readFileSync(join(work, period, "deliveries.jsonl"), "utf8")
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l));
  rmSync(work, { recursive: true, force: true });

  const { messages, faults } = reassemble(server.submits.slice(0, parts));
  // Each SMS of the manifest exactly once: the same phone and the same text (a director of two
  // schools gets two SMS on one phone, with different texts and references).
  const want = new Map();
  for (const s of expected)
    want.set(`${s.to.slice(1)}\n${s.text}`, (want.get(`${s.to.slice(1)}\n${s.text}`) ?? 0) + 1);
  const got = new Map();
  for (const m of messages) got.set(`${m.to}\n${m.text}`, (got.get(`${m.to}\n${m.text}`) ?? 0) + 1);
  const missing = [...want].filter(([k, n]) => got.get(k) !== n).length;
  const extra = [...got].filter(([k]) => !want.has(k)).length;
  const sentInLedger = new Set(
    ledger.filter((e) => e.channel === "sms" && e.state === "sent").map((e) => e.id),
  );
  return {
    exitCode: run.code,
    messages: messages.length,
    expected: expected.length,
    recipients: new Set(expected.map((s) => s.to)).size,
    parts,
    twoPart: messages.filter((m) => m.parts === 2).length,
    ms: Math.round(ms),
    perSecond: Math.round((messages.length / ms) * 1000 * 10) / 10,
    window: DEFAULT_SMS_WINDOW,
    peakMemoryMb: Math.round(run.peakKb / 1024),
    loadAverage: { before: loadBefore, after: loadAfter },
    // Checks on the server's side.
    eachOnce: missing === 0 && extra === 0 && messages.length === expected.length,
    missing,
    extra,
    wireFaults: faults.slice(0, 12),
    wireFaultCount: faults.length,
    allGsm7DataCoding0: faults.length === 0,
    maxParts: Math.max(0, ...messages.map((m) => m.parts)),
    sentInLedger: sentInLedger.size,
    rerun: { exitCode: again.code, submits: server.submits.length - parts },
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const row = await benchSms(process.argv[2] ?? "out/2026-10");
  console.log(JSON.stringify(row, null, 2));
}
