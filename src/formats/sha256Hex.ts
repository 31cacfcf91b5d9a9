import { createHash } from "node:crypto";

/** The sha256 of a text (as UTF-8) or of bytes, as 64 lowercase hex digits: every hash the tool records. */
export function sha256Hex(data: string | Uint8Array): string {
  return createHash("sha256").update(data).digest("hex");
}

/** How a file's bytes compare with what a manifest entry (or an input's record) says of them. */
export interface EntryCheck {
  /** Both the size (when the entry has one) and the sha256 are the entry's. */
  matches: boolean;
  sha256: string;
  bytes: number;
  sizeDiffers: boolean;
  hashDiffers: boolean;
}

/**
 * "Does this file still match its manifest entry": the one rule, used by the build's reuse, the
 * commit, send's check before attaching, verify and verify --rebuild's inputs. Pure.
 */
export function checkAgainstEntry(bytes: Uint8Array, entry: { sha256: string; bytes?: number }): EntryCheck {
  const sha256 = sha256Hex(bytes);
  const sizeDiffers = entry.bytes !== undefined && bytes.byteLength !== entry.bytes;
  const hashDiffers = sha256 !== entry.sha256;
  return { matches: !sizeDiffers && !hashDiffers, sha256, bytes: bytes.byteLength, sizeDiffers, hashDiffers };
}
