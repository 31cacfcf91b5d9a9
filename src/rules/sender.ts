import { checkHeaderText } from "./checkAddress.js";

/**
 * Who the e-mails come from, as dataset.json's `email`, the config's `email` and the manifest's
 * `email` all write it: a plain address, its optional display name, and an optional reply address.
 */
export interface SenderSettings {
  from: string;
  fromName?: string;
  replyTo?: string;
}

/** What to write instead of an address that is not plain (dataset.json and the config say the same). */
export const PLAIN_SENDER_ADVICE =
  "must be a plain e-mail address like semaforo@minedu.gob.pe (put a display name in fromName)";

/**
 * Why a sender display name cannot go into the From header, or null when it can: one header line
 * (checkHeaderText), no quotes or backslashes. The one rule: dataset.json, the config and send.
 */
export function checkSenderName(name: string): string | null {
  return checkHeaderText(name) ?? (/["\\]/.test(name) ? "contains a quote or backslash" : null);
}
