import type { Channel } from "./channel.js";
import { deliveryResult } from "./deliveryResult.js";
import type { DeliveryResult } from "./sendReport.js";
import { planNote } from "./sendWords.js";
import type { PlannedDelivery } from "./types.js";

/**
 * The dry run of a plan: each delivery to send is prepared as the send would prepare it (so a
 * refusal reads the same), nothing is handed to the transport and nothing is recorded.
 */
export async function previewPlan<M>(
  plan: readonly PlannedDelivery[],
  channel: Channel<M>,
): Promise<DeliveryResult[]> {
  const deliveries: DeliveryResult[] = [];
  for (const p of plan) {
    if (p.action === "skip") {
      deliveries.push(deliveryResult(p, p.previous, "skipped", planNote(p)));
      continue;
    }
    const prepared = await channel.prepare(p);
    deliveries.push(
      prepared.ok
        ? deliveryResult(p, p.previous, "would-send", planNote(p))
        : deliveryResult(p, p.previous, "refused", prepared.reason),
    );
  }
  return deliveries;
}
