/**
 * Builders of what an archived period holds: a manifest entry, the manifest, a ledger event.
 * Deterministic defaults; every builder takes overrides. The one copy for every test.
 */
import { createHash } from "node:crypto";
import { deliveryId } from "../../src/deliver/deliveryIds.js";
import type { DeliveryEvent, Manifest, ManifestReport } from "../../src/model.js";

/** One archived PDF of the manifest (a district report unless overridden). */
export function makeReport(overrides: Partial<ManifestReport> = {}): ManifestReport {
  const code = overrides.code ?? "010001";
  return {
    level: "district",
    code,
    name: `UGEL ${code}`,
    language: "es",
    file: `district/${code}-ugel.pdf`,
    sha256: createHash("sha256").update(code).digest("hex"),
    bytes: 204_800,
    pages: 6,
    recipients: [`ugel${code}@example.org`],
    ...overrides,
  };
}

/** A manifest of period 2026-10 listing `reports`. */
export function makeManifest(reports: ManifestReport[], overrides: Partial<Manifest> = {}): Manifest {
  return {
    version: 1,
    period: "2026-10",
    generatedAt: "2026-11-15T06:00:00.000-05:00",
    tool: { name: "semaforo-reports", version: "0.1.0" },
    browser: "Chromium 140",
    dataset: { name: "test", synthetic: true },
    inputs: [],
    reports,
    failures: [],
    superseded: [],
    ...overrides,
  };
}

let minute = 0;
/** A ledger event for one recipient of `report`, one minute after the previous one. */
export function makeEvent(
  report: ManifestReport,
  email: string,
  state: DeliveryEvent["state"],
  extra: Partial<DeliveryEvent> = {},
): DeliveryEvent {
  minute += 1;
  return {
    // The id send writes (deliveryIds), so these tests tie status to send's state model.
    id: deliveryId("2026-10", report.level, report.code, report.language, email),
    messageId: `<${report.code}.${email}@semaforo>`,
    at: `2026-11-15T06:${String(minute % 60).padStart(2, "0")}:00.000-05:00`,
    level: report.level,
    code: report.code,
    language: report.language,
    email,
    file: report.file,
    sha256: report.sha256,
    state,
    transport: "smtp",
    ...extra,
  };
}
