/**
 * The GSM 03.38 default alphabet (GSM-7), the only one an SMS is sent in: transliteration of what
 * it lacks, encoding to septets (one byte each, unpacked, as SMPP's `data_coding` 0 carries them)
 * and segment counting. Pure.
 *
 * GSM-7 holds é É ñ Ñ ü Ü ¿ ¡ but not á í ó ú Á Í Ó Ú º ª °; one of those would switch the whole
 * message to UCS-2 (70 characters a segment instead of 160), so they are replaced by plain letters,
 * as RapidPro's "smart" encoding does.
 */

/** The basic table, by septet value (0x1B is the escape to the extension table). */
const BASIC =
  "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001bÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?" +
  "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
import { InternalError } from "../../errors.js";

/** The extension table: each costs two septets (escape + code). */
const EXTENSION: Record<string, number> = {
  "\f": 0x0a,
  "^": 0x14,
  "{": 0x28,
  "}": 0x29,
  "\\": 0x2f,
  "[": 0x3c,
  "~": 0x3d,
  "]": 0x3e,
  "|": 0x40,
  "€": 0x65,
};

const BASIC_CODE = new Map<string, number>([...BASIC].map((char, code) => [char, code]));

/** Replacements for characters outside GSM-7 (after these, diacritics are stripped). */
const REPLACE: Record<string, string> = {
  á: "a",
  í: "i",
  ó: "o",
  ú: "u",
  Á: "A",
  Í: "I",
  Ó: "O",
  Ú: "U",
  º: "o",
  ª: "a",
  "°": "o",
  "\u2018": "'",
  "\u2019": "'",
  "\u201a": "'",
  "\u201c": '"',
  "\u201d": '"',
  "\u201e": '"',
  "«": '"',
  "»": '"',
  "\u2013": "-",
  "\u2014": "-",
  "\u2212": "-",
  "\u2026": "...",
  "\u00a0": " ",
  "\u202f": " ",
  "\u2009": " ",
  "\t": " ",
};

/** Septets a segment holds: alone, and as one part of a concatenated message (6-byte UDH). */
export const SINGLE_SEPTETS = 160;
export const PART_SEPTETS = 153;
/** At most two segments: 306 septets. */
export const MAX_SEGMENTS = 2;
export const MAX_SEPTETS = PART_SEPTETS * MAX_SEGMENTS;

export function isGsm7Char(char: string): boolean {
  return BASIC_CODE.has(char) && char !== "\u001b" ? true : char in EXTENSION;
}

/**
 * Text in GSM-7 only: á í ó ú º ª ° and typographic quotes, dashes, ellipsis and spaces replaced,
 * other accents stripped (â → a), what is left outside GSM-7 (emoji, other scripts) becomes `?`.
 * é ñ ü ¿ ¡ and the other GSM letters are kept.
 */
export function transliterate(text: string): string {
  let out = "";
  for (const char of text.normalize("NFC")) {
    if (isGsm7Char(char)) out += char;
    else if (char in REPLACE) out += REPLACE[char];
    else {
      const stripped = char.normalize("NFD").replace(/\p{M}/gu, "");
      out += [...stripped].every(isGsm7Char) && stripped !== "" ? stripped : "?";
    }
  }
  return out;
}

/** Septets the text takes (extension characters count two); throws on a non-GSM character. */
export function countSeptets(text: string): number {
  let n = 0;
  for (const char of text) {
    if (char in EXTENSION) n += 2;
    else if (BASIC_CODE.has(char)) n += 1;
    else throw new InternalError(`not a GSM-7 character: ${JSON.stringify(char)}`);
  }
  return n;
}

/** Segments an SMS of this GSM-7 text takes: 1 up to 160 septets, else ⌈septets / 153⌉. */
export function countSegments(text: string): number {
  const septets = countSeptets(text);
  return septets <= SINGLE_SEPTETS ? 1 : Math.ceil(septets / PART_SEPTETS);
}

/** The unpacked septets of GSM-7 text, one byte each (SMPP `data_coding` 0). */
export function encodeGsm7(text: string): Buffer {
  const bytes: number[] = [];
  for (const char of text) {
    const ext = EXTENSION[char];
    if (ext !== undefined) bytes.push(0x1b, ext);
    else {
      const code = BASIC_CODE.get(char);
      if (code === undefined) throw new InternalError(`not a GSM-7 character: ${JSON.stringify(char)}`);
      bytes.push(code);
    }
  }
  return Buffer.from(bytes);
}

/** Decodes unpacked GSM-7 septets (the inverse of encodeGsm7), for tests and receipts. */
export function decodeGsm7(bytes: Uint8Array): string {
  const ext = new Map(Object.entries(EXTENSION).map(([char, code]) => [code, char]));
  let out = "";
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i] as number;
    if (byte === 0x1b && i + 1 < bytes.length) out += ext.get(bytes[++i] as number) ?? " ";
    else out += BASIC[byte] ?? "?";
  }
  return out;
}

/**
 * The parts of a concatenated message: the encoded text cut every 153 septets, never between an
 * escape and its character. One part when the text fits in one segment.
 */
export function splitGsm7(text: string): Buffer[] {
  const bytes = encodeGsm7(text);
  if (bytes.length <= SINGLE_SEPTETS) return [bytes];
  const parts: Buffer[] = [];
  let start = 0;
  while (start < bytes.length) {
    let end = Math.min(start + PART_SEPTETS, bytes.length);
    if (end < bytes.length && bytes[end - 1] === 0x1b) end -= 1;
    parts.push(bytes.subarray(start, end));
    start = end;
  }
  return parts;
}
