import { isUtf8 } from "node:buffer";
import iconv from "iconv-lite";
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
  let text =
    encoding === "latin1"
      ? iconv.decode(Buffer.from(bytes), "win1252")
      : new TextDecoder("utf-8").decode(bytes);
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
