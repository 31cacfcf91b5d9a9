import type { DeliveryEvent, Manifest } from "../model.js";
import { addressKey } from "./addressKey.js";
import { deliveryMessageId } from "./deliveryIds.js";
import { listDeliveries } from "./listDeliveries.js";
import type { LedgerEntry, PlannedDelivery, PlanReason } from "./types.js";

export interface DeliveryPlanOptions {
  /** Unit codes to consider; all when empty. */
  only: readonly string[];
  /** Unit codes whose `unknown` deliveries are sent again on purpose. */
  force: readonly string[];
  /** Addresses of the forced units sent again whatever their state (`--to`), any capitals. */
  forceTo?: readonly string[];
  /** Send again the deliveries that ended `failed`. */
  resendFailed: boolean;
  /** Domain of the sender, for the Message-IDs. */
  domain: string;
  /** Where this run sends: an SMTP run delivers what was only `written` to the outbox. */
  transport: DeliveryEvent["transport"];
}

/**
 * Who gets what, and whether this run sends it. Pure.
 *
 * Sent: new and pending deliveries; `written` ones when the run goes through SMTP; `failed` ones
 * with resendFailed; a forced unit's `unknown` ones; and, whatever their state, the addresses named
 * with `--to` for a forced unit. Never sent twice without naming the address: `sent` (also with an
 * older build of the PDF), and `unknown` without --force.
 */
export function planDeliveries(
  manifest: Manifest,
  ledger: ReadonlyMap<string, LedgerEntry>,
  options: DeliveryPlanOptions,
): PlannedDelivery[] {
  const scope = new Set([...options.only, ...options.force]);
  const forced = new Set(options.force);
  const named = new Set((options.forceTo ?? []).map(addressKey));
  const planned: PlannedDelivery[] = [];
  for (const view of listDeliveries(manifest, ledger)) {
    const code = view.report.code;
    if (options.only.length > 0 && !scope.has(code)) continue;
    // --force alone acts on the forced units only.
    if (options.only.length === 0 && forced.size > 0 && !forced.has(code)) continue;
    const { entry, ...delivery } = view;
    const decide = (action: PlannedDelivery["action"], why: PlanReason): PlannedDelivery => ({
      ...delivery,
      messageId: deliveryMessageId(view.id, view.report.sha256, options.domain),
      previous: entry,
      action,
      why,
    });
    if (forced.has(code) && named.has(addressKey(view.email))) {
      planned.push(decide("send", "forced-to"));
      continue;
    }
    switch (entry.state) {
      case "pending":
        planned.push(decide("send", entry.attempts > 0 || entry.at ? "retry-pending" : "new"));
        break;
      case "written":
        planned.push(
          options.transport === "smtp" ? decide("send", "written") : decide("skip", "already-written"),
        );
        break;
      case "sent":
        planned.push(decide("skip", view.outdated ? "outdated" : "already-sent"));
        break;
      case "failed":
        planned.push(options.resendFailed ? decide("send", "resend-failed") : decide("skip", "failed"));
        break;
      case "unknown":
        planned.push(forced.has(code) ? decide("send", "forced-unknown") : decide("skip", "unknown"));
        break;
    }
  }
  return planned;
}
