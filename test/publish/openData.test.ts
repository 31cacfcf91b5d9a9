import { beforeAll, describe, expect, it } from "@jest/globals";
import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { parse } from "csv-parse/sync";
import { buildViews } from "../../src/compute/buildViews.js";
import { readDataset } from "../../src/dataset/readDataset.js";
import { readMessages } from "../../src/locale/readMessages.js";
import type { ReportView } from "../../src/model.js";
import { PERIOD, publishTiny } from "./support.js";

/** A Table Schema field, as datapackage.json states it (read back, not imported from src). */
interface Field {
  name: string;
  type: string;
  constraints?: {
    required?: boolean;
    unique?: boolean;
    enum?: string[];
    minimum?: number;
    maximum?: number;
    pattern?: string;
  };
}
interface Resource {
  name: string;
  path: string;
  bytes: number;
  hash: string;
  encoding: string;
  schema: {
    fields: Field[];
    primaryKey: string[];
    missingValues: string[];
    foreignKeys?: { fields: string[]; reference: { resource: string; fields: string[] } }[];
  };
}

const TYPES: Record<string, RegExp> = {
  integer: /^-?\d+$/,
  number: /^-?\d+(\.\d+)?$/,
  boolean: /^(true|false)$/,
  yearmonth: /^\d{4}-(0[1-9]|1[0-2])$/,
  string: /^[\s\S]*$/,
};

/** Every problem of one CSV file against its Table Schema (types, required, enum, range, unique keys). */
function checkTable(resource: Resource, rows: string[][]): string[] {
  const problems: string[] = [];
  const [header, ...body] = rows;
  const names = resource.schema.fields.map((f) => f.name);
  if (JSON.stringify(header) !== JSON.stringify(names))
    problems.push(`${resource.path}: header ${String(header)} ≠ ${String(names)}`);
  body.forEach((row, i) => {
    const line = i + 2;
    if (row.length !== names.length) problems.push(`${resource.path}:${line}: ${row.length} cells`);
    resource.schema.fields.forEach((field, c) => {
      const cell = row[c] ?? "";
      const where = `${resource.path}:${line}:${c + 1} ${field.name}=${JSON.stringify(cell)}`;
      if (resource.schema.missingValues.includes(cell)) {
        if (field.constraints?.required) problems.push(`${where}: required`);
        return;
      }
      const pattern = TYPES[field.type];
      if (!pattern) problems.push(`${where}: unknown type ${field.type}`);
      else if (!pattern.test(cell)) problems.push(`${where}: not a ${field.type}`);
      const k = field.constraints;
      if (k?.enum && !k.enum.includes(cell)) problems.push(`${where}: not in ${k.enum.join("|")}`);
      if (k?.minimum !== undefined && Number(cell) < k.minimum) problems.push(`${where}: < ${k.minimum}`);
      if (k?.maximum !== undefined && Number(cell) > k.maximum) problems.push(`${where}: > ${k.maximum}`);
      if (k?.pattern && !new RegExp(`^(?:${k.pattern})$`).test(cell)) problems.push(`${where}: pattern`);
    });
  });
  const keyOf = (row: string[], fields: string[]) => fields.map((f) => row[names.indexOf(f)]).join("\t");
  const seen = new Set<string>();
  for (const row of body) {
    const key = keyOf(row, resource.schema.primaryKey);
    if (seen.has(key)) problems.push(`${resource.path}: primary key ${key.replace(/\t/g, ",")} repeated`);
    seen.add(key);
  }
  return problems;
}

let publicDir = "";
let result: Awaited<ReturnType<typeof publishTiny>>["result"];
let resources: Resource[] = [];
const tables = new Map<string, string[][]>();
let views: ReportView[] = [];
let pkg: Record<string, unknown> = {};

beforeAll(async () => {
  const published = await publishTiny();
  publicDir = published.publicDir;
  result = published.result;
  pkg = JSON.parse(await readFile(join(publicDir, "datapackage.json"), "utf8")) as Record<string, unknown>;
  resources = pkg.resources as Resource[];
  for (const resource of resources) {
    const bytes = await readFile(join(publicDir, resource.path));
    // UTF-8 or a decoding error.
    const text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    const rows: string[][] = parse(text, { relax_column_count: true });
    tables.set(resource.name, rows);
  }
  const { dataset } = await readDataset(published.data);
  if (!dataset) throw new Error("tiny dataset did not load");
  views = buildViews(dataset, PERIOD, { locale: "es", messages: await readMessages("es") });
}, 60_000);

describe("semaforo publish: the open data", () => {
  it("publishes the month with exit 0, in Spanish and English, and open data for every month up to it", () => {
    expect(result.exitCode).toBe(0);
    expect(result.summary.periods).toEqual([
      "2025-05",
      "2025-10",
      "2025-11",
      "2026-03",
      "2026-04",
      "2026-05",
    ]);
    expect(result.summary.languages).toEqual(["es", "en"]);
    // national + 2 regions + 6 districts + about + data, per language
    expect(result.summary.pages).toBe(2 * (1 + 2 + 6 + 2));
    expect(result.summary.warnings).toBe(0);
    expect(result.summary.warningMessages).toEqual([]);
  });

  it("reads every CSV back against its Table Schema: types, required fields, enums, ranges, unique keys", () => {
    expect(resources.map((r) => r.name)).toEqual(["valores", "unidades", "indicadores", "diccionario"]);
    const problems = resources.flatMap((resource) => checkTable(resource, tables.get(resource.name) ?? []));
    expect(problems).toEqual([]);
  });

  it("holds the foreign keys: every value's unit and indicator exist", () => {
    const byName = new Map(resources.map((r) => [r.name, r]));
    const missing: string[] = [];
    for (const resource of resources) {
      for (const fk of resource.schema.foreignKeys ?? []) {
        const target = byName.get(fk.reference.resource);
        if (!target) throw new Error(`no resource ${fk.reference.resource}`);
        const targetNames = target.schema.fields.map((f) => f.name);
        const keys = new Set(
          (tables.get(target.name) ?? [])
            .slice(1)
            .map((row) => fk.reference.fields.map((f) => row[targetNames.indexOf(f)]).join(",")),
        );
        const names = resource.schema.fields.map((f) => f.name);
        for (const row of (tables.get(resource.name) ?? []).slice(1)) {
          const key = fk.fields.map((f) => row[names.indexOf(f)]).join(",");
          if (!keys.has(key)) missing.push(`${resource.name} → ${target.name}: ${key}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it("states each file's size and sha256 in datapackage.json, and every file of the folder in files.json", async () => {
    for (const resource of resources) {
      const bytes = await readFile(join(publicDir, resource.path));
      expect(resource.bytes).toBe(bytes.length);
      expect(resource.hash).toBe(`sha256:${createHash("sha256").update(bytes).digest("hex")}`);
    }
    const listing = JSON.parse(await readFile(join(publicDir, "files.json"), "utf8")) as {
      files: { path: string; sha256: string; bytes: number }[];
    };
    const onDisk = (await readdir(publicDir, { recursive: true, withFileTypes: true }))
      .filter((entry) => entry.isFile())
      .map((entry) => relative(publicDir, join(entry.parentPath, entry.name)).split("\\").join("/"))
      .filter((path) => path !== "files.json")
      .sort();
    expect(listing.files.map((f) => f.path)).toEqual(onDisk);
    for (const file of listing.files) {
      const bytes = await readFile(join(publicDir, file.path));
      expect({
        path: file.path,
        sha256: createHash("sha256").update(bytes).digest("hex"),
        bytes: bytes.length,
      }).toEqual(file);
    }
  });

  it("carries the licence and the source from dataset.json", () => {
    expect(pkg.licenses).toEqual([
      {
        name: "CC-BY-4.0",
        path: "https://creativecommons.org/licenses/by/4.0/",
        title: "Creative Commons Attribution 4.0",
      },
    ]);
    expect(pkg.sources).toEqual([
      { title: "Ministerio de Educación — Semáforo Escuela", path: "https://www.minedu.gob.pe/" },
    ]);
  });

  it("equals the views for the national unit and a district: numerator, denominator, schools, value, status, targets", () => {
    const values = tables.get("valores") ?? [];
    const header = values[0] ?? [];
    const col = (row: string[], name: string) => row[header.indexOf(name)] ?? "";
    const status = { green: "verde", amber: "ambar", red: "rojo", referential: "referencial" } as Record<
      string,
      string
    >;
    for (const [level, code] of [
      ["nacional", "PE"],
      ["distrito", "020002"],
    ] as const) {
      const view = views.find((v) => v.code === code);
      if (!view) throw new Error(`no view ${code}`);
      const rows = values
        .slice(1)
        .filter(
          (row) =>
            col(row, "periodo") === PERIOD && col(row, "nivel") === level && col(row, "codigo") === code,
        );
      const withData = view.indicators.filter((ind) => ind.value.value !== null);
      expect(withData.length).toBeGreaterThan(0);
      expect(rows.map((row) => col(row, "indicador"))).toEqual(withData.map((ind) => ind.id));
      for (const ind of withData) {
        const row = rows.find((r) => col(r, "indicador") === ind.id) ?? [];
        expect(Number(col(row, "numerador"))).toBe(ind.numerator);
        expect(Number(col(row, "denominador"))).toBe(ind.denominator);
        expect(Number(col(row, "escuelas_visitadas"))).toBe(ind.schools);
        expect(Math.abs(Number(col(row, "valor")) - (ind.value.value ?? NaN))).toBeLessThanOrEqual(0.00005);
        expect(col(row, "estado")).toBe(status[ind.status]);
        expect(col(row, "referencial")).toBe(String(ind.status === "referential"));
        expect(col(row, "meta")).toBe(
          ind.targets.target.value === null ? "" : String(ind.targets.target.value),
        );
        expect(col(row, "minimo")).toBe(
          ind.targets.minimum.value === null ? "" : String(Number(ind.targets.minimum.value.toFixed(4))),
        );
      }
    }
  });

  it("writes no school-level row and no personal data (school names, e-mail addresses, recipients' names)", async () => {
    const [schools, recipients] = await Promise.all([
      readFile("fixtures/tiny/schools.csv", "utf8"),
      readFile("fixtures/tiny/recipients.csv", "utf8"),
    ]);
    const schoolNames = parse<{ school_name: string }>(schools, { columns: true }).map((s) => s.school_name);
    const people = parse<{ name: string }>(recipients, { columns: true }).map((r) => r.name);
    const listing = JSON.parse(await readFile(join(publicDir, "files.json"), "utf8")) as {
      files: { path: string }[];
    };
    for (const file of listing.files) {
      const text = await readFile(join(publicDir, file.path), "utf8");
      expect({ file: file.path, email: /[\w.+-]+@[\w-]+\.[\w.]+/.exec(text)?.[0] }).toEqual({
        file: file.path,
        email: undefined,
      });
      for (const name of [...new Set([...schoolNames, ...people])])
        expect({ file: file.path, found: text.includes(name) ? name : null }).toEqual({
          file: file.path,
          found: null,
        });
    }
  });

  it("links a unit's archived PDF relative to public/, and says so when the archive has none", async () => {
    const district = await readFile(join(publicDir, "district", "010001.html"), "utf8");
    expect(district).toContain('href="../../district/010001-ugel-chachapoyas.pdf"');
    const national = await readFile(join(publicDir, "index.html"), "utf8");
    expect(national).toContain('href="../national/PE-peru.pdf"');
    // The English page links the Spanish PDF when there is no English one, and says so.
    const english = await readFile(join(publicDir, "en", "district", "010001.html"), "utf8");
    expect(english).toContain(
      '<a href="../../../district/010001-ugel-chachapoyas.pdf" hreflang="es" type="application/pdf">PDF report of UGEL Chachapoyas (in Spanish)</a>',
    );
    const other = await readFile(join(publicDir, "district", "010002.html"), "utf8");
    expect(other).not.toContain(".pdf");
    expect(result.summary.pdfLinks).toBe(2);
  });
});

describe("semaforo publish: the national page", () => {
  it("orders the regions' table as the report's league table: most indicators on target first, ranked", async () => {
    const html = await readFile(join(publicDir, "index.html"), "utf8");
    const table = html.slice(
      html.indexOf('<table class="league"'),
      html.indexOf("</table>", html.indexOf('<table class="league"')),
    );
    const rows = [
      ...table.matchAll(
        /<tr>\s*<td class="num">(\d+)<\/td>\s*<th scope="row"><a href="region\/(\d+)\.html">/g,
      ),
    ].map((m) => ({
      rank: Number(m[1]),
      code: m[2] ?? "",
    }));
    const national = views.find((view) => view.level === "national");
    const green = (code: string) =>
      national?.table.find((row) => row.unit.code === code)?.cells.filter((c) => c.status === "green")
        .length ?? -1;
    expect(rows.map((row) => row.code).sort()).toEqual(national?.table.map((row) => row.unit.code).sort());
    for (let i = 1; i < rows.length; i++) {
      const [before, after] = [rows[i - 1], rows[i]];
      if (!before || !after) continue;
      expect(green(before.code)).toBeGreaterThanOrEqual(green(after.code));
      expect(after.rank).toBeGreaterThanOrEqual(before.rank);
    }
    expect(rows[0]?.rank).toBe(1);
  });
});
