import { afterEach, describe, expect, it, jest } from "@jest/globals";
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { replayLedger } from "../../../src/deliver/replayLedger.js";
import type { DeliveryEvent, ManifestSms } from "../../../src/model.js";
import { makeManifest, makeReport } from "../../helpers/manifest.js";
import { startSmsc, type Smsc } from "../../helpers/startSmsc.js";

jest.setTimeout(120_000);

const phones = Array.from({ length: 8 }, (_, i) => `+5191111111${i}`);
const sms = (to: string): ManifestSms => ({
  to,
  name: "Ana",
  text: `UGEL 010001, octubre. Ref ${to.slice(-5)}`,
});

let smsc: Smsc | undefined;
afterEach(async () => {
  await smsc?.close();
  smsc = undefined;
});

/** `semaforo send --channel sms` in a child process (the built CLI), resolving with its exit code. */
function send(out: string, url: string, onSpawn?: (pid: number) => void): Promise<number | null> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      ["bin/semaforo.js", "send", "--out", out, "--period", "2026-10", "--channel", "sms", "--sms", url],
      { stdio: "ignore" },
    );
    if (child.pid) onSpawn?.(child.pid);
    child.on("exit", (code) => resolve(code));
  });
}

describe("send --channel sms killed with SIGKILL in the middle", () => {
  it("a rerun sends what was not handed over, never re-sends what was (sent or unknown): each phone gets one SMS", async () => {
    const out = mkdtempSync(join(tmpdir(), "semaforo-sms-kill-"));
    mkdirSync(join(out, "2026-10"));
    const manifest = makeManifest([makeReport({ code: "010001", recipients: [], sms: phones.map(sms) })]);
    writeFileSync(join(out, "2026-10", "manifest.json"), JSON.stringify(manifest, null, 2));
    smsc = await startSmsc();
    const centre = smsc;
    // The centre answers two submits, then goes silent: the run waits on its outstanding submits.
    centre.behaviour.answerFirst = 2;
    let pid = 0;
    const first = send(out, centre.url(), (p) => (pid = p));
    // Kill as soon as the centre holds a submit it did not answer.
    for (let i = 0; i < 2000 && centre.received.length <= centre.submits.length; i++)
      await new Promise((r) => setTimeout(r, 10));
    expect(centre.received.length).toBeGreaterThan(centre.submits.length);
    process.kill(pid, "SIGKILL");
    expect(await first).toBeNull();
    const handedOver = new Set(centre.received.map((d) => `+${d}`));

    centre.behaviour.answerFirst = Infinity;
    const code = await send(out, centre.url());
    // Exit 5: the SMS in doubt stay `unknown` (never sent again automatically).
    expect(code).toBe(5);
    const counts = new Map<string, number>();
    for (const to of centre.received) counts.set(to, (counts.get(to) ?? 0) + 1);
    expect([...counts.keys()].sort()).toEqual(phones.map((p) => p.slice(1)).sort());
    expect([...counts.values()].every((n) => n === 1)).toBe(true);

    const events = readFileSync(join(out, "2026-10", "deliveries.jsonl"), "utf8")
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as DeliveryEvent);
    // The states as every command reads them (an attempt without outcome over SMPP: unknown).
    const states = replayLedger(events);
    const last = new Map(events.map((e) => [e.email, states.get(e.id)?.state]));
    const unknown = new Set([...last].filter(([, state]) => state === "unknown").map(([phone]) => phone));
    // What the killed run handed over is unknown or sent, never sent again; the rest the rerun sent.
    for (const phone of unknown) expect(handedOver.has(phone)).toBe(true);
    for (const phone of phones) {
      if (!handedOver.has(phone)) expect(last.get(phone)).toBe("sent");
      expect(["sent", "unknown"]).toContain(last.get(phone) ?? "unknown");
    }
    expect(unknown.size).toBeGreaterThan(0);

    // A third run sends nothing.
    const before = centre.received.length;
    expect(await send(out, centre.url())).toBe(5);
    expect(centre.received.length).toBe(before);
  });
});
