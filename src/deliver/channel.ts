import type { PlannedDelivery } from "./types.js";
import type { Transport } from "./transport.js";

/** A message ready for its transport, or why the real send refuses it (the dry run shows the same words). */
export type Prepared<M> = { ok: true; message: M } | { ok: false; reason: string };

/**
 * One way a report reaches its recipients: e-mail today (emailChannel), SMS next. A send plans every
 * delivery with the one send rule (decideDelivery), then previews (previewPlan) or applies
 * (applyPlan) the plan through a channel; only the channel knows how a delivery becomes a message
 * and where the message goes. Every step lands in the one ledger, deliveries.jsonl.
 */
export interface Channel<M> {
  readonly transport: Transport<M>;
  /**
   * Builds one delivery's message after every check the real send makes (files against the
   * manifest, addresses, size). The dry run calls it too, so it refuses exactly what the send would.
   */
  prepare(delivery: PlannedDelivery): Promise<Prepared<M>>;
}
