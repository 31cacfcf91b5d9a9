import type { DeliveryEvent } from "../model.js";
import type { Channel } from "./channel.js";
import { deliverWithRetry, type DeliveryStep, type RetrySettings } from "./deliverWithRetry.js";
import { deliveryEvent } from "./deliveryEvent.js";
import { deliveryResult } from "./deliveryResult.js";
import { replayLedger } from "./replayLedger.js";
import type { DeliveryAction, DeliveryResult, SendStop } from "./sendReport.js";
import { notReachedReply, planNote } from "./sendWords.js";
import type { PlannedDelivery, PlannedSend } from "./types.js";

export interface ApplySettings extends RetrySettings {
  clock: () => Date;
  /** Recorded on the events of forced re-sends (who asked, why). */
  forced: { by: string; reason: string } | null;
  /** Called after each delivery this run acts on, with its result so far (progress). */
  onDelivery?: (result: DeliveryResult, done: number, total: number) => void;
}

export interface AppliedPlan {
  deliveries: DeliveryResult[];
  /** Why the run stopped before the end, or null. */
  stop: SendStop | null;
}

/**
 * Sends a plan, one delivery at a time: prepares its message through the channel (a refusal is
 * recorded `failed`, nothing handed over), hands it over with retries (deliverWithRetry), and appends
 * every step to the ledger before going on. `events` holds the ledger's events and grows with each
 * one appended; the states reported come from replayLedger over it. After a stop, the deliveries not
 * reached stay as they were.
 */
export async function applyPlan<M>(
  plan: readonly PlannedDelivery[],
  channel: Channel<M>,
  ledger: { append(event: DeliveryEvent): void },
  events: DeliveryEvent[],
  settings: ApplySettings,
): Promise<AppliedPlan> {
  const { transport } = channel;
  const toSend = plan.filter((p): p is PlannedSend => p.action === "send");
  const acted = new Map<string, DeliveryAction>();
  let stop: SendStop | null = null;
  let done = 0;
  for (const delivery of toSend) {
    if (stop) {
      acted.set(delivery.id, "not-reached");
      continue;
    }
    const record = (step: Omit<DeliveryStep, "attempt"> & { attempt?: number }) => {
      const event = deliveryEvent(delivery, step, {
        at: settings.clock(),
        transport: transport.kind,
        forced: settings.forced,
      });
      ledger.append(event);
      events.push(event);
    };
    const prepared = await channel.prepare(delivery);
    const outcome = prepared.ok
      ? await deliverWithRetry(transport, prepared.message, delivery.previous.attempts, record, settings)
      : (record({ state: "failed", reply: prepared.reason }), { state: "failed" as const, stop: null });
    const action: DeliveryAction =
      outcome.state === "sent" || outcome.state === "written" ? outcome.state : "attempted";
    acted.set(delivery.id, action);
    stop = outcome.stop;
    done += 1;
    const entry = replayLedger(events.filter((e) => e.id === delivery.id)).get(delivery.id);
    settings.onDelivery?.(
      deliveryResult(delivery, entry ?? delivery.previous, action, entry?.reply),
      done,
      toSend.length,
    );
  }

  const final = replayLedger(events);
  const deliveries = plan.map((p) => {
    const entry = final.get(p.id) ?? p.previous;
    const action = acted.get(p.id) ?? "skipped";
    const reply =
      action === "skipped"
        ? planNote(p)
        : action === "not-reached"
          ? notReachedReply(stop?.reason)
          : entry.reply;
    return deliveryResult(p, entry, action, reply);
  });
  return { deliveries, stop };
}
