import type { Delivery } from "./types.js";
import { addressKey } from "./addressKey.js";
import { sha256Hex } from "../formats/sha256Hex.js";

/**
 * The outbox file name of a delivery, from safe parts only: whatever the unit code or the address
 * holds (`/`, `..`, control characters), the name is one plain file name inside `outbox/`. Letters,
 * digits and `._@+-` are kept, anything else becomes `_`; a short hash of the delivery id keeps two
 * deliveries whose names would clash apart. Pure.
 */
export function outboxName(delivery: Pick<Delivery, "id" | "report" | "language" | "email">): string {
  const hash = sha256Hex(delivery.id).slice(0, 8);
  const code = safe(delivery.report.code, 40);
  const address = safe(addressKey(delivery.email), 100);
  return `${delivery.report.level}-${code}-${delivery.language}-${address}-${hash}.eml`;
}

function safe(text: string, max: number): string {
  return (
    text
      .replace(/[^A-Za-z0-9._@+-]/g, "_")
      .replace(/\.{2,}/g, "_")
      .slice(0, max) || "_"
  );
}
