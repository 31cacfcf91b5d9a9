import { TextDecoder } from "node:util";
import type { Problem } from "../model.js";
import { decodeWindows1252 } from "./decodeText.js";
import { at, problems } from "./problems.js";

/**
 * Bytes → text a piece at a time, as `decodeText` decodes a whole file: UTF-8 (a BOM is dropped)
 * or latin1 read as Windows-1252, line endings made "\n", and the same problems at the same
 * place (the first bad character; a latin1 file that is really UTF-8).
 */
export class StreamDecoder {
  private readonly utf8 = new TextDecoder("utf-8");
  /** Still valid UTF-8, for a file declared latin1 (fatal: throws at the first bad byte). */
  private strict: TextDecoder | null;
  private highByte = false;
  private carry = "";
  private started = false;
  private lines = 0;
  private column = 1;
  private firstBad: { line: number; column: number } | null = null;
  private firstNonAscii: { line: number; column: number } | null = null;
  /** The last text given ends with a line break (or nothing was given). */
  endsWithNewline = true;

  constructor(
    private readonly file: string,
    private readonly encoding: "utf8" | "latin1",
  ) {
    this.strict = encoding === "latin1" ? new TextDecoder("utf-8", { fatal: true }) : null;
  }

  decode(bytes: Uint8Array): string {
    if (this.strict) {
      try {
        this.strict.decode(bytes, { stream: true });
      } catch {
        this.strict = null;
      }
      if (!this.highByte && bytes.some((byte) => byte >= 0x80)) this.highByte = true;
    }
    const text =
      this.carry +
      (this.encoding === "latin1" ? decodeWindows1252(bytes) : this.utf8.decode(bytes, { stream: true }));
    return this.normalize(text);
  }

  /** The text still held (a final "\r", an incomplete UTF-8 sequence). */
  end(): string {
    const rest = this.carry + (this.encoding === "latin1" ? "" : this.utf8.decode());
    this.carry = "";
    if (this.strict) {
      try {
        this.strict.decode();
      } catch {
        this.strict = null;
      }
    }
    return this.normalize(rest, true);
  }

  /** The encoding's problems, once every byte is decoded. */
  problems(): Problem[] {
    // UTF-8 read as latin1 would pass silently as mojibake ("Ã\ufffdncash" for "Áncash"): refuse it.
    if (this.strict && this.highByte && this.firstNonAscii)
      return [at({ file: this.file, ...this.firstNonAscii }, problems.utf8DeclaredLatin1())];
    // Invalid UTF-8, or one of the five bytes Windows-1252 leaves undefined.
    if (this.firstBad)
      return [at({ file: this.file, ...this.firstBad }, problems.badEncoding(this.encoding))];
    return [];
  }

  private normalize(input: string, last = false): string {
    let text = input;
    if (!this.started && text !== "") {
      this.started = true;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    // A "\r" at the end may be the first half of "\r\n": kept for the next piece.
    if (!last && text.endsWith("\r")) {
      this.carry = "\r";
      text = text.slice(0, -1);
    } else this.carry = "";
    text = text.replace(/\r\n?/g, "\n");
    if (text === "") return text;
    if (!this.firstBad) {
      const bad = text.indexOf("\ufffd");
      if (bad >= 0) this.firstBad = this.place(text, bad);
    }
    if (!this.firstNonAscii && this.encoding === "latin1") {
      const other = text.search(/[^\p{ASCII}]/u);
      if (other >= 0) this.firstNonAscii = this.place(text, other);
    }
    const lastBreak = text.lastIndexOf("\n");
    let breaks = 0;
    for (let at = text.indexOf("\n"); at >= 0; at = text.indexOf("\n", at + 1)) breaks++;
    this.lines += breaks;
    this.column = lastBreak < 0 ? this.column + text.length : text.length - lastBreak;
    this.endsWithNewline = text.endsWith("\n");
    return text;
  }

  /** Line and column of `offset` in `text`, the next piece. */
  private place(text: string, offset: number): { line: number; column: number } {
    const before = text.slice(0, offset);
    const lastBreak = before.lastIndexOf("\n");
    let breaks = 0;
    for (let at = before.indexOf("\n"); at >= 0; at = before.indexOf("\n", at + 1)) breaks++;
    return {
      line: this.lines + breaks + 1,
      column: lastBreak < 0 ? this.column + offset : offset - lastBreak,
    };
  }
}
