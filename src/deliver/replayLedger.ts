import type { DeliveryEvent } from "../model.js";
import type { LedgerEntry } from "./types.js";

/**
 * Folds the ledger's events into the current state of each delivery. Pure.
 *
 * The last event wins, with one rule: an `attempt` with no outcome after it means the run stopped
 * (killed, crashed) while the message was in the transport's hands, so the delivery is `unknown`
 * and is not re-sent automatically.
 */
export function replayLedger(events: readonly DeliveryEvent[]): Map<string, LedgerEntry> {
  const entries = new Map<string, LedgerEntry>();
  for (const event of events) {
    const entry = entries.get(event.id) ?? { state: "pending", attempts: 0 };
    if (event.state === "attempt") {
      entry.attempts += 1;
      entry.state = "unknown";
      entry.reply = "the run stopped after the message was handed over and before its outcome was recorded";
    } else {
      entry.state = event.state;
      if (event.reply !== undefined) entry.reply = event.reply;
      else delete entry.reply;
    }
    entry.at = event.at;
    entries.set(event.id, entry);
  }
  return entries;
}
