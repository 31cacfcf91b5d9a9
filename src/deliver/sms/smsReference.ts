import { createHash } from "node:crypto";

/** Crockford's base32 alphabet: no I, L, O, U, so a reference read over the phone is not misheard. */
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/** Characters of the reference that ends every SMS. */
export const REFERENCE_LENGTH = 5;

/**
 * The 5-character reference of an SMS delivery, from its delivery id: the same delivery always
 * carries the same reference, so a recipient holding two messages with one reference holds a
 * duplicate, and support finds the delivery from it (`status --json | grep`). Pure.
 */
export function smsReference(deliveryId: string): string {
  const hash = createHash("sha256").update(deliveryId).digest();
  let bits = 0n;
  for (const byte of hash.subarray(0, 4)) bits = (bits << 8n) | BigInt(byte);
  let out = "";
  for (let i = 0; i < REFERENCE_LENGTH; i++) {
    out += ALPHABET[Number((bits >> BigInt(27 - i * 5)) & 31n)];
  }
  return out;
}
