import { CsvError, parse } from "csv-parse/sync";
import type { CsvDialect, Problem } from "../model.js";
import { at, problems, type Location } from "./problems.js";

export interface CsvRow {
  /** 1-based line where the row starts (a quoted field may span lines). */
  line: number;
  fields: string[];
}

export interface CsvTable {
  file: string;
  /** Column names, trimmed and lower-cased. */
  header: string[];
  rows: CsvRow[];
}

/** The trimmed value of a column ("" when the column is absent). */
export function cell(table: CsvTable, row: CsvRow, column: string): string {
  const index = table.header.indexOf(column);
  return index < 0 ? "" : (row.fields[index] ?? "").trim();
}

/** Where a field is: file, the row's line, and the column's 1-based position in the row. */
export function where(table: CsvTable, row: CsvRow, column: string): Location {
  const index = table.header.indexOf(column);
  return { file: table.file, line: row.line, column: index < 0 ? 1 : index + 1 };
}

/**
 * Parses CSV text (already decoded, "\n" line endings) with a header row. Blank lines are skipped;
 * rows with the wrong number of fields are reported and left out. A missing required column
 * makes the table unusable (null).
 */
export function parseCsv(
  text: string,
  file: string,
  dialect: Pick<CsvDialect, "delimiter">,
  required: string[],
): { table: CsvTable | null; problems: Problem[] } {
  const found: Problem[] = [];
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      delimiter: dialect.delimiter,
      bom: true,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
    }) as unknown as typeof records;
  } catch (error) {
    if (error instanceof CsvError) {
      const line = (error as CsvError & { lines?: number }).lines;
      const detail = error.message.replace(/^[A-Za-z ]+: /, "");
      return {
        table: null,
        problems: [at({ file, line: line ?? 1, column: 1 }, problems.csvSyntax(detail))],
      };
    }
    throw error;
  }
  const rows: CsvRow[] = [];
  for (const { record, info } of records) {
    if (record.every((field) => field.trim() === "")) continue;
    // info.lines is the line where the record ends; quoted fields may hold line breaks.
    let breaks = 0;
    for (const field of record)
      for (let at = field.indexOf("\n"); at >= 0; at = field.indexOf("\n", at + 1)) breaks++;
    const line = info.lines - breaks;
    rows.push({ line, fields: record });
  }
  const [head, ...body] = rows;
  if (!head)
    return {
      table: null,
      problems: [at({ file, line: 1, column: 1 }, problems.missingColumn(required[0] ?? "header", []))],
    };
  const header = head.fields.map((name) => name.trim().toLowerCase());
  const missing = required.filter((name) => !header.includes(name));
  // One header cell that holds every column joined by another separator: the file's dialect is not
  // the declared one (a Spanish-locale Excel export read as comma-separated). Say that once, instead
  // of one "missing column" per column.
  const other = missing.length > 0 ? otherDelimiter(head.fields, required, dialect.delimiter) : null;
  if (other)
    return {
      table: null,
      problems: [at({ file, line: head.line, column: 1 }, problems.wrongDelimiter(other, dialect.delimiter))],
    };
  for (const name of missing)
    found.push(at({ file, line: head.line, column: 1 }, problems.missingColumn(name, header)));
  if (missing.length) return { table: null, problems: found };
  const kept: CsvRow[] = [];
  for (const row of body) {
    if (row.fields.length !== header.length) {
      found.push(
        at({ file, line: row.line, column: 1 }, problems.fieldCount(row.fields.length, header.length)),
      );
    } else kept.push(row);
  }
  return { table: { file, header, rows: kept }, problems: found };
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
