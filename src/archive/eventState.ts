import type { DeliveryEvent, DeliveryState } from "../model.js";

/**
 * What one ledger event stands for. Pure. Earlier versions recorded a message written to the
 * outbox as `state: "sent"` with `transport: "outbox"`: that reached nobody, so it reads `written`.
 */
export function eventState(event: DeliveryEvent): DeliveryState | "attempt" {
  if (event.state === "sent" && event.transport === "outbox") return "written";
  return event.state;
}
