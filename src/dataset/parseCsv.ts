import { CsvError, parse } from "csv-parse/sync";
import type { CsvDialect, Problem } from "../model.js";
import { createRowChecker, requiredColumns, type Columns, type CsvSchema } from "./csvSchema.js";
import { at, problems } from "./problems.js";

export interface CsvRow {
  /** 1-based line where the row starts (a quoted field may span lines). */
  line: number;
  fields: string[];
}

export interface CsvTable {
  file: string;
  /** Column names, trimmed and lower-cased. */
  header: string[];
  /** Read as they are iterated (once): see readCsv. */
  rows: Iterable<CsvRow>;
}

/** The problems of one file listed at most: past them, only how many more. */
export const MAX_PROBLEMS_PER_FILE = 1000;
/** Reading a file stops at this many errors: no real month has them (4.5 million duplicates did). */
export const STOP_AT_PROBLEMS = 10_000;
/**
 * Text parsed at a time: the rows of a 250 MB file never sit in memory all at once, and a chunk's
 * records are short-lived (a megabyte's survived the young generation and inflated the heap).
 */
const CHUNK = 1 << 16;

/**
 * Parses CSV text (already decoded, "\n" line endings) with a header row, as `readCsv`, with
 * every row read into an array.
 */
export function parseCsv(
  text: string,
  file: string,
  dialect: Pick<CsvDialect, "delimiter">,
  required: string[],
): { table: (CsvTable & { rows: CsvRow[] }) | null; problems: Problem[] } {
  const { table, problems: found } = readCsv(text, file, dialect, required);
  return { table: table ? { ...table, rows: [...table.rows] } : null, problems: found };
}

/**
 * Reads CSV text (already decoded, "\n" line endings) with a header row. Blank lines are skipped;
 * rows with the wrong number of fields are reported and left out. A missing required column
 * makes the table unusable (null).
 *
 * The rows are parsed as they are iterated (64 KB of text at a time), and `problems` is the
 * array the caller keeps adding to while it checks them: past MAX_PROBLEMS_PER_FILE only a count
 * is kept, and at STOP_AT_PROBLEMS reading stops with a problem saying so. A syntax error ends the
 * rows there.
 */
export function readCsv(
  text: string,
  file: string,
  dialect: Pick<CsvDialect, "delimiter">,
  required: string[],
): { table: CsvTable | null; problems: Problem[] } {
  const found: Problem[] = [];
  const records = readRecords(text, dialect.delimiter);
  let first: IteratorResult<CsvRow, Problem | null>;
  do first = records.next();
  while (!first.done && isBlank(first.value));
  if (first.done) {
    const syntax = first.value;
    return { table: null, problems: [syntax ? { ...syntax, file } : noHeader(file, required)] };
  }
  const head = readHeader(first.value, file, dialect, required);
  if ("problems" in head) return { table: null, problems: head.problems };
  const { header } = head;

  function* rows(): Generator<CsvRow> {
    const cap = createProblemCap(found, file);
    let last = first.value?.line ?? 1;
    for (;;) {
      const errors = cap.reached();
      if (errors !== null) {
        const lines = text.endsWith("\n") ? countLines(text) : countLines(text) + 1;
        found.push(at({ file, line: last, column: 1 }, problems.tooManyProblems(errors, last, lines)));
        return;
      }
      const next = records.next();
      if (next.done) {
        if (next.value) found.push({ ...next.value, file });
        break;
      }
      const row = next.value;
      last = row.line;
      if (isBlank(row)) continue;
      if (row.fields.length !== header.length)
        found.push(
          at({ file, line: row.line, column: 1 }, problems.fieldCount(row.fields.length, header.length)),
        );
      else yield row;
    }
    cap.end(last);
  }
  return { table: { file, header, rows: rows() }, problems: found };
}

/** A row of empty fields: skipped. */
export const isBlank = (row: CsvRow): boolean => row.fields.every((field) => field.trim() === "");

/** A file without a header row: its first required column is missing. */
export const noHeader = (file: string, required: string[]): Problem =>
  at({ file, line: 1, column: 1 }, problems.missingColumn(required[0] ?? "header", []));

/**
 * The header row: its names trimmed and lower-cased, or the problems that make the file unusable
 * (a missing required column; every column joined by another separator).
 */
export function readHeader(
  head: CsvRow,
  file: string,
  dialect: Pick<CsvDialect, "delimiter">,
  required: string[],
): { header: string[] } | { problems: Problem[] } {
  const header = head.fields.map((name) => name.trim().toLowerCase());
  const missing = required.filter((name) => !header.includes(name));
  if (missing.length === 0) return { header };
  // One header cell that holds every column joined by another separator: the file's dialect is not
  // the declared one (a Spanish-locale Excel export read as comma-separated). Say that once, instead
  // of one "missing column" per column.
  const other = otherDelimiter(head.fields, required, dialect.delimiter);
  if (other)
    return {
      problems: [at({ file, line: head.line, column: 1 }, problems.wrongDelimiter(other, dialect.delimiter))],
    };
  return {
    problems: missing.map((name) =>
      at({ file, line: head.line, column: 1 }, problems.missingColumn(name, header)),
    ),
  };
}

/**
 * The cap on one file's problems, over the array the caller keeps adding to: keeps the first
 * MAX_PROBLEMS_PER_FILE and counts the rest, errors and warnings apart. `reached` (called before
 * each row) gives the count of errors once they reach STOP_AT_PROBLEMS (reading then stops, with a
 * problem saying so); warnings never stop a valid file. `end` adds the count of problems not listed.
 */
export function createProblemCap(found: Problem[], file: string) {
  let errors = 0;
  let droppedErrors = 0;
  let droppedWarnings = 0;
  let counted = found.length;
  const cap = (): void => {
    for (let index = counted; index < found.length; index++)
      if (found[index]?.severity === "error") errors += 1;
    for (let index = MAX_PROBLEMS_PER_FILE; index < found.length; index++)
      if (found[index]?.severity === "error") droppedErrors += 1;
      else droppedWarnings += 1;
    if (found.length > MAX_PROBLEMS_PER_FILE) found.length = MAX_PROBLEMS_PER_FILE;
    counted = found.length;
  };
  return {
    reached(): number | null {
      cap();
      return errors < STOP_AT_PROBLEMS ? null : errors;
    },
    end(last: number): void {
      cap();
      if (droppedErrors + droppedWarnings > 0)
        found.push(
          at(
            { file, line: last, column: 1 },
            problems.moreProblems(MAX_PROBLEMS_PER_FILE, droppedErrors, droppedWarnings),
          ),
        );
    },
  };
}

/** The records of CSV text, a chunk at a time (see RecordReader). */
function readRecords(text: string, delimiter: string): Generator<CsvRow, Problem | null> {
  return new RecordReader(delimiter).read(text, true);
}

/**
 * Parses CSV text given piece by piece (a file read as a stream, or a whole text at once), a chunk
 * at a time: each chunk ends at a line break outside quotes (an even number of quotes before it),
 * so no record is cut, and the rows of a large file never sit in memory all at once. Line numbers
 * run across the pieces.
 */
export class RecordReader {
  private buffer = "";
  private linesBefore = 0;
  private first = true;
  constructor(private readonly delimiter: string) {}

  /**
   * The records complete once `text` is added (every remaining one when `last`). Returns the
   * syntax error that ends the records, if any (its file left for the caller to fill in).
   */
  *read(text: string, last: boolean): Generator<CsvRow, Problem | null> {
    this.buffer = this.buffer === "" ? text : this.buffer + text;
    while (this.buffer.length > 0) {
      if (!last && this.buffer.length <= CHUNK) return null;
      const end = chunkEnd(this.buffer, 0);
      // No record ends in what was read yet: wait for more.
      if (!last && end === this.buffer.length) return null;
      const chunk = this.buffer.slice(0, end);
      this.buffer = this.buffer.slice(end);
      let records: { record: string[]; info: { lines: number } }[];
      try {
        records = parse(chunk, {
          delimiter: this.delimiter,
          bom: this.first,
          info: true,
          relax_column_count: true,
          skip_empty_lines: true,
        }) as unknown as typeof records;
      } catch (error) {
        if (error instanceof CsvError) {
          const line = (error as CsvError & { lines?: number }).lines;
          const detail = error.message.replace(/^[A-Za-z ]+: /, "");
          this.buffer = "";
          return at(
            { file: "", line: this.linesBefore + (line ?? 1), column: 1 },
            problems.csvSyntax(detail),
          );
        }
        throw error;
      }
      this.first = false;
      for (const { record, info } of records) {
        // info.lines is the line where the record ends; quoted fields may hold line breaks.
        let breaks = 0;
        for (const field of record)
          for (let at = field.indexOf("\n"); at >= 0; at = field.indexOf("\n", at + 1)) breaks++;
        yield { line: this.linesBefore + info.lines - breaks, fields: record };
      }
      this.linesBefore += countLines(chunk);
    }
    return null;
  }
}

/**
 * Where the chunk from `start` ends: after the last line break outside quotes (an even number of
 * quotes since `start`) within CHUNK characters, or the first one past it when a quoted field is
 * longer than that.
 */
function chunkEnd(text: string, start: number): number {
  if (text.length - start <= CHUNK) return text.length;
  let cut = text.lastIndexOf("\n", start + CHUNK - 1);
  let quotes = cut < start ? 0 : countQuotes(text, start, cut);
  while (cut >= start && quotes % 2 === 1) {
    const previous = text.lastIndexOf("\n", cut - 1);
    if (previous < start) break;
    quotes -= countQuotes(text, previous, cut);
    cut = previous;
  }
  if (cut >= start && quotes % 2 === 0) return cut + 1;
  // No record ends within CHUNK: the first line break past it with the quotes balanced.
  quotes = 0;
  for (let from = start, newline = text.indexOf("\n", start); newline >= 0;) {
    quotes += countQuotes(text, from, newline);
    if (quotes % 2 === 0) return newline + 1;
    from = newline;
    newline = text.indexOf("\n", newline + 1);
  }
  return text.length;
}

/** The quotes in text[from, to): searched in a slice, so no search runs past `to`. */
function countQuotes(text: string, from: number, to: number): number {
  const part = text.slice(from, to);
  let count = 0;
  for (let at = part.indexOf('"'); at >= 0; at = part.indexOf('"', at + 1)) count++;
  return count;
}

export function countLines(text: string): number {
  let count = 0;
  for (let at = text.indexOf("\n"); at >= 0; at = text.indexOf("\n", at + 1)) count++;
  return count;
}

const DELIMITERS = [",", ";", "\t", "|"];

/** The separator that splits the header into the required columns, when the declared one does not. */
function otherDelimiter(fields: string[], required: string[], declared: string): string | null {
  const joined = fields.join(declared);
  for (const candidate of DELIMITERS) {
    if (candidate === declared) continue;
    const names = joined.split(candidate).map((name) => name.trim().toLowerCase());
    if (required.every((name) => names.includes(name))) return candidate;
  }
  return null;
}

/**
 * CSV text checked against a row schema: the typed rows (in the schema's order), or null when the
 * header lacks a required column; every problem, capped as `readCsv` caps them.
 */
export function parseRows<C extends Columns, Row>(
  text: string,
  dialect: Pick<CsvDialect, "delimiter">,
  schema: CsvSchema<C, Row>,
): { rows: Row[] | null; problems: Problem[] } {
  const { table, problems: found } = readCsv(text, schema.file, dialect, requiredColumns(schema.columns));
  if (!table) return { rows: null, problems: found };
  const check = createRowChecker(schema, table.header, found);
  const rows: Row[] = [];
  for (const row of table.rows) {
    const made = check(row.line, row.fields);
    if (made !== null) rows.push(made);
  }
  if (schema.order) rows.sort(schema.order);
  return { rows, problems: found };
}
