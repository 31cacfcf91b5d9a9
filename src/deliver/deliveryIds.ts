import type { ReportLevel, Locale, Period } from "../model.js";
import { addressKey } from "./addressKey.js";
import { sha256Hex } from "../formats/sha256Hex.js";

/**
 * The delivery id: `period/level/code/language/address`, the address compared without regard to
 * capitals (addressKey), so the same report to the same recipient always has the same id.
 */
export function deliveryId(
  period: Period,
  level: ReportLevel,
  code: string,
  language: Locale,
  email: string,
): string {
  return `${period}/${level}/${code}/${language}/${addressKey(email)}`;
}

/**
 * The id of a ledger event as this version writes it. Earlier versions kept the address's capitals
 * in the id; the four first parts are kept and the address part goes through addressKey. Pure.
 */
export function normalizeDeliveryId(id: string): string {
  const parts = id.split("/");
  if (parts.length < 5) return id;
  return `${parts.slice(0, 4).join("/")}/${addressKey(parts.slice(4).join("/"))}`;
}

/**
 * A deterministic Message-ID: the same delivery of the same PDF always carries the same id, so a
 * message re-sent after an `unknown` outcome can be recognised as a duplicate by the receiver.
 */
export function deliveryMessageId(id: string, reportSha256: string, domain: string): string {
  const hash = sha256Hex(`${id}\n${reportSha256}`).slice(0, 32);
  return `<semaforo.${hash}@${domain}>`;
}
