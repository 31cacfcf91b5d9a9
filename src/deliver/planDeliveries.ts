import { LEVELS, type Manifest } from "../model.js";
import { deliveryId, deliveryMessageId } from "./deliveryIds.js";
import type { LedgerEntry, PlannedDelivery } from "./types.js";

export interface PlanOptions {
  /** Unit codes to consider; all when empty. */
  only: readonly string[];
  /** Unit codes whose reports are sent again on purpose, whatever their state. */
  force: readonly string[];
  /** Send again the deliveries that ended `failed`. */
  resendFailed: boolean;
  /** Domain of the sender, for the Message-IDs. */
  domain: string;
}

/**
 * Who gets what: one delivery per report × recipient address, in report order (national, regions,
 * districts; by code, then language), and whether this run sends it. Pure.
 *
 * Sent: new and pending deliveries; `failed` ones with resendFailed; anything of a forced unit.
 * Skipped: `sent` (never twice), `failed`, and `unknown` (it may have arrived: only --force re-sends).
 */
export function planDeliveries(
  manifest: Manifest,
  ledger: ReadonlyMap<string, LedgerEntry>,
  options: PlanOptions,
): PlannedDelivery[] {
  const scope = new Set([...options.only, ...options.force]);
  const forced = new Set(options.force);
  const reports = [...manifest.reports].sort(
    (a, b) =>
      LEVELS.indexOf(a.level) - LEVELS.indexOf(b.level) ||
      compare(a.code, b.code) ||
      compare(a.language, b.language),
  );
  const planned: PlannedDelivery[] = [];
  for (const report of reports) {
    if (options.only.length > 0 && !scope.has(report.code)) continue;
    if (options.only.length === 0 && forced.size > 0 && !forced.has(report.code)) {
      // --force alone acts on the forced units only.
      continue;
    }
    const seen = new Set<string>();
    for (const email of report.recipients) {
      if (seen.has(email)) continue;
      seen.add(email);
      const id = deliveryId(manifest.period, report.level, report.code, report.language, email);
      const previous = ledger.get(id) ?? { state: "pending", attempts: 0 };
      const knownName = report.recipientNames?.[email];
      const base = {
        id,
        messageId: deliveryMessageId(id, report.sha256, options.domain),
        report,
        email,
        name: knownName ?? email,
        named: knownName !== undefined && knownName.trim() !== "",
        language: report.language,
        previous,
      };
      if (forced.has(report.code)) {
        planned.push({ ...base, action: "send", why: "forced" });
        continue;
      }
      switch (previous.state) {
        case "pending":
          planned.push({
            ...base,
            action: "send",
            why: previous.attempts > 0 || previous.at ? "retry-pending" : "new",
          });
          break;
        case "sent":
          planned.push({ ...base, action: "skip", why: "already-sent" });
          break;
        case "failed":
          planned.push(
            options.resendFailed
              ? { ...base, action: "send", why: "resend-failed" }
              : { ...base, action: "skip", why: "failed" },
          );
          break;
        case "unknown":
          planned.push({ ...base, action: "skip", why: "unknown" });
          break;
      }
    }
  }
  return planned;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
