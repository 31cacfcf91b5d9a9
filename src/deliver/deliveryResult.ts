import type { DeliveryAction, DeliveryResult } from "./sendReport.js";
import type { LedgerEntry, PlannedDelivery } from "./types.js";

/** A delivery as a send's summary shows it: its plan, its state `entry`, what the run did. Pure. */
export function deliveryResult(
  p: PlannedDelivery,
  entry: LedgerEntry,
  action: DeliveryAction,
  reply: string | undefined,
): DeliveryResult {
  return {
    id: p.id,
    level: p.report.level,
    code: p.report.code,
    unit: p.report.name,
    language: p.language,
    email: p.email,
    file: p.report.file,
    bytes: p.report.bytes,
    state: entry.state,
    ...(entry.transport ? { transport: entry.transport } : {}),
    outdated: entry.state === "sent" && entry.sentSha256 !== p.report.sha256,
    action,
    ...(reply !== undefined ? { reply } : {}),
  };
}
