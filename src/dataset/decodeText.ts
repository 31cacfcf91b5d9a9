import { isUtf8 } from "node:buffer";
import type { Problem } from "../model.js";
import { at, problems } from "./problems.js";

/**
 * Bytes → text. UTF-8 (a BOM is dropped) or latin1, read as Windows-1252 as Excel writes it
 * (a superset of ISO-8859-1 for every printable character). Line endings become "\n".
 * Invalid UTF-8 is an error located at its first bad character.
 */
export function decodeText(
  bytes: Uint8Array,
  file: string,
  encoding: "utf8" | "latin1" = "utf8",
): { text: string; problems: Problem[] } {
  let text = encoding === "latin1" ? decodeWindows1252(bytes) : new TextDecoder("utf-8").decode(bytes);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  text = text.replace(/\r\n?/g, "\n");
  const found: Problem[] = [];
  const place = (offset: number) => {
    const before = text.slice(0, offset);
    return { file, line: before.split("\n").length, column: offset - before.lastIndexOf("\n") };
  };
  // UTF-8 read as latin1 would pass silently as mojibake ("Ã\ufffdncash" for "Áncash"): refuse it.
  if (encoding === "latin1" && isUtf8(bytes) && Buffer.from(bytes).some((byte) => byte >= 0x80)) {
    found.push(at(place(text.search(/[^\p{ASCII}]/u)), problems.utf8DeclaredLatin1()));
    return { text, problems: found };
  }
  // Invalid UTF-8, or one of the five bytes Windows-1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D).
  const bad = text.indexOf("\ufffd");
  if (bad >= 0) found.push(at(place(bad), problems.badEncoding(encoding)));
  return { text, problems: found };
}

/**
 * Windows-1252 at 0x80–0x9F (€, ‚, ƒ, „, …, quotes, dashes, ™, Š, Ž…); U+FFFD for the five bytes it
 * leaves undefined. Every other byte is its own code point (ISO-8859-1). Node's TextDecoder cannot
 * be used for this: without full ICU it decodes "windows-1252" as ISO-8859-1, so 0x80 becomes the
 * control character U+0080 instead of "€".
 */
const WINDOWS_1252 = [
  0x20ac, 0xfffd, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152,
  0xfffd, 0x017d, 0xfffd, 0xfffd, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122,
  0x0161, 0x203a, 0x0153, 0xfffd, 0x017e, 0x0178,
];

export function decodeWindows1252(bytes: Uint8Array): string {
  let text = "";
  for (let start = 0; start < bytes.length; start += 8192) {
    const chunk = bytes.subarray(start, start + 8192);
    text += String.fromCharCode(
      ...Array.from(chunk, (byte) =>
        byte >= 0x80 && byte < 0xa0 ? (WINDOWS_1252[byte - 0x80] as number) : byte,
      ),
    );
  }
  return text;
}
