import type { DeliveryEvent } from "../model.js";
import { normalizeDeliveryId } from "./deliveryIds.js";
import { eventState } from "./eventState.js";
import type { LedgerEntry } from "./types.js";

/** The reply recorded for an SMTP attempt that has no outcome after it. */
export const DANGLING_ATTEMPT =
  "the run stopped after the message was handed to the SMTP server and before its outcome was recorded";

/**
 * THE delivery-state model: folds the ledger's events, in file order, into the state of each
 * delivery, keyed by its delivery id (addresses compared by addressKey). `send`, its dry run,
 * `status`, `run` and their summaries all read delivery states from here and nowhere else. Pure.
 *
 * - `attempt` over SMTP (or SMPP, an HTTP SMS gateway): the message is in the server's hands; with no outcome after it (the run
 *   was killed) the delivery is `unknown` and is never re-sent automatically. An outbox attempt
 *   without an outcome wrote nothing anyone can read: the state stays what it was.
 * - a `receipt` (SMS): kept as `receipt`, whatever the state; it never changes what is re-sent.
 * - `sent`: an SMTP server accepted it; the version (sha256) is kept, to tell an older build apart.
 * - `written`: an .eml file in the outbox. It never hides a `sent` or `unknown` (a recipient may
 *   hold the message), and SMTP still has to deliver it.
 * - `failed`, `pending`: as recorded, with the reply; except that a refusal before any hand-over
 *   (no attempt) never hides a `sent` or `unknown` delivery, and that an SMTP hand-over that did not
 *   reach the server (`pending`: a temporary error, or the run stopped on bad credentials) leaves a
 *   delivery that was `written` as it was: its .eml file is still in the outbox, and SMTP still
 *   has to deliver it.
 */
export function replayLedger(events: readonly DeliveryEvent[]): Map<string, LedgerEntry> {
  const entries = new Map<string, LedgerEntry>();
  /** Deliveries whose last event is an attempt: the next outcome is that attempt's. */
  const handedOver = new Set<string>();
  for (const event of events) {
    const id = normalizeDeliveryId(event.id);
    const entry: LedgerEntry = entries.get(id) ?? { state: "pending", attempts: 0 };
    const state = eventState(event);
    if (event.forced) entry.forced = { ...event.forced, at: event.at };
    if (event.receipt) {
      // A delivery receipt (SMS): recorded beside the state, which it never changes.
      entry.receipt = entry.receipt === "undelivered" ? "undelivered" : event.receipt;
      entries.set(id, entry);
      continue;
    }
    if (state === "attempt") {
      entry.attempts += 1;
      // Handed to a server (SMTP, an SMS centre or gateway): without an outcome, it may have arrived.
      if (event.transport !== "outbox") {
        set(entry, "unknown", event, DANGLING_ATTEMPT);
      }
    } else if (state === "written") {
      entry.written = event.at;
      if (entry.state !== "sent" && entry.state !== "unknown") set(entry, "written", event, event.reply);
    } else if (
      state === "failed" &&
      !handedOver.has(id) &&
      (entry.state === "sent" || entry.state === "unknown")
    ) {
      // Refused before anything was handed over (a forced re-send whose PDF no longer matches, an
      // address now refused): the recipient still holds what it got. Keep that state and show why
      // the re-send did not happen.
      entry.reply = event.reply;
      entry.at = event.at;
    } else if (state === "pending" && entry.written !== undefined) {
      set(entry, "written", event, event.reply);
    } else {
      set(entry, state, event, event.reply);
      if (state === "sent") entry.sentSha256 = event.sha256;
    }
    if (state === "attempt") handedOver.add(id);
    else handedOver.delete(id);
    entries.set(id, entry);
  }
  return entries;
}

function set(
  entry: LedgerEntry,
  state: LedgerEntry["state"],
  event: DeliveryEvent,
  reply: string | undefined,
): void {
  entry.state = state;
  entry.transport = event.transport;
  entry.at = event.at;
  entry.sha256 = event.sha256;
  if (reply !== undefined) entry.reply = reply;
  else delete entry.reply;
}
