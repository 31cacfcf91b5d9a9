import { afterEach, beforeEach, describe, expect, it } from "@jest/globals";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../../src/cli/main.js";
import { smsDeliveryId } from "../../../src/deliver/sms/smsDeliveryId.js";
import type { DeliveryEvent } from "../../../src/model.js";
import { captureIo } from "../../helpers/io.js";
import { makeEvent, makeManifest, makeReport } from "../../helpers/manifest.js";

// `send --force CODE --to X` names recipients of one channel: an e-mail address or a phone. The
// other channel forces nothing: its `unknown` deliveries stay unknown (never re-sent by surprise).
const report = makeReport({
  bytes: 6,
  recipients: ["ugel010001@example.org"],
  sms: [{ to: "+51911111111", name: "Ana", text: "Hola. Ref AAAAA" }],
});
const smsId = smsDeliveryId("2026-10", report.level, report.code, report.language, { to: "+51911111111" });
const smsEvent = (state: DeliveryEvent["state"]): DeliveryEvent => ({
  ...makeEvent(report, "+51911111111", state),
  id: smsId,
  messageId: "sms:AAAAA",
  channel: "sms",
  transport: "smpp",
});

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), "semaforo-sms-force-to-"));
  mkdirSync(join(root, "2026-10"));
  writeFileSync(
    join(root, "2026-10", "manifest.json"),
    JSON.stringify(makeManifest([report], { email: { from: "semaforo@example.org" } })),
  );
  // The archived PDF, as its manifest entry names it (makeReport's sha256 is that of the code, 6 bytes).
  mkdirSync(join(root, "2026-10", "district"));
  writeFileSync(join(root, "2026-10", report.file), report.code);
  // Both in doubt: an e-mail and an SMS handed over with no outcome recorded.
  const events = [makeEvent(report, "ugel010001@example.org", "attempt"), smsEvent("attempt")];
  writeFileSync(
    join(root, "2026-10", "deliveries.jsonl"),
    events.map((e) => JSON.stringify(e) + "\n").join(""),
  );
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

interface DryRun {
  deliveries: { email: string; action: string; reply?: string; note?: string }[];
  sms: { deliveries: { phone: string; action: string }[] };
}
async function dryRun(...flags: string[]): Promise<{ code: number; plan: DryRun; stdout: string }> {
  const io = captureIo();
  const code = await main(
    ["send", "--out", root, "--period", "2026-10", "--dry-run", "--json", "--force", "010001", ...flags],
    io,
  );
  return { code, plan: JSON.parse(io.stdout()) as DryRun, stdout: io.stdout() };
}

describe("send --force CODE --to, across the two channels", () => {
  it("--to a phone re-sends that SMS and leaves the unit's unknown e-mail alone", async () => {
    const { plan } = await dryRun("--to", "911111111", "--reason", "the director asked");
    expect(plan.sms.deliveries.map((d) => [d.phone, d.action])).toEqual([["+51911111111", "would-send"]]);
    expect(plan.deliveries.map((d) => [d.email, d.action])).toEqual([["ugel010001@example.org", "skipped"]]);
  });

  it("--to an address re-sends that e-mail and leaves the unit's unknown SMS alone", async () => {
    const { plan } = await dryRun("--to", "ugel010001@example.org", "--reason", "the UGEL asked");
    expect(plan.deliveries.map((d) => [d.email, d.action])).toEqual([
      ["ugel010001@example.org", "would-send"],
    ]);
    expect(plan.sms.deliveries.map((d) => [d.phone, d.action])).toEqual([["+51911111111", "skipped"]]);
  });

  it("without --to both channels' unknown deliveries of the unit are forced", async () => {
    const { plan } = await dryRun("--reason", "nobody got anything");
    expect(plan.deliveries.map((d) => d.action)).toEqual(["would-send"]);
    expect(plan.sms.deliveries.map((d) => d.action)).toEqual(["would-send"]);
  });

  it("--to a phone that is not the unit's is refused by name (exit 2)", async () => {
    const { code, stdout } = await dryRun("--to", "+51999999999", "--reason", "x");
    expect(code).toBe(2);
    expect(stdout).toContain("to-not-recipient");
    expect(stdout).toContain("+51999999999");
  });
});
