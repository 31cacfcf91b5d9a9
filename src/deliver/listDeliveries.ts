import { REPORT_LEVELS, type Manifest } from "../model.js";
import { addressKey } from "./addressKey.js";
import { deliveryId } from "./deliveryIds.js";
import type { DeliveryView, LedgerEntry } from "./types.js";

/**
 * Every delivery the manifest asks for (one per report × recipient address, an address listed
 * twice in any capitals counting once), in report order (national, regions, districts; by code,
 * then language), each with its state from the ledger. `status` shows this list and `send` plans
 * from it, so the two cannot disagree. Pure.
 */
export function listDeliveries(manifest: Manifest, ledger: ReadonlyMap<string, LedgerEntry>): DeliveryView[] {
  const reports = [...manifest.reports].sort(
    (a, b) =>
      REPORT_LEVELS.indexOf(a.level) - REPORT_LEVELS.indexOf(b.level) ||
      compare(a.code, b.code) ||
      compare(a.language, b.language),
  );
  const list: DeliveryView[] = [];
  for (const report of reports) {
    const seen = new Set<string>();
    for (const email of report.recipients) {
      if (seen.has(addressKey(email))) continue;
      seen.add(addressKey(email));
      const id = deliveryId(manifest.period, report.level, report.code, report.language, email);
      const entry = ledger.get(id) ?? { state: "pending", attempts: 0 };
      const knownName = report.recipientNames?.[email];
      list.push({
        id,
        report,
        email,
        name: knownName ?? email,
        named: knownName !== undefined && knownName.trim() !== "",
        language: report.language,
        entry,
        outdated: entry.state === "sent" && entry.sentSha256 !== report.sha256,
      });
    }
  }
  return list;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
