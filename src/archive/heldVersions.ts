import type { DeliveryEvent } from "../model.js";
import { eventState } from "./eventState.js";

/**
 * The PDF versions (sha256) that may be in a recipient's hands: every version whose message was
 * handed to an SMTP server (an `attempt`, `sent` or `unknown` event of the SMTP transport). A
 * message only `written` to the outbox reached nobody (legacy outbox `sent` events included, see
 * eventState). The archive keeps each of these versions byte for byte. Pure.
 */
export function heldVersions(events: readonly DeliveryEvent[]): Set<string> {
  const held = new Set<string>();
  for (const event of events) {
    if (event.transport !== "smtp") continue;
    const state = eventState(event);
    if (state === "attempt" || state === "sent" || state === "unknown") held.add(event.sha256);
  }
  return held;
}
