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
  const bad = encoding === "utf8" ? text.indexOf("\ufffd") : -1;
  if (bad >= 0) {
    const before = text.slice(0, bad);
    const line = before.split("\n").length;
    const column = bad - before.lastIndexOf("\n");
    found.push(at({ file, line, column }, problems.badEncoding(encoding)));
  }
  return { text, problems: found };
}
