import { createHash } from "node:crypto";
import type { CsvDialect, Problem } from "../model.js";
import { createRowChecker, requiredColumns, type Columns, type CsvSchema } from "./csvSchema.js";
import { StreamDecoder } from "./decodeStream.js";
import { createProblemCap, isBlank, noHeader, readHeader, RecordReader, type CsvRow } from "./parseCsv.js";
import { at, problems } from "./problems.js";

export interface CsvStreamResult<Row> {
  /** The typed rows, in the schema's order; null when the file is unusable (header, size). */
  rows: Row[] | null;
  problems: Problem[];
  /** sha256 of the bytes read: the whole file, unless reading stopped at the size limit. */
  sha256: string;
}

/**
 * A CSV file read as a stream of bytes and checked row by row against its schema, with the
 * problems `parseRows` finds in the same text: only a chunk of text and the rows the schema keeps
 * are in memory, never the whole file. Reading stops after `maxBytes` (a file that grows while it
 * is read, or never ends: `file-too-long`, naming the limit). The rows stop at the header's
 * problems, at a syntax error, and at the problem cap (`too-many-problems`); the rest of the file
 * is then only decoded (its lines counted for the message, its encoding checked).
 */
export async function readCsvStream<C extends Columns, Row>(
  source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  dialect: Pick<CsvDialect, "delimiter" | "encoding">,
  schema: CsvSchema<C, Row>,
  maxBytes: number,
): Promise<CsvStreamResult<Row>> {
  const file = schema.file;
  const required = requiredColumns(schema.columns);
  const found: Problem[] = [];
  const decoder = new StreamDecoder(file, dialect.encoding);
  const hash = createHash("sha256");
  const reader = new RecordReader(dialect.delimiter);
  const cap = createProblemCap(found, file);
  const rows: Row[] = [];
  let header: string[] | null = null;
  let check: ((line: number, fields: string[]) => Row | null) | null = null;
  /** Why reading stopped early, if it did. */
  let stop: "unusable" | "syntax" | "cap" | null = null;
  let capErrors = 0;
  let last = 1;

  const onRecord = (row: CsvRow): void => {
    if (header === null || check === null) {
      if (isBlank(row)) return;
      const head = readHeader(row, file, dialect, required);
      if ("problems" in head) {
        for (const problem of head.problems) found.push(problem);
        stop = "unusable";
        return;
      }
      header = head.header;
      check = createRowChecker(schema, header, found);
      last = row.line;
      return;
    }
    const errors = cap.reached();
    if (errors !== null) {
      capErrors = errors;
      stop = "cap";
      return;
    }
    last = row.line;
    if (isBlank(row)) return;
    if (row.fields.length !== header.length) {
      found.push(
        at({ file, line: row.line, column: 1 }, problems.fieldCount(row.fields.length, header.length)),
      );
      return;
    }
    const made = check(row.line, row.fields);
    if (made !== null) rows.push(made);
  };
  const feed = (text: string, end: boolean): void => {
    const records = reader.read(text, end);
    while (stop === null) {
      const next = records.next();
      if (!next.done) onRecord(next.value);
      else {
        if (next.value) {
          found.push({ ...next.value, file });
          stop = "syntax";
        }
        return;
      }
    }
  };

  let bytes = 0;
  let lines = 0;
  let tooLong = false;
  const count = (text: string) => {
    for (let at = text.indexOf("\n"); at >= 0; at = text.indexOf("\n", at + 1)) lines++;
  };
  for await (const chunk of source) {
    bytes += chunk.length;
    if (bytes > maxBytes) {
      tooLong = true;
      break; // ends the source (a file stream is closed)
    }
    hash.update(chunk);
    const text = decoder.decode(chunk);
    count(text);
    if (stop === null) feed(text, false);
    // Once reading stopped (problem cap, syntax, header), the rest is only decoded: its lines
    // counted for the message, its encoding checked and its bytes hashed, as for a file in memory.
  }
  if (!tooLong) {
    const text = decoder.end();
    count(text);
    if (stop === null) feed(text, true);
    for (const problem of decoder.problems()) found.push(problem);
  }
  const sha256 = hash.digest("hex");
  if (tooLong) {
    found.push(at({ file, line: last, column: 1 }, problems.fileTooLong(maxBytes)));
    return { rows: null, problems: found, sha256 };
  }
  if (stop === "cap") {
    const total = decoder.endsWithNewline ? lines : lines + 1;
    found.push(at({ file, line: last, column: 1 }, problems.tooManyProblems(capErrors, last, total)));
  } else if (stop !== "unusable" && header !== null) cap.end(last);
  if (header === null) {
    if (stop === null) found.push(noHeader(file, required));
    return { rows: null, problems: found, sha256 };
  }
  if (schema.order) rows.sort(schema.order);
  return { rows, problems: found, sha256 };
}
