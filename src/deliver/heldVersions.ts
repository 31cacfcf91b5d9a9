import type { DeliveryEvent } from "../model.js";

/**
 * The PDF versions (sha256) that may be in a recipient's hands: every version whose message was
 * handed to an SMTP server (an `attempt`, `sent` or `unknown` event). Messages only written to the
 * outbox reached nobody. The archive keeps each of these versions byte for byte. Pure.
 */
export function heldVersions(events: readonly DeliveryEvent[]): Set<string> {
  const held = new Set<string>();
  for (const event of events) {
    if (event.transport === "outbox") continue;
    if (event.state === "attempt" || event.state === "sent" || event.state === "unknown")
      held.add(event.sha256);
  }
  return held;
}
