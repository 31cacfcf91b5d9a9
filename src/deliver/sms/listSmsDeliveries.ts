import { REPORT_LEVELS, type Manifest, type ManifestReport, type ManifestSms } from "../../model.js";
import type { LedgerEntry } from "../types.js";
import { smsDeliveryId } from "./smsDeliveryId.js";

/** One SMS the manifest asks for, with its state from the ledger. */
export interface SmsDeliveryView {
  id: string;
  report: ManifestReport;
  sms: ManifestSms;
  entry: LedgerEntry;
}

/**
 * Every SMS of the manifest (the reports' `sms`, one per phone and school), in report order, each
 * with its state from the ledger (replayLedger, the one state model). `status` shows this list and
 * `send` plans from it. Pure.
 */
export function listSmsDeliveries(
  manifest: Manifest,
  ledger: ReadonlyMap<string, LedgerEntry>,
): SmsDeliveryView[] {
  const reports = [...manifest.reports].sort(
    (a, b) =>
      REPORT_LEVELS.indexOf(a.level) - REPORT_LEVELS.indexOf(b.level) ||
      compare(a.code, b.code) ||
      compare(a.language, b.language),
  );
  const list: SmsDeliveryView[] = [];
  for (const report of reports) {
    const seen = new Set<string>();
    for (const sms of report.sms ?? []) {
      const id = smsDeliveryId(manifest.period, report.level, report.code, report.language, sms);
      if (seen.has(id)) continue;
      seen.add(id);
      list.push({ id, report, sms, entry: ledger.get(id) ?? { state: "pending", attempts: 0 } });
    }
  }
  return list;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
