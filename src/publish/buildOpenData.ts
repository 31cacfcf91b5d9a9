import type { Indicator } from "../model.js";
import { protectFormula } from "../protectFormula.js";
import {
  CODES,
  DICTIONARY,
  INDICATORS,
  isFreeText,
  TABLES,
  UNITS,
  VALUES,
  type TableResource,
} from "./tableSchemas.js";
import type { PublicFile, SiteUnit, ValueRow } from "./types.js";

/** Licence and source of the data, as `dataset.json` states them (DatasetConfig `licenses`, `sources`). */
export interface PublicationInfo {
  licenses: { name?: string; path?: string; title: string }[];
  sources: { title: string; path?: string }[];
}

export interface OpenDataInput {
  period: string;
  /** Every period written, oldest first. */
  periods: string[];
  datasetName: string;
  description?: string;
  synthetic: boolean;
  indicators: Indicator[];
  /** The month's units (national, regions, districts), from its views. */
  units: SiteUnit[];
  rows: ValueRow[];
  info: PublicationInfo;
  generatedAt: string;
}

/** Frictionless Table Dialect of every CSV file written here. */
const DIALECT = {
  delimiter: ",",
  lineTerminator: "\n",
  quoteChar: '"',
  doubleQuote: true,
  header: true,
} as const;

/**
 * The open-data files: the CSV tables (values, units, indicators, dictionary) and the
 * `datapackage.json` describing them. Pure: `hashOf` gives each CSV's sha256 and size (the caller
 * decides how to hash), so the package can state them.
 */
export function buildOpenData(
  input: OpenDataInput,
  hashOf: (content: string) => { sha256: string; bytes: number },
): PublicFile[] {
  const tables = new Map<TableResource, string[][]>([
    [VALUES, valueRows(input.rows)],
    [UNITS, unitRows(input.units)],
    [
      INDICATORS,
      input.indicators.map((ind, i) => [
        ind.id,
        String(i + 1),
        ind.label.es,
        ind.label.en,
        ind.category,
        CODES.better[ind.better],
        ind.unit === "percent" ? "porcentaje" : ind.unit,
      ]),
    ],
    [DICTIONARY, dictionaryRows()],
  ]);
  const files: PublicFile[] = TABLES.map((table) => ({
    path: table.path,
    content: toCsv(
      table.schema.fields.map((field) => field.name),
      // Free-text cells are protected against formula injection; codes and numbers stay as they are.
      (tables.get(table) ?? []).map((row) =>
        row.map((cell, i) =>
          table.schema.fields[i] && isFreeText(table.schema.fields[i]) ? protectFormula(cell) : cell,
        ),
      ),
    ),
  }));
  const resources = TABLES.map((table, i) => {
    const { sha256, bytes } = hashOf(files[i]?.content ?? "");
    return {
      name: table.name,
      path: table.path,
      profile: "tabular-data-resource",
      title: table.title,
      description: table.description,
      format: "csv",
      mediatype: "text/csv",
      encoding: "utf-8",
      bytes,
      hash: `sha256:${sha256}`,
      dialect: DIALECT,
      schema: table.schema,
    };
  });
  const datapackage = {
    profile: "tabular-data-package",
    name: "semaforo-escuela",
    title: input.datasetName,
    ...(input.description ? { description: input.description } : {}),
    created: input.generatedAt,
    // The Data Package schema wants at least one item in each list: none stated, no key.
    ...(input.info.licenses.length > 0 ? { licenses: input.info.licenses } : {}),
    ...(input.info.sources.length > 0 ? { sources: input.info.sources } : {}),
    keywords: ["educación", "education", "Perú", "Semáforo Escuela", "monitoreo de escuelas"],
    semaforo: {
      period: input.period,
      periods: input.periods,
      synthetic: input.synthetic,
    },
    resources,
  };
  return [...files, { path: "datapackage.json", content: `${JSON.stringify(datapackage, null, 2)}\n` }];
}

function valueRows(rows: ValueRow[]): string[][] {
  const levelOrder = { national: 0, region: 1, district: 2 } as const;
  return [...rows]
    .sort(
      (a, b) =>
        a.period.localeCompare(b.period) ||
        levelOrder[a.level] - levelOrder[b.level] ||
        a.code.localeCompare(b.code) ||
        0,
    )
    .map((row) => [
      row.period,
      CODES.level[row.level],
      row.code,
      row.indicator,
      String(row.numerator),
      String(row.denominator),
      String(row.schools),
      number(row.value),
      CODES.status[row.status],
      row.status === "referential" ? "true" : "false",
      row.referentialReason === null ? "" : CODES.reason[row.referentialReason],
      number(row.baseline),
      number(row.minimum),
      number(row.target),
      CODES.targetSource[row.targetSource],
    ]);
}

function unitRows(units: SiteUnit[]): string[][] {
  return units.map((unit) => {
    const parent =
      unit.level === "national"
        ? ["", ""]
        : unit.level === "region"
          ? [CODES.level.national, nationalCode(units)]
          : [CODES.level.region, unit.region?.code ?? ""];
    return [CODES.level[unit.level], unit.code, unit.name, ...parent];
  });
}

function nationalCode(units: SiteUnit[]): string {
  return units.find((unit) => unit.level === "national")?.code ?? "";
}

function dictionaryRows(): string[][] {
  return TABLES.flatMap((table) =>
    table.schema.fields.map((field) => [
      table.path,
      field.name,
      field.type,
      field.constraints?.required ? "true" : "false",
      field.title,
      field.description_es,
      field.description,
    ]),
  );
}

/** A number with a decimal point and at most 4 decimals; "" for none. */
function number(value: number | null): string {
  return value === null ? "" : String(Number(value.toFixed(4)));
}

/** RFC 4180 CSV, "\n" line ends; a field is quoted only when it needs to be. */
function toCsv(header: string[], rows: string[][]): string {
  const cell = (text: string): string => (/[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
  return [header, ...rows].map((row) => row.map(cell).join(",")).join("\n") + "\n";
}
