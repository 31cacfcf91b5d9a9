import type { DeliveryEvent, DeliveryState } from "../model.js";
import { computeBackoff, type RetryPolicy } from "./computeBackoff.js";
import type { SendStop } from "./sendReport.js";
import { gaveUpReply, unreachableReason, unusableReason } from "./sendWords.js";
import type { Transport } from "./transport.js";

/** One step of a delivery, for the ledger: the caller adds who, what and when. */
export interface DeliveryStep {
  state: DeliveryEvent["state"];
  /** The hand-over's number over the delivery's whole life (earlier runs included). */
  attempt: number;
  reply?: string;
}

export interface RetrySettings {
  policy: RetryPolicy;
  random: () => number;
  sleep: (ms: number) => Promise<void>;
}

/** A delivery's state after this run, and why the run must stop after it (or null). */
export interface DeliverOutcome {
  state: DeliveryState;
  stop: SendStop | null;
}

/**
 * Hands one prepared message to a transport, retrying what may work later with backoff, and records
 * every step through `record` before going on: the `attempt` before each hand-over (so a run killed
 * during it leaves an attempt without an outcome, which replayLedger reads as `unknown` over a
 * network), then its outcome. Channel-neutral: it sees only the transport's SendOutcome.
 *
 * - sent, written, failed, unknown: recorded as such; unknown is never retried.
 * - stop (credentials, TLS): `pending`, and the run stops (kind `config`).
 * - retry: `pending` with the reply, then a backoff; after the last attempt `pending` with why it
 *   gave up (the next send tries again); when the last one reached no server, the run stops (kind
 *   `unreachable`).
 */
export async function deliverWithRetry<M>(
  transport: Transport<M>,
  message: M,
  previousAttempts: number,
  record: (step: DeliveryStep) => void,
  settings: RetrySettings,
): Promise<DeliverOutcome> {
  const { policy } = settings;
  for (let attempt = 1; ; attempt++) {
    const number = previousAttempts + attempt;
    record({ state: "attempt", attempt: number });
    const outcome = await transport.send(message);
    switch (outcome.status) {
      case "sent":
      case "written":
      case "failed":
      case "unknown":
        record({ state: outcome.status, attempt: number, reply: outcome.reply });
        return { state: outcome.status, stop: null };
      case "stop":
        record({ state: "pending", attempt: number, reply: outcome.reply });
        return {
          state: "pending",
          stop: {
            kind: "config",
            reason: unusableReason(transport.kind, outcome.reply),
            reply: outcome.reply,
          },
        };
      case "retry":
        break;
    }
    if (attempt >= policy.attempts) {
      // Nothing was accepted, only temporary errors (4xx, no connection): the delivery stays
      // `pending`, so the next plain `send` tries it again. `failed` is kept for what a retry
      // cannot fix (a 5xx, a refusal before sending).
      record({ state: "pending", attempt: number, reply: gaveUpReply(attempt, outcome.reply) });
      return {
        state: "pending",
        stop: outcome.reached
          ? null
          : {
              kind: "unreachable",
              reason: unreachableReason(transport.kind, outcome.reply),
              reply: outcome.reply,
            },
      };
    }
    record({ state: "pending", attempt: number, reply: outcome.reply });
    const backoff = computeBackoff(attempt, policy, settings.random());
    await settings.sleep(Math.max(backoff, Math.min(outcome.afterMs ?? 0, policy.maxMs)));
  }
}
