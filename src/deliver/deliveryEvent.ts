import type { DeliveryEvent } from "../model.js";
import type { DeliveryStep } from "./deliverWithRetry.js";
import type { PlannedDelivery } from "./types.js";

/**
 * The ledger event of one step of a planned delivery. A re-send asked for on purpose (`--force`)
 * carries who asked and why. Pure.
 */
export function deliveryEvent(
  delivery: PlannedDelivery,
  step: Omit<DeliveryStep, "attempt"> & { attempt?: number },
  context: {
    at: Date;
    transport: DeliveryEvent["transport"];
    forced: { by: string; reason: string } | null;
  },
): DeliveryEvent {
  const forced =
    (delivery.why === "forced-unknown" || delivery.why === "forced-to") && context.forced
      ? { forced: context.forced }
      : {};
  return {
    id: delivery.id,
    messageId: delivery.messageId,
    at: context.at.toISOString(),
    level: delivery.report.level,
    code: delivery.report.code,
    language: delivery.language,
    email: delivery.email,
    file: delivery.report.file,
    sha256: delivery.report.sha256,
    state: step.state,
    ...(step.attempt !== undefined ? { attempt: step.attempt } : {}),
    ...(step.reply !== undefined ? { reply: step.reply } : {}),
    transport: context.transport,
    ...forced,
  };
}
