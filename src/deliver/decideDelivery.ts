import type { DeliveryEvent } from "../model.js";
import type { LedgerEntry, PlanDecision } from "./types.js";

/** What the decision about one delivery depends on, besides its state. */
export interface DecisionFacts {
  /** Its unit is named with `--force`. */
  forced: boolean;
  /** Its unit is forced and its address (or number) is named with `--to`. */
  named: boolean;
  /** `--resend-failed`. */
  resendFailed: boolean;
  /** Where this run's messages go: a run that writes to the outbox leaves `written` ones alone. */
  transport: DeliveryEvent["transport"];
  /** `sent`, with an older build of the PDF. */
  outdated: boolean;
}

/**
 * THE send rule, for one delivery of any channel. Pure.
 *
 * Sent: new and pending deliveries; `written` ones when the run does not write to the outbox;
 * `failed` ones with resendFailed; a forced unit's `unknown` ones; and, whatever their state, the
 * addresses named with `--to` for a forced unit. Never sent twice without naming the address:
 * `sent` (also with an older build of the PDF), and `unknown` without --force.
 */
export function decideDelivery(entry: LedgerEntry, facts: DecisionFacts): PlanDecision {
  if (facts.forced && facts.named) return { action: "send", why: "forced-to" };
  switch (entry.state) {
    case "pending":
      return { action: "send", why: entry.attempts > 0 || entry.at ? "retry-pending" : "new" };
    case "written":
      return facts.transport === "outbox"
        ? { action: "skip", why: "already-written" }
        : { action: "send", why: "written" };
    case "sent":
      return { action: "skip", why: facts.outdated ? "outdated" : "already-sent" };
    case "failed":
      return facts.resendFailed
        ? { action: "send", why: "resend-failed" }
        : { action: "skip", why: "failed" };
    case "unknown":
      return facts.forced ? { action: "send", why: "forced-unknown" } : { action: "skip", why: "unknown" };
  }
}
