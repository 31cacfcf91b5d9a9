import { afterAll, describe, expect, it } from "@jest/globals";
import { defaultSendEffects } from "../../src/deliver/defaultSendEffects.js";
import { deliveryDone, sendExitCode } from "../../src/deliver/sendExitCode.js";
import type { DeliveryResult, SendReport } from "../../src/deliver/sendReport.js";
import { sendReportSet, type SendReportSetOptions } from "../../src/deliver/sendReportSet.js";
import type { MailTransport, SendOutcome } from "../../src/deliver/types.js";
import { makeArchive, removeArchives, PERIOD, TINY_REPORTS } from "./makeArchive.js";

afterAll(removeArchives);

const fixed = {
  clock: () => new Date("2026-11-05T15:00:00Z"),
  random: () => 0.5,
  sleep: () => Promise.resolve(),
};

/** A transport of kind `smtp` that answers from a per-address script, then "250 OK". */
function scripted(script: Record<string, SendOutcome[]>): MailTransport {
  return {
    kind: "smtp",
    description: "scripted",
    send: (message) => Promise.resolve(script[message.to]?.shift() ?? { status: "sent", reply: "250 OK" }),
    close: () => Promise.resolve(),
  };
}

const send = (out: string, options: Partial<SendReportSetOptions> = {}, transport?: MailTransport) =>
  sendReportSet(
    { out, period: PERIOD, ...options },
    defaultSendEffects({ ...fixed, ...(transport ? { makeTransport: () => transport } : {}) }),
  );

const result = (state: DeliveryResult["state"]): DeliveryResult => ({
  id: "x",
  level: "district",
  code: "010001",
  unit: "UGEL",
  language: "es",
  email: "a@example.org",
  file: "f.pdf",
  bytes: 1,
  state,
  outdated: false,
  action: "skipped",
});

const report = (
  transportKind: SendReport["transportKind"],
  states: DeliveryResult["state"][],
): SendReport => ({
  period: PERIOD,
  dryRun: false,
  transportKind,
  transport: transportKind,
  deliveries: states.map(result),
  counts: { sent: 0, written: 0, failed: 0, unknown: 0, pending: 0 },
  sentNow: 0,
  writtenNow: 0,
  stop: null,
});

describe("sendExitCode: `written` is done only for an outbox run", () => {
  it("an SMTP run that leaves a delivery written exits 5; an outbox run exits 0", () => {
    expect(deliveryDone(result("written"), "smtp")).toBe(false);
    expect(deliveryDone(result("written"), "outbox")).toBe(true);
    expect(deliveryDone(result("sent"), "smtp")).toBe(true);
    expect(sendExitCode(report("smtp", ["sent", "written"]))).toBe(5);
    expect(sendExitCode(report("outbox", ["sent", "written"]))).toBe(0);
    for (const state of ["failed", "unknown", "pending"] as const) {
      expect(sendExitCode(report("outbox", ["written", state]))).toBe(5);
    }
  });

  it("a real SMTP run after an outbox run, whose server keeps deferring one message, exits 5", async () => {
    const { out } = makeArchive([TINY_REPORTS[3]!, TINY_REPORTS[4]!]);
    const outbox = await send(out);
    expect(outbox.counts.written).toBe(2);
    expect(sendExitCode(outbox)).toBe(0);
    const busy = { status: "retry", reached: true, reply: "451 4.3.0 try later" } as const;
    const smtp = await send(
      out,
      { retry: { attempts: 2 } },
      scripted({ "ugel.bagua@example.org": [busy, busy] }),
    );
    // The deferred delivery keeps its .eml in the outbox: still `written`, not delivered by this run.
    expect(smtp.deliveries.map((d) => `${d.email} ${d.state} ${d.action}`)).toEqual([
      "ugel.chachapoyas@example.org sent sent",
      "ugel.bagua@example.org written attempted",
    ]);
    expect(smtp.stop).toBeNull();
    expect(sendExitCode(smtp)).toBe(5);
  });
});
