import { describe, expect, it } from "@jest/globals";
import { readFileSync } from "node:fs";
import { readDataset } from "../../src/dataset/readDataset.js";
import type { Dataset } from "../../src/model.js";

const DIALECTS = ["comma-utf8", "comma-utf8-bom", "semicolon-latin1", "quoted-newlines"];

/** The records a dataset's CSV files hold (not its name, dialect or input hashes). */
const records = (dataset: Dataset) => ({
  regions: dataset.regions,
  districts: dataset.districts,
  results: dataset.results,
  targets: dataset.targets,
  recipients: dataset.recipients,
  schools: dataset.schools,
});

describe("CSV dialects (fixtures/dialects)", () => {
  it("parse to identical records, equal to fixtures/tiny's where the data is the same", async () => {
    const read = await Promise.all(DIALECTS.map((name) => readDataset(`fixtures/dialects/${name}`)));
    for (const { problems } of read) expect(problems.filter((p) => p.severity === "error")).toEqual([]);
    const [first, ...others] = read.map(({ dataset }) => records(dataset!));
    for (const other of others) expect(other).toEqual(first);

    // The quoted text fields (delimiters, doubled quotes), and the accented names, survive every dialect.
    expect(first!.recipients.find((r) => r.email === "dge-semaforo@example.org")?.name).toBe(
      'Dirección de Gestión Escolar, "Semáforo"; Ministerio de Educación',
    );
    expect(first!.schools.find((s) => s.schoolCode === "0215012")?.schoolName).toBe(
      'IE 18001 "Santa Rosa"; Anexo Pencas, Chiquián',
    );
    expect(first!.recipients.find((r) => r.email === "gestion.huaraz@example.org")?.name).toBe(
      "Rosa Ñahui Huancané (especialista de gestión)",
    );
    expect(first!.targets.find((t) => t.code === "PE" && t.year === 2026)?.baseline).toBe(89.5);

    const tiny = records((await readDataset("fixtures/tiny")).dataset!);
    expect({ ...first, recipients: [], schools: [] }).toEqual({ ...tiny, recipients: [], schools: [] });
    expect(first!.results.map((r) => r.cv ?? null)).toEqual(tiny.results.map((r) => r.cv ?? null));
  });

  it("the latin1 export really is latin1, and the BOM export starts with a BOM", () => {
    const latin1 = readFileSync("fixtures/dialects/semicolon-latin1/units.csv");
    expect(latin1.includes(Buffer.from("Bongará", "latin1"))).toBe(true);
    expect(latin1.includes(Buffer.from("Bongará", "utf8"))).toBe(false);
    expect([...readFileSync("fixtures/dialects/comma-utf8-bom/results.csv").subarray(0, 3)]).toEqual([
      0xef, 0xbb, 0xbf,
    ]);
  });

  it("reports the right line after a quoted field that spans lines", async () => {
    const { parseCsv } = await import("../../src/dataset/parseCsv.js");
    const { table } = parseCsv('a,b\n"x\ny\nz",1\n\n2,3\n"p",4\n', "t.csv", { delimiter: "," }, ["a", "b"]);
    expect(table?.rows.map((row) => [row.line, row.fields])).toEqual([
      [2, ["x\ny\nz", "1"]],
      [6, ["2", "3"]],
      [7, ["p", "4"]],
    ]);
  });
});
