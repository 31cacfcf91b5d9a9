// The SMS row of `npm run bench` (issue #25): a built period's SMS (the demo month: every UGEL's
// and DRE's first recipient and every visited school's director) sent by the real CLI in a child
// process (`semaforo send --channel sms`) to a real SMPP server (the `smpp` package) on 127.0.0.1.
// Measures messages per second (the CLI's window of outstanding submits, 10 by default) and the
// child's peak memory, and checks that each SMS arrived once, in data_coding 0, in at most 2 parts.
// Alone: node bench/smsBench.js OUT/PERIOD (a built period folder; it is copied, not changed).
import { spawn } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import smpp from "smpp";
import { countSegments } from "../dist/deliver/sms/gsm7.js";

const cli = join(dirname(fileURLToPath(import.meta.url)), "..", "bin", "semaforo.js");

const rssKb = (pid) => {
  try {
    const match = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
};

/** Sends periodDir's SMS (a copy) to a local SMPP server; returns the row. */
export async function benchSms(periodDir) {
  const work = mkdtempSync(join(tmpdir(), "semaforo-sms-bench-"));
  const period = basename(periodDir);
  cpSync(join(periodDir, "manifest.json"), join(work, period, "manifest.json"));
  const manifest = JSON.parse(readFileSync(join(periodDir, "manifest.json"), "utf8"));
  const expected = manifest.reports.flatMap((r) => (r.sms ?? []).map((s) => s));
  const received = new Map();
  let parts = 0;
  let badCoding = 0;
  let counter = 0;
  const server = smpp.createServer({}, (session) => {
    session.on("error", () => {});
    session.on("bind_transmitter", (pdu) => session.send(pdu.response()));
    session.on("enquire_link", (pdu) => session.send(pdu.response()));
    session.on("unbind", (pdu) => {
      session.send(pdu.response());
      session.close();
    });
    session.on("submit_sm", (pdu) => {
      parts += 1;
      if (pdu.data_coding !== 0) badCoding += 1;
      const udh = pdu.esm_class & 0x40 ? pdu.short_message?.udh?.[0] : null;
      // Count a message once: at its single part, or at part 1 of a concatenated one.
      if (!udh || udh[udh.length - 1] === 1) {
        const key = pdu.destination_addr;
        received.set(key, (received.get(key) ?? 0) + 1);
      }
      session.send(pdu.response({ message_id: String(++counter) }));
    });
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `smpp://bench:bench@127.0.0.1:${server.address().port}`;
  const started = performance.now();
  let peakKb = 0;
  const code = await new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [cli, "send", "--out", work, "--period", period, "--channel", "sms", "--sms", url, "--json"],
      {
        stdio: ["ignore", "ignore", "inherit"],
      },
    );
    const timer = setInterval(() => (peakKb = Math.max(peakKb, rssKb(child.pid))), 100);
    child.on("exit", (c) => {
      clearInterval(timer);
      resolve(c);
    });
  });
  const ms = performance.now() - started;
  await new Promise((resolve) => server.close(resolve));
  for (const s of server.sessions ?? []) s.destroy();
  rmSync(work, { recursive: true, force: true });
  // One per (phone, text): a director of two schools gets two SMS on one phone.
  const messages = [...received.values()].reduce((a, b) => a + b, 0);
  const phones = new Map();
  for (const s of expected) phones.set(s.to.slice(1), (phones.get(s.to.slice(1)) ?? 0) + 1);
  const eachOnce =
    [...phones].every(([phone, n]) => received.get(phone) === n) && messages === expected.length;
  return {
    exitCode: code,
    messages,
    expected: expected.length,
    parts,
    ms: Math.round(ms),
    perSecond: Math.round((messages / ms) * 1000 * 10) / 10,
    window: 10,
    peakMemoryMb: Math.round(peakKb / 1024),
    eachOnce,
    allDataCoding0: badCoding === 0,
    maxSegments: Math.max(...expected.map((s) => countSegments(s.text))),
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const row = await benchSms(process.argv[2] ?? "out/2026-10");
  console.log(JSON.stringify(row, null, 2));
}
