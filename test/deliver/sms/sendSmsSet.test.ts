import { afterEach, describe, expect, it, jest } from "@jest/globals";
import { mkdirSync, mkdtempSync, readFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defaultSmsEffects } from "../../../src/deliver/sms/defaultSmsEffects.js";
import { decodeGsm7, transliterate } from "../../../src/deliver/sms/gsm7.js";
import { sendSmsSet, type SendSmsOptions } from "../../../src/deliver/sms/sendSmsSet.js";
import type { DeliveryEvent, ManifestSms } from "../../../src/model.js";
import { makeManifest, makeReport } from "../../helpers/manifest.js";
import { startSmsc, type Smsc } from "../../helpers/startSmsc.js";

jest.setTimeout(30_000);

const sms = (to: string, text: string, school?: string): ManifestSms => ({
  to,
  name: "Ana",
  text: transliterate(text),
  ...(school ? { school: { code: school, name: `IE ${school}` } } : {}),
});
const manifest = makeManifest([
  makeReport({
    code: "010001",
    sms: [
      sms("+51911111111", "UGEL 010001, octubre: ¿señal? ¡sí! é. Ref AAAAA"),
      sms("+51922222222", `${"Niño ".repeat(40)}Ref BBBBB`, "0001"),
    ],
  }),
  makeReport({ code: "010002", recipients: [], sms: [sms("+51933333333", "UGEL 010002. Ref CCCCC")] }),
]);

let smsc: Smsc | undefined;
afterEach(async () => {
  await smsc?.close();
  smsc = undefined;
});

function setup() {
  const out = mkdtempSync(join(tmpdir(), "semaforo-sms-send-"));
  mkdirSync(join(out, "2026-10"));
  const effects = defaultSmsEffects({
    loadManifest: () => Promise.resolve(manifest),
    sleep: () => Promise.resolve(),
    clock: () => new Date("2026-11-15T10:00:00Z"),
  });
  const run = (options: Partial<SendSmsOptions> = {}) =>
    sendSmsSet({ out, period: "2026-10", ...options }, effects);
  const ledger = () =>
    readFileSync(join(out, "2026-10", "deliveries.jsonl"), "utf8")
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as DeliveryEvent);
  return { out, run, ledger };
}

describe("sendSmsSet against a real SMPP server, with the ledger on disk", () => {
  it("sends each SMS once (one message per delivery), records channel sms; a rerun sends 0", async () => {
    smsc = await startSmsc({ throttle: 2 });
    const { run, ledger } = setup();
    const first = await run({ smsUrl: smsc.url() });
    expect(first.sentNow).toBe(3);
    expect(first.counts).toMatchObject({ sent: 3, unknown: 0, failed: 0, pending: 0 });
    // Two throttled submits, then 4 parts accepted: 1 + 2 (two-part) + 1.
    expect(smsc.submits).toHaveLength(4);
    expect(smsc.submits.map((s) => s.destination).sort()).toEqual([
      "51911111111",
      "51922222222",
      "51922222222",
      "51933333333",
    ]);
    const one = smsc.submits.find((s) => s.destination === "51911111111");
    expect(one?.dataCoding).toBe(0);
    expect(decodeGsm7(one?.bytes ?? Buffer.alloc(0))).toBe("UGEL 010001, octubre: ¿señal? ¡si! é. Ref AAAAA");
    const sent = ledger().filter((e) => e.state === "sent");
    expect(sent).toHaveLength(3);
    for (const e of sent) expect(e).toMatchObject({ channel: "sms", transport: "smpp" });
    expect(sent.find((e) => e.email === "+51922222222")?.gatewayIds).toHaveLength(2);

    const again = await run({ smsUrl: smsc.url() });
    expect(again.sentNow).toBe(0);
    expect(smsc.submits).toHaveLength(4);
  });

  it("a drop after the submit is unknown and is not sent again by a rerun", async () => {
    smsc = await startSmsc({ dropAfterSubmit: true });
    const { run } = setup();
    const first = await run({ smsUrl: smsc.url(), only: ["010002"] });
    expect(first.deliveries.map((d) => d.state)).toEqual(["unknown"]);
    smsc.behaviour.dropAfterSubmit = false;
    const again = await run({ smsUrl: smsc.url() });
    expect(again.deliveries.find((d) => d.code === "010002")).toMatchObject({
      state: "unknown",
      action: "skipped",
    });
    expect(smsc.submits.filter((s) => s.destination === "51933333333")).toHaveLength(0);
    // On purpose, it is sent again.
    const forced = await run({ smsUrl: smsc.url(), force: ["010002"], reason: "the UGEL never got it" });
    expect(forced.sentNow).toBe(1);
  });

  it("a refused SMS is failed, not sent again by a rerun, sent again with --resend-failed", async () => {
    smsc = await startSmsc({ status: 0x0b });
    const { run } = setup();
    const first = await run({ smsUrl: smsc.url(), only: ["010002"] });
    expect(first.deliveries.map((d) => [d.phone, d.state])).toEqual([["+51933333333", "failed"]]);
    expect(first.deliveries[0]?.reply).toContain("ESME_RINVDSTADR");
    smsc.behaviour.status = 0;
    const again = await run({ smsUrl: smsc.url(), only: ["010002"] });
    expect(again.sentNow).toBe(0);
    expect(smsc.submits).toHaveLength(0);
    const resent = await run({ smsUrl: smsc.url(), only: ["010002"], resendFailed: true });
    expect(resent.sentNow).toBe(1);
    expect(smsc.submits.map((s) => s.destination)).toEqual(["51933333333"]);
  });

  it("--force CODE --to PHONE sends one phone its SMS again, even when sent; the reason goes in the ledger", async () => {
    smsc = await startSmsc();
    const { run, ledger } = setup();
    expect((await run({ smsUrl: smsc.url() })).sentNow).toBe(3);
    // The phone as a person types it: 9 national digits.
    const forced = await run({
      smsUrl: smsc.url(),
      force: ["010001"],
      forceTo: ["911111111"],
      reason: "the director changed phones",
      forcedBy: "ana",
    });
    expect(forced.sentNow).toBe(1);
    expect(smsc.submits.filter((s) => s.destination === "51911111111")).toHaveLength(2);
    expect(smsc.submits.filter((s) => s.destination === "51922222222")).toHaveLength(2); // its two parts, once
    const last = ledger().filter((e) => e.email === "+51911111111" && e.state === "sent");
    expect(last.at(-1)?.forced).toMatchObject({ by: "ana", reason: "the director changed phones" });
    // A phone that is no recipient of the unit: refused, by name.
    await expect(
      run({ smsUrl: smsc.url(), force: ["010001"], forceTo: ["+51999999999"], reason: "x" }),
    ).rejects.toThrow(/\+51999999999|999999999/);
  });

  it("?bind=transceiver: the centre's delivery receipts are recorded for the SMS and change nothing re-sent", async () => {
    smsc = await startSmsc({ receipts: true });
    const { run, ledger } = setup();
    const report = await run({ smsUrl: `${smsc.url()}?bind=transceiver` });
    expect(report.sentNow).toBe(3);
    expect(smsc.binds.map((b) => b.command)).toEqual(["bind_transceiver"]);
    const receipts = ledger().filter((e) => e.receipt);
    // One receipt per part: 1 + 2 + 1, each recorded against its SMS.
    expect(receipts.map((e) => [e.email, e.receipt]).sort()).toEqual([
      ["+51911111111", "delivered"],
      ["+51922222222", "delivered"],
      ["+51922222222", "delivered"],
      ["+51933333333", "delivered"],
    ]);
    expect(report.deliveries.map((d) => d.receipt)).toEqual(["delivered", "delivered", "delivered"]);
    expect((await run({ smsUrl: `${smsc.url()}?bind=transceiver` })).sentNow).toBe(0);
    expect(smsc.submits).toHaveLength(4);
  });

  it("a refused bind stops the run (config) and marks nothing sent", async () => {
    smsc = await startSmsc();
    const { run, ledger } = setup();
    const report = await run({ smsUrl: smsc.url("semaforo", "wrong") });
    expect(report.stop?.kind).toBe("config");
    expect(report.sentNow).toBe(0);
    expect(report.counts.pending).toBe(3);
    expect(ledger().some((e) => e.state === "sent")).toBe(false);
    expect(JSON.stringify(report)).not.toContain("wrong");
  });

  it("two sends at once deliver each SMS once", async () => {
    smsc = await startSmsc();
    const { run } = setup();
    const results = await Promise.allSettled([run({ smsUrl: smsc.url() }), run({ smsUrl: smsc.url() })]);
    const sentNow = results.map((r) => (r.status === "fulfilled" ? r.value.sentNow : 0));
    expect(sentNow.reduce((a, b) => a + b, 0)).toBe(3);
    expect(smsc.submits.map((s) => s.destination).sort()).toEqual([
      "51911111111",
      "51922222222",
      "51922222222",
      "51933333333",
    ]);
  });

  it("without an SMS URL writes text files to outbox/sms/, state written; a dry run shows text, length, segments", async () => {
    const { out, run } = setup();
    const dry = await run({ dryRun: true });
    expect(dry.deliveries[1]).toMatchObject({ action: "would-send", length: 209, segments: 2 });
    const report = await run();
    expect(report.writtenNow).toBe(3);
    expect(readdirSync(join(out, "2026-10", "outbox", "sms"))).toHaveLength(3);
    expect((await run()).writtenNow).toBe(0);
  });

  it("a text of more than two segments is refused, never sent in three parts", async () => {
    smsc = await startSmsc();
    const { out } = setup();
    const long = makeManifest([makeReport({ sms: [sms("+51911111111", "palabra ".repeat(50))] })]);
    const report = await sendSmsSet(
      { out, period: "2026-10", smsUrl: smsc.url() },
      defaultSmsEffects({ loadManifest: () => Promise.resolve(long) }),
    );
    expect(report.deliveries[0]).toMatchObject({ state: "failed" });
    expect(report.deliveries[0]?.reply).toContain("3 SMS parts");
    expect(smsc.submits).toHaveLength(0);
  });
});
