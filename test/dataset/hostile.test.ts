import { afterAll, describe, expect, it } from "@jest/globals";
import { cpSync, mkdtempSync, rmSync, symlinkSync, unlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseDataset, type DatasetFiles } from "../../src/dataset/parseDataset.js";
import { parseCsv } from "../../src/dataset/parseCsv.js";
import { readDataset } from "../../src/dataset/readDataset.js";
import { viewOf } from "../compute/support.js";
import {
  makeDataset,
  makeDistrict,
  makeGoodPractice,
  makeIndicator,
  makeResult,
  makeTarget,
} from "../helpers/builders.js";
import type { Problem } from "../../src/model.js";
import { text, tinyFiles, withFile } from "./tinyFiles.js";

// Hostile or careless input (issue 27): each case crashed validate or build, or passed silently.

const tiny = tinyFiles();
const where = (p: Problem) => [p.code, `${p.file}:${p.line ?? "-"}:${p.column ?? "-"}`];
const errorsOf = (files: DatasetFiles) => {
  const result = parseDataset(files);
  return { found: result.problems.filter((p) => p.severity === "error"), dataset: result.dataset };
};

describe("a story nested deeper than Markdown can render", () => {
  const story = "good-practices/bagua-asistencia.md";
  const FRONT =
    'district: "010002"\nperiod: "2026-03"\nindicator: asistencia-estudiantes\ntitle: Buen inicio';
  const withBody = (body: string) => withFile(tiny, story, `---\n${FRONT}\n---\nUna historia.\n\n${body}\n`);

  it("is refused by validate at its line: 2 000 `>`, 30 000 `- `, `> - ` and indentation", () => {
    // The body starts on line 9 (front matter 1–6, "Una historia." 7, a blank line 8).
    for (const [body, line] of [
      [">".repeat(2000) + " cita", 9],
      ["- ".repeat(30000) + "x", 9],
      ["> - ".repeat(600) + "x", 9],
      [Array.from({ length: 40 }, (_, k) => " ".repeat(2 * k) + "- item").join("\n"), 9 + 39],
    ] as const) {
      const { found, dataset } = errorsOf(withBody(body));
      expect(dataset).toBeNull();
      expect(found.map(where)).toEqual([["story-too-deep", `${story}:${line}:1`]]);
    }
    const first = errorsOf(withBody(">".repeat(2000))).found[0] as Problem;
    expect(first.message).toBe("this line nests 2000 quotes, list items or indentation levels, more than 16");
  });

  it("accepts the nesting real stories use, and thematic breaks", () => {
    const body = [
      "> Una cita",
      "> > con respuesta",
      "",
      "- uno",
      "  - dos",
      "    - tres",
      "      1. cuatro",
      "",
      "* * * * * * * * * * * * * * * * * * * *",
      "",
      "    código",
    ].join("\n");
    expect(errorsOf(withBody(body)).found).toEqual([]);
  });

  it("is left out of a report built without validate, and the other stories still show", () => {
    const deep = makeGoodPractice({
      file: "gp/0-deep.md",
      district: "010001",
      indicator: "a",
      period: "2026-04",
      body: ">".repeat(5000) + " x\n",
    });
    const fine = makeGoodPractice({ file: "gp/1.md", district: "010001", indicator: "a", period: "2026-03" });
    const dataset = makeDataset({
      districts: [makeDistrict("010001")],
      indicators: [makeIndicator({ id: "a" })],
      results: [makeResult({ districtCode: "010001", indicator: "a", value: 70 })],
      targets: [makeTarget({ indicator: "a", target: 90 })],
      goodPractices: [deep, fine],
    });
    const view = viewOf(dataset, "010001");
    expect(view.goodPractices.map((practice) => practice.period)).toEqual(["2026-03"]);
  });
});

describe("a results.csv with very many bad rows", () => {
  const HEADER = "period,district_code,indicator,numerator,denominator,schools,cv";
  const rows = (count: number, row: (index: number) => string) =>
    [HEADER, ...Array.from({ length: count }, (_, index) => row(index))].join("\n") + "\n";
  const resultsProblems = (content: string) =>
    parseDataset(withFile(tiny, "results.csv", content)).problems.filter((p) => p.file === "results.csv");

  it("lists the first 1 000 problems and says how many more (no stack overflow)", () => {
    // 3 000 rows, each with an unknown district: one problem per row.
    const found = resultsProblems(
      rows(3000, (i) => `2026-05,99${String(i).padStart(4, "0")},asistencia-estudiantes,1,2,3,`),
    ).filter((p) => p.code !== "missing-month");
    expect(found).toHaveLength(1001);
    expect(found.slice(0, 1000).every((p) => p.code === "unknown-district")).toBe(true);
    expect(found.at(-1)).toMatchObject({
      code: "more-problems",
      line: 3001,
      severity: "error",
      message: "2000 more errors in this file past the first 1000 problems (not listed)",
    });
  });

  it("stops reading at 10 000 problems: 13 000 duplicate rows are refused, naming the line", () => {
    const row = text(tiny, "results.csv").split("\n")[1] as string;
    const found = resultsProblems(rows(13_000, () => row)).filter((p) => p.code !== "missing-month");
    expect(found.map((p) => p.code).filter((code) => code !== "duplicate-result")).toEqual([
      "too-many-problems",
    ]);
    expect(found.at(-1)?.message).toBe(
      "10000 errors by line 10002 of 13001: reading stopped here, this cannot be the month's file",
    );
    expect(found).toHaveLength(1001);
  });

  it("lists 1 000 warnings and counts the rest as a warning: a valid file stays valid, however many", () => {
    // 1 500 district-months (2000-01 on, 1 200 of 010001 then 300 of 010002) with 1 school each:
    // one few-schools warning per row, no error.
    const month = (n: number) => `${2000 + Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, "0")}`;
    const files = withFile(
      tiny,
      "results.csv",
      rows(1500, (i) =>
        i < 1200
          ? `${month(i)},010001,asistencia-estudiantes,1,2,1,`
          : `${month(i - 1200)},010002,asistencia-estudiantes,1,2,1,`,
      ),
    );
    const result = parseDataset(files);
    const found = result.problems.filter((p) => p.file === "results.csv" && p.code !== "missing-month");
    expect(found.filter((p) => p.severity === "error")).toEqual([]);
    expect(found.at(-1)).toMatchObject({
      code: "more-problems",
      severity: "warning",
      message: "500 more warnings in this file past the first 1000 problems (not listed)",
    });
  });

  it("parses a file larger than one chunk with the right line numbers, quoted line breaks included", () => {
    // 1.3 MB: a quoted field holding line breaks crosses the 1 MB chunk boundary.
    const body = Array.from({ length: 42_000 }, (_, i) => `${i},"uno\ndos, ""tres""\n",${i}`).join("\n");
    const { table, problems } = parseCsv(`a,b,c\n${body}\n`, "t.csv", { delimiter: "," }, ["a", "b", "c"]);
    expect(problems).toEqual([]);
    const read = table?.rows ?? [];
    expect(read).toHaveLength(42_000);
    read.forEach((row, i) => {
      if (row.line !== 2 + 3 * i || row.fields[0] !== String(i) || row.fields[1] !== 'uno\ndos, "tres"\n')
        throw new Error(`row ${i}: line ${row.line}, fields ${JSON.stringify(row.fields)}`);
    });
  });

  it("keeps a quoted field longer than a chunk whole", () => {
    const long = "línea\n".repeat(200_000); // 1.4 MB of line breaks inside one quoted field
    const { table, problems } = parseCsv(`a,b\n"${long}",1\n2,3\n`, "t.csv", { delimiter: "," }, ["a", "b"]);
    expect(problems).toEqual([]);
    expect(table?.rows.map((row) => [row.line, row.fields[0]?.length, row.fields[1]])).toEqual([
      [2, long.length, "1"],
      [200_003, 1, "3"],
    ]);
  });

  it("a syntax error past the first chunk names its line", () => {
    const body = Array.from({ length: 45_000 }, (_, i) => `${i},abcdefghijklmn,${i}`);
    body[44_000] = '44000,"x"y,1';
    const { problems } = parseCsv(`a,b,c\n${body.join("\n")}\n`, "t.csv", { delimiter: "," }, [
      "a",
      "b",
      "c",
    ]);
    expect(problems.map(where)).toEqual([["csv-syntax", "t.csv:44002:1"]]);
  });
});

describe("a dataset file that is not a regular file", () => {
  const folder = mkdtempSync(join(tmpdir(), "semaforo-hostile-"));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it("results.csv linked to /dev/zero is refused at once, never read", async () => {
    cpSync("fixtures/tiny", folder, { recursive: true });
    unlinkSync(join(folder, "results.csv"));
    symlinkSync("/dev/zero", join(folder, "results.csv"));
    const { dataset, problems } = await readDataset(folder);
    expect(dataset).toBeNull();
    expect(problems.map(where)).toEqual([["not-a-file", "results.csv:1:1"]]);
    expect(problems[0]?.message).toBe("this is a device, not a regular file; it was not read");
  }, 30_000);
});

describe("commitment amounts and support actions", () => {
  const INDICATOR = "asistencia-estudiantes";
  const HEAD = "year,level,code,indicator,type,months,amount\n";
  const codesOf = (files: DatasetFiles, file: string) =>
    parseDataset(files)
      .problems.filter((p) => p.file === file)
      .map(where);

  it("an amount past 10^12 soles is an error, not a rounded figure", () => {
    for (const amount of ["99999999999999999999999", "12345678901234567.89", "1000000000000.01"]) {
      const files = withFile(
        tiny,
        "commitments.csv",
        `${HEAD}2026,district,010001,${INDICATOR},fija,03-10,${amount}\n`,
      );
      expect(codesOf(files, "commitments.csv")).toEqual([["amount-too-large", "commitments.csv:2:7"]]);
    }
    const edge = withFile(
      tiny,
      "commitments.csv",
      `${HEAD}2026,district,010001,${INDICATOR},fija,03-10,1000000000000\n`,
    );
    expect(parseDataset(edge).dataset?.commitments[0]?.amount).toBe(1_000_000_000_000);
  });

  it("a support action written twice is an error naming the first line", () => {
    const row = `2026-05-14,district,010001,${INDICATOR},Visita\n`;
    const files = withFile(tiny, "support.csv", `date,level,code,indicator,action\n${row}${row}`);
    expect(codesOf(files, "support.csv")).toEqual([["duplicate-support", "support.csv:3:1"]]);
    const other = withFile(
      tiny,
      "support.csv",
      `date,level,code,indicator,action\n${row}2026-05-14,district,010001,${INDICATOR},Taller\n`,
    );
    expect(parseDataset(other).dataset?.support).toHaveLength(2);
  });
});

describe("the 0–100 bound of targets", () => {
  const line = (target: string, baseline = "", minimum = "") =>
    withFile(
      tiny,
      "targets.csv",
      `year,level,code,indicator,target,baseline,minimum\n2026,national,PE,asistencia-estudiantes,${target},${baseline},${minimum}\n`,
    );
  const codes = (files: DatasetFiles) =>
    parseDataset(files)
      .problems.filter((p) => p.file === "targets.csv")
      .map(where);

  it("accepts exactly 0 and 100, refuses 100.1 and -0.1 in each column", () => {
    expect(codes(line("100", "0", "100"))).toEqual([]);
    expect(codes(line("100.1"))).toEqual([["target-out-of-range", "targets.csv:2:5"]]);
    expect(codes(line("90", "-0.1"))).toEqual([["target-out-of-range", "targets.csv:2:6"]]);
    expect(codes(line("90", "", "100.1"))).toEqual([["target-out-of-range", "targets.csv:2:7"]]);
  });
});
