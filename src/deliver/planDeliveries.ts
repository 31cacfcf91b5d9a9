import type { DeliveryEvent, Manifest } from "../model.js";
import { addressKey } from "./addressKey.js";
import { decideDelivery } from "./decideDelivery.js";
import { deliveryMessageId } from "./deliveryIds.js";
import { listDeliveries } from "./listDeliveries.js";
import type { LedgerEntry, PlannedDelivery } from "./types.js";

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
 * Who gets what by e-mail, and whether this run sends it (decideDelivery, the one send rule). Pure.
 * The dry run and the real send both call it once, on the same ledger state, so what the dry run
 * lists is what the send does.
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
    const decision = decideDelivery(entry, {
      forced: forced.has(code),
      named: named.has(addressKey(view.email)),
      resendFailed: options.resendFailed,
      transport: options.transport,
      outdated: view.outdated,
    });
    planned.push({
      ...delivery,
      messageId: deliveryMessageId(view.id, view.report.sha256, options.domain),
      previous: entry,
      ...decision,
    });
  }
  return planned;
}
