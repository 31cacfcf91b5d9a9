import { createHash } from "node:crypto";
import type { Level, Locale, Period } from "../model.js";

/** The delivery id: period + level + code + language + address. */
export function deliveryId(
  period: Period,
  level: Level,
  code: string,
  language: Locale,
  email: string,
): string {
  return `${period}/${level}/${code}/${language}/${email}`;
}

/**
 * A deterministic Message-ID: the same delivery of the same PDF always carries the same id, so a
 * message re-sent after an `unknown` outcome can be recognised as a duplicate by the receiver.
 */
export function deliveryMessageId(id: string, reportSha256: string, domain: string): string {
  const hash = createHash("sha256").update(`${id}\n${reportSha256}`).digest("hex").slice(0, 32);
  return `<semaforo.${hash}@${domain}>`;
}
