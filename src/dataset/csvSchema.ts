import type { Problem } from "../model.js";
import { at, problems, type Location, type ProblemText } from "./problems.js";

/**
 * A CSV file as a declarative row schema: its columns (required or optional in the header), how
 * each cell's text becomes a value, the rows that must be unique, the checks across columns, and
 * the typed row it makes. One engine (`createRowChecker`) applies a schema row by row, so the same
 * schema serves a file in memory and a file read as a stream. Every problem goes through the
 * dataset catalogue with file:line:column.
 */

/** Where a cell's parser reports: the cell's location, and the catalogue entry. */
export interface CellContext {
  column: string;
  where: Location;
  /** A problem at this cell (the row is then refused if it is an error). */
  problem: (text: ProblemText) => void;
  /** A problem already placed (e.g. `checkDistrict`'s, with its suggestion). */
  add: (problem: Problem | null) => void;
}

/** One column: how its text (trimmed) becomes a value; null when it cannot (after reporting why). */
export interface Column<T> {
  /** The header may lack it: its cells then read as "". */
  optional?: boolean;
  /** "spaces": only spaces and tabs are trimmed (a line break in an address is an error, not trimmed). */
  trim?: "spaces";
  parse: (raw: string, cell: CellContext) => T | null;
}

export type Columns = Record<string, Column<unknown>>;
export type ValueOf<C> = C extends Column<infer T> ? T : never;
/** The row's values after parsing: every cell, null where it could not be parsed. */
export type Cells<C extends Columns> = { [K in keyof C]: ValueOf<C[K]> | null };
/** The row's values when every cell parsed. */
export type Values<C extends Columns> = { [K in keyof C]: ValueOf<C[K]> };

/** What the checks across columns and the row builder see. */
export interface RowContext<C extends Columns> {
  line: number;
  /** No error so far in this row. */
  readonly ok: boolean;
  /** The cells' trimmed text. */
  raw: Record<keyof C & string, string>;
  where: (column: keyof C & string) => Location;
  problem: (column: keyof C & string, text: ProblemText) => void;
  add: (problem: Problem | null) => void;
}

export interface CsvSchema<C extends Columns, Row> {
  /** The file's name in problems (relative to the dataset folder). */
  file: string;
  columns: C;
  /**
   * One row per these columns' text: a second one is a problem at `at`, naming the first line.
   * Checked for every row, valid or not.
   */
  unique?: {
    columns: (keyof C & string)[];
    /**
     * Records a row and gives the line of the first row with the same key, if any: for a file of
     * millions of rows, a store smaller than the default (a map keyed by the columns' text).
     */
    first?: (raw: Record<keyof C & string, string>, line: number) => number | undefined;
    at: keyof C & string;
    problem: (firstLine: number, raw: Record<keyof C & string, string>) => ProblemText;
  };
  /** Checks across columns, run for every row (a failed cell is null). */
  check?: (cells: Cells<C>, row: RowContext<C>) => void;
  /** The typed row, for a row without errors; null leaves it out. */
  build: (values: Values<C>, row: RowContext<C>) => Row | null;
  /** The order of the rows made (a stable sort: equal rows keep file order). */
  order?: (a: Row, b: Row) => number;
}

/** Checks a schema needs from a file's header: the required columns. */
export const requiredColumns = (columns: Columns): string[] =>
  Object.entries(columns)
    .filter(([, column]) => !column.optional)
    .map(([name]) => name);

/**
 * The row checker of one file: given the header (trimmed, lower-cased names), a function that
 * checks one row's fields, adds its problems to `found`, and returns the typed row or null.
 */
export function createRowChecker<C extends Columns, Row>(
  schema: CsvSchema<C, Row>,
  header: string[],
  found: Problem[],
): (line: number, fields: string[]) => Row | null {
  const names = Object.keys(schema.columns) as (keyof C & string)[];
  const index = new Map(names.map((name) => [name, header.indexOf(name)]));
  const seen = new Map<string, number>();
  return (line, fields) => {
    let errors = 0;
    const add = (problem: Problem | null) => {
      if (!problem) return;
      if (problem.severity === "error") errors += 1;
      found.push(problem);
    };
    const where = (column: string): Location => {
      const at = index.get(column) ?? header.indexOf(column);
      return { file: schema.file, line, column: at < 0 ? 1 : at + 1 };
    };
    const problem = (column: string, text: ProblemText) => add(at(where(column), text));
    const raw = {} as Record<keyof C & string, string>;
    const cells = {} as Record<string, unknown>;
    for (const name of names) {
      const column = schema.columns[name] as Column<unknown>;
      const position = index.get(name) ?? -1;
      const text = position < 0 ? "" : (fields[position] ?? "");
      const value = column.trim === "spaces" ? text.replace(/^[ \t]+|[ \t]+$/g, "") : text.trim();
      raw[name] = value;
      cells[name] = column.parse(value, {
        column: name,
        where: where(name),
        problem: (text) => problem(name, text),
        add,
      });
    }
    const context: RowContext<C> = {
      line,
      get ok() {
        return errors === 0;
      },
      raw,
      where,
      problem,
      add,
    };
    if (schema.unique) {
      const { columns, first: firstOf } = schema.unique;
      let first: number | undefined;
      if (firstOf) first = firstOf(raw, line);
      else {
        const key = JSON.stringify(columns.map((name) => raw[name]));
        first = seen.get(key);
        if (first === undefined) seen.set(key, line);
      }
      if (first !== undefined) problem(schema.unique.at, schema.unique.problem(first, raw));
    }
    schema.check?.(cells as Cells<C>, context);
    if (errors > 0 || names.some((name) => cells[name] === null)) return null;
    const row = schema.build(cells as Values<C>, context);
    return errors > 0 ? null : row;
  };
}

/** A cell that must not be empty (`missing-value`), then parsed by `parse`. */
export const filled = <T>(parse: (raw: string, cell: CellContext) => T | null): Column<T> => ({
  parse: (raw, cell) => {
    if (raw === "") {
      cell.problem(problems.missingValue(cell.column));
      return null;
    }
    return parse(raw, cell);
  },
});

/** A cell that may be empty (undefined), else parsed by `parse`; its column may be absent. */
export const optional = <T>(parse: (raw: string, cell: CellContext) => T | null): Column<T | undefined> => ({
  optional: true,
  parse: (raw, cell) => (raw === "" ? undefined : parse(raw, cell)),
});
