import { afterEach, describe, expect, it } from "@jest/globals";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../../src/cli/main.js";
import { buildStatusReport } from "../../../src/deliver/buildStatusReport.js";
import { replayLedger } from "../../../src/deliver/replayLedger.js";
import { smsDeliveryId } from "../../../src/deliver/sms/smsDeliveryId.js";
import type { DeliveryEvent } from "../../../src/model.js";
import { captureIo } from "../../helpers/io.js";
import { makeEvent, makeManifest, makeReport } from "../../helpers/manifest.js";

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

describe("status's text output marks each SMS", () => {
  let root: string;
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it("shows `SMS +51…` with the state and receipt, e-mails by their address, and the totals per channel", async () => {
    root = mkdtempSync(join(tmpdir(), "semaforo-sms-status-"));
    const dir = join(root, "2026-10");
    mkdirSync(dir);
    const report = makeReport({
      sms: [
        { to: "+51911111111", name: "Ana", text: "Hola. Ref AAAAA" },
        { to: "+51922222222", name: "Luis", text: "Hola. Ref BBBBB", school: { code: "0001", name: "IE 1" } },
      ],
    });
    writeFileSync(join(dir, "manifest.json"), JSON.stringify(makeManifest([report])));
    const event = (to: string, school: string | undefined, extra: Partial<DeliveryEvent>): DeliveryEvent => ({
      ...makeEvent(report, to, "attempt"),
      id: smsDeliveryId("2026-10", report.level, report.code, report.language, {
        to,
        ...(school ? { school: { code: school, name: "IE 1" } } : {}),
      }),
      messageId: "sms:AAAAA",
      channel: "sms",
      transport: "smpp",
      ...extra,
    });
    const events = [
      makeEvent(report, "ugel010001@example.org", "attempt"),
      makeEvent(report, "ugel010001@example.org", "sent"),
      event("+51911111111", undefined, { state: "attempt", attempt: 1 }),
      event("+51911111111", undefined, { state: "sent", attempt: 1, gatewayIds: ["M1"] }),
      event("+51911111111", undefined, { state: "sent", receipt: "delivered", reply: "stat:DELIVRD" }),
      event("+51922222222", "0001", { state: "attempt", attempt: 1 }),
      event("+51922222222", "0001", { state: "unknown", reply: "no submit_sm_resp within 10 s" }),
    ];
    writeFileSync(join(dir, "deliveries.jsonl"), events.map((e) => JSON.stringify(e) + "\n").join(""));
    const io = captureIo();
    expect(await main(["status", dir], io)).toBe(0);
    const text = io.stdout();
    const line = text.split("\n").find((l) => l.startsWith("district")) ?? "";
    expect(line).toContain(
      "ugel010001@example.org sent, SMS +51911111111 sent (delivered to the phone), SMS +51922222222 unknown (no submit_sm_resp within 10 s)",
    );
    expect(text).toContain("deliveries (e-mail address, or SMS and phone)");
    expect(text).toContain("(3 in all: 1 e-mail, 2 SMS)");
    expect(text).toContain("SMTP server, SMS centre or gateway");

    const json = captureIo();
    expect(await main(["status", dir, "--json"], json)).toBe(0);
    const document = JSON.parse(json.stdout()) as { totals: { deliveries: Record<string, number> } };
    expect(document.totals.deliveries).toMatchObject({
      total: 3,
      sms: 2,
      sent: 2,
      unknown: 1,
    });
  });
});
