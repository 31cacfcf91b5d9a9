import { describe, expect, it } from "@jest/globals";
import { buildStatusReport } from "../../../src/deliver/buildStatusReport.js";
import { replayLedger } from "../../../src/deliver/replayLedger.js";
import { smsDeliveryId } from "../../../src/deliver/sms/smsDeliveryId.js";
import type { DeliveryEvent } from "../../../src/model.js";
import { makeManifest, makeReport } from "../../helpers/manifest.js";

describe("status shows the SMS from the one ledger", () => {
  it("lists each SMS beside the report's e-mails, with its state, transport and receipt", () => {
    const report = makeReport({ sms: [{ to: "+51911111111", name: "Ana", text: "Hola. Ref AAAAA" }] });
    const id = smsDeliveryId("2026-10", report.level, report.code, report.language, { to: "+51911111111" });
    const base = {
      id,
      messageId: "sms:AAAAA",
      level: report.level,
      code: report.code,
      language: report.language,
      email: "+51911111111",
      file: report.file,
      sha256: report.sha256,
      transport: "smpp" as const,
      channel: "sms" as const,
    };
    const events: DeliveryEvent[] = [
      { ...base, at: "2026-11-15T10:00:00Z", state: "attempt", attempt: 1, text: "Hola. Ref AAAAA" },
      { ...base, at: "2026-11-15T10:00:01Z", state: "sent", attempt: 1, gatewayIds: ["M1"] },
      { ...base, at: "2026-11-15T10:00:05Z", state: "sent", receipt: "delivered", reply: "stat:DELIVRD" },
    ];
    const status = buildStatusReport(makeManifest([report]), replayLedger(events));
    const row = status.rows[0];
    expect(
      row?.built && row.deliveries.map((d) => [d.email, d.state, d.channel ?? "email", d.receipt]),
    ).toEqual([
      ["ugel010001@example.org", "pending", "email", undefined],
      ["+51911111111", "sent", "sms", "delivered"],
    ]);
    expect(status.totals.deliveries).toMatchObject({ sent: 1, pending: 1, total: 2 });
  });

  it("an SMPP attempt without an outcome (a killed run) reads unknown", () => {
    const report = makeReport({ sms: [{ to: "+51911111111", name: "Ana", text: "Hola. Ref AAAAA" }] });
    const id = smsDeliveryId("2026-10", report.level, report.code, report.language, { to: "+51911111111" });
    const ledger = replayLedger([
      {
        id,
        messageId: "sms:AAAAA",
        at: "2026-11-15T10:00:00Z",
        level: report.level,
        code: report.code,
        email: "+51911111111",
        file: report.file,
        sha256: report.sha256,
        state: "attempt",
        transport: "smpp",
        channel: "sms",
      },
    ]);
    expect(ledger.get(id)?.state).toBe("unknown");
  });
});
