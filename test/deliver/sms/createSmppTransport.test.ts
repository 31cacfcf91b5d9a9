import { afterEach, describe, expect, it, jest } from "@jest/globals";
import { createServer } from "node:net";
import { createSmppTransport } from "../../../src/deliver/sms/createSmppTransport.js";
import { decodeGsm7, transliterate } from "../../../src/deliver/sms/gsm7.js";
import { parseSmsUrl } from "../../../src/deliver/sms/parseSmsUrl.js";
import type { SmsMessage, SmsReceipt, SmsTransport } from "../../../src/deliver/sms/types.js";
import { startSmsc, type Smsc } from "../../helpers/startSmsc.js";

jest.setTimeout(30_000);

const message = (text: string, to = "+51987654321"): SmsMessage => ({
  to,
  text: transliterate(text),
  reference: "ABCDE",
  outboxName: "x.txt",
});

let smsc: Smsc | undefined;
let transport: SmsTransport | undefined;
afterEach(async () => {
  await transport?.close();
  await smsc?.close();
  transport = undefined;
  smsc = undefined;
});

const open = (url: string, options: Parameters<typeof createSmppTransport>[1] = {}) => {
  const settings = parseSmsUrl(url);
  if (settings.kind !== "smpp") throw new Error("not smpp");
  transport = createSmppTransport(settings, { responseTimeoutMs: 1000, ...options });
  return transport;
};

describe("createSmppTransport against a real SMPP server", () => {
  it("binds as transmitter and submits GSM-7 bytes with data_coding 0 and TON/NPI 1/1", async () => {
    smsc = await startSmsc();
    const t = open(smsc.url());
    const outcome = await t.send(message("Niño ¿bien? ¡sí! é"));
    expect(outcome).toMatchObject({ status: "sent", ids: ["M1"] });
    expect(smsc.binds).toEqual([{ command: "bind_transmitter", systemId: "semaforo" }]);
    expect(smsc.submits).toHaveLength(1);
    const [submit] = smsc.submits;
    expect(submit).toMatchObject({ destination: "51987654321", ton: 1, npi: 1, dataCoding: 0, esmClass: 0 });
    // N i ñ o ␠ ¿ b i e n ? ␠ ¡ s i ! ␠ é
    expect([...(submit?.bytes ?? [])]).toEqual([
      0x4e, 0x69, 0x7d, 0x6f, 0x20, 0x60, 0x62, 0x69, 0x65, 0x6e, 0x3f, 0x20, 0x40, 0x73, 0x69, 0x21, 0x20,
      0x05,
    ]);
  });

  it("sends a two-part text as two submits with the concatenation UDH and esm_class 0x40", async () => {
    smsc = await startSmsc();
    const t = open(smsc.url());
    const text = `${"Señal ".repeat(40)}fin`;
    expect(await t.send(message(text))).toMatchObject({ status: "sent", ids: ["M1", "M2"] });
    expect(smsc.submits).toHaveLength(2);
    const [a, b] = smsc.submits as [NonNullable<Smsc["submits"][0]>, NonNullable<Smsc["submits"][0]>];
    expect(a.esmClass & 0x40).toBe(0x40);
    expect(b.esmClass & 0x40).toBe(0x40);
    expect([...a.bytes.subarray(0, 6)]).toEqual([0x05, 0x00, 0x03, a.bytes[3], 0x02, 0x01]);
    expect([...b.bytes.subarray(0, 6)]).toEqual([0x05, 0x00, 0x03, a.bytes[3], 0x02, 0x02]);
    expect(a.bytes.length - 6).toBe(153);
    expect(decodeGsm7(a.bytes.subarray(6)) + decodeGsm7(b.bytes.subarray(6))).toBe(text);
  });

  it("two-part texts sent at once keep one concatenation reference per message", async () => {
    smsc = await startSmsc();
    const t = open(smsc.url());
    const texts = ["Uno", "Dos", "Tres", "Cuatro", "Cinco"].map(
      (w) => `${`${w} `.repeat(Math.floor(250 / (w.length + 1)))}fin`,
    );
    const phones = texts.map((_, i) => `+5198765432${i}`);
    const outcomes = await Promise.all(texts.map((text, i) => t.send(message(text, phones[i]))));
    expect(outcomes.map((o) => o.status)).toEqual(texts.map(() => "sent"));
    // As a phone reassembles: by sender and UDH reference, parts 1 and 2.
    const byRef = new Map<string, string[]>();
    for (const s of smsc.submits) {
      const key = `${s.destination}/${s.bytes[3]}`;
      const parts = byRef.get(key) ?? [];
      parts[(s.bytes[5] as number) - 1] = decodeGsm7(s.bytes.subarray(6));
      byRef.set(key, parts);
    }
    expect(byRef.size).toBe(texts.length);
    expect(new Set([...byRef.keys()].map((k) => k.split("/")[1])).size).toBe(texts.length);
    expect([...byRef].map(([k, parts]) => [k.split("/")[0], parts.join("")]).sort()).toEqual(
      phones.map((p, i) => [p.slice(1), texts[i]]).sort(),
    );
  });

  it("retries ESME_RTHROTTLED with backoff and the message is accepted once", async () => {
    smsc = await startSmsc({ throttle: 3 });
    const waits: number[] = [];
    const t = open(smsc.url(), {
      sleep: (ms) => {
        waits.push(ms);
        return Promise.resolve();
      },
      random: () => 0.5,
    });
    expect(await t.send(message("hola"))).toMatchObject({ status: "sent" });
    expect(smsc.submits).toHaveLength(1);
    expect(waits).toHaveLength(3);
    expect(waits[1]).toBeGreaterThan(waits[0] as number);
  });

  it("gives a temporary refusal when throttling outlasts the attempts", async () => {
    smsc = await startSmsc({ throttle: 100 });
    const t = open(smsc.url(), {
      sleep: () => Promise.resolve(),
      throttle: { attempts: 3, baseMs: 1, maxMs: 1 },
    });
    expect(await t.send(message("hola"))).toMatchObject({ status: "rejected", permanent: false });
    expect(smsc.submits).toHaveLength(0);
  });

  it("takes another error status as a permanent refusal", async () => {
    smsc = await startSmsc({ status: 0x0b });
    const t = open(smsc.url());
    const outcome = await t.send(message("hola"));
    expect(outcome).toMatchObject({ status: "rejected", permanent: true });
    expect(outcome.reply).toContain("ESME_RINVDSTADR (0x0B)");
  });

  it("a submit without a response is lost (unknown), and the next message reconnects", async () => {
    smsc = await startSmsc({ silent: true });
    const t = open(smsc.url(), { responseTimeoutMs: 300 });
    const outcome = await t.send(message("hola"));
    expect(outcome).toMatchObject({ status: "lost" });
    expect(outcome.reply).toContain("no submit_sm_resp");
    smsc.behaviour.silent = false;
    expect(await t.send(message("otra"))).toMatchObject({ status: "sent" });
    expect(smsc.binds).toHaveLength(2);
  });

  it("a connection dropped after the submit is lost (unknown)", async () => {
    smsc = await startSmsc({ dropAfterSubmit: true });
    const t = open(smsc.url());
    const outcome = await t.send(message("hola"));
    expect(outcome).toMatchObject({ status: "lost" });
    expect(outcome.reply).toContain("closed");
  });

  it("a refused bind is fatal, within seconds, and nothing is submitted", async () => {
    smsc = await startSmsc();
    const t = open(smsc.url("semaforo", "wrong"));
    const outcome = await t.send(message("hola"));
    expect(outcome).toMatchObject({ status: "not-sent", fatal: true });
    expect(outcome.reply).toContain("ESME_RINVPASWD");
    expect(outcome.reply).not.toContain("wrong");
    expect(smsc.submits).toHaveLength(0);
  });

  it("no server: not sent, not fatal", async () => {
    const port = await new Promise<number>((resolve) => {
      const s = createServer();
      s.listen(0, "127.0.0.1", () => {
        const p = (s.address() as { port: number }).port;
        s.close(() => resolve(p));
      });
    });
    const t = open(`smpp://u:p@127.0.0.1:${port}`);
    expect(await t.send(message("hola"))).toMatchObject({ status: "not-sent", fatal: false });
  });

  it("bound as transceiver, reports delivery receipts", async () => {
    smsc = await startSmsc({ receipts: true });
    const t = open(smsc.url(), { transceiver: true });
    const receipts: SmsReceipt[] = [];
    t.onReceipt?.((r) => receipts.push(r));
    await t.send(message("hola"));
    for (let i = 0; i < 50 && receipts.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
    expect(receipts).toEqual([{ messageId: "M1", state: "delivered", detail: "stat:DELIVRD err:000" }]);
  });
});
