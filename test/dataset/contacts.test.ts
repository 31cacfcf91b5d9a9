import { describe, expect, it } from "@jest/globals";
import { parseDataset } from "../../src/dataset/parseDataset.js";
import { tinyFiles, withFile } from "./tinyFiles.js";

describe("the optional contacts.csv and schools.csv facts", () => {
  it("reads each unit's contact, first row first, the optional columns only when given", () => {
    const files = withFile(
      tinyFiles(),
      "contacts.csv",
      "level,code,name,role,email,phone\n" +
        "district,010001,Luis Quispe,Especialista,luis@ugel.example,041 123456\n" +
        "district,010001,Otra Persona,,,\n" +
        "national,PE,Ana Ríos,,,\n",
    );
    const { dataset, problems } = parseDataset(files);
    expect(problems.filter((p) => p.severity === "error")).toEqual([]);
    expect(dataset?.contacts).toEqual([
      { level: "national", code: "PE", name: "Ana Ríos" },
      {
        level: "district",
        code: "010001",
        name: "Luis Quispe",
        role: "Especialista",
        email: "luis@ugel.example",
        phone: "041 123456",
      },
      { level: "district", code: "010001", name: "Otra Persona" },
    ]);
  });

  it("reports an unknown unit and a bad address with their place", () => {
    const files = withFile(
      tinyFiles(),
      "contacts.csv",
      "level,code,name,email\ndistrict,019999,Luis,luis@ugel.example\nregion,010000,Ana,no-es-correo\n",
    );
    const { dataset, problems } = parseDataset(files);
    expect(dataset).toBeNull();
    expect(problems.filter((p) => p.file === "contacts.csv").map((p) => [p.line, p.column])).toEqual([
      [2, 2],
      [3, 4],
    ]);
  });

  it("is empty without contacts.csv, and keeps schools.csv's optional facts", () => {
    const files = withFile(
      tinyFiles(),
      "schools.csv",
      "period,district_code,school_code,school_name,indicator,value,director,phone,school_level,area\n" +
        "2026-05,010001,0215012,IE 18001 Santa Rosa,asistencia-estudiantes,95.8,Rosa Mamani,,Primaria,rural\n",
    );
    const { dataset } = parseDataset(files);
    expect(dataset?.contacts).toEqual([]);
    expect(
      dataset?.schools.find((s) => s.schoolCode === "0215012" && s.indicator === "asistencia-estudiantes"),
    ).toMatchObject({ info: { director: "Rosa Mamani", level: "Primaria", area: "rural" } });
  });

  // The quoted name spans two lines, so the region row is line 4 of the file.
  it("applies the rule for names to the printed contact and school facts (no line breaks, bounded)", () => {
    const files = withFile(
      withFile(
        tinyFiles(),
        "contacts.csv",
        'level,code,name,role,email,phone\ndistrict,010001,"Luis\r\nBcc: x@evil.example",,,\nregion,010000,Ana,,o\'neil@ugel.example,\n',
      ),
      "schools.csv",
      "period,district_code,school_code,school_name,indicator,value,director\n" +
        `2026-05,010001,0215012,IE 18001,asistencia-estudiantes,95.8,${"x".repeat(201)}\n`,
    );
    const { dataset, problems } = parseDataset(files);
    expect(dataset).toBeNull();
    const found = problems
      .filter((p) => p.severity === "error")
      .map((p) => `${p.file}:${p.line}:${p.column}`);
    expect(found).toEqual(
      expect.arrayContaining(["contacts.csv:2:3", "contacts.csv:4:5", "schools.csv:2:7"]),
    );
  });
});
