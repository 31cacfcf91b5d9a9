import { afterAll, describe, expect, it } from "@jest/globals";
import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseDataset, type DatasetFiles } from "../../src/dataset/parseDataset.js";
import { parseRows } from "../../src/dataset/parseCsv.js";
import { resultsSchema } from "../../src/dataset/parseResults.js";
import { readCsvStream } from "../../src/dataset/readCsvStream.js";
import { readDataset } from "../../src/dataset/readDataset.js";
import type { Problem } from "../../src/model.js";

// results.csv is read as a stream (#27 item 4): the same problems and rows as the same bytes read
// in memory, bounded reading of endless input, the problem cap.

const where = (p: Problem) => [p.code, `${p.file}:${p.line ?? "-"}:${p.column ?? "-"}`];
const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

/** A copy of a fixture in a temporary folder, with some files replaced. */
function copyOf(fixture: string, replace: Record<string, string | Buffer> = {}): string {
  const folder = mkdtempSync(join(tmpdir(), "semaforo-stream-"));
  folders.push(folder);
  cpSync(fixture, folder, { recursive: true });
  for (const [name, content] of Object.entries(replace)) writeFileSync(join(folder, name), content);
  return folder;
}

/** The folder's files in memory, as parseDataset takes them (the map where readDataset finds it). */
function inMemory(folder: string, geoPath: string, geoAt: string): DatasetFiles {
  const files = new Map<string, Uint8Array>();
  for (const name of readdirSync(folder))
    if (name.endsWith(".csv") || name.endsWith(".json")) files.set(name, readFileSync(join(folder, name)));
  for (const name of readdirSync(join(folder, "good-practices")).sort())
    files.set(`good-practices/${name}`, readFileSync(join(folder, "good-practices", name)));
  return { files, geo: { path: geoPath, bytes: readFileSync(geoAt) }, now: new Date() };
}

const pieces = function* (bytes: Uint8Array, size: number): Generator<Uint8Array> {
  for (let start = 0; start < bytes.length; start += size) yield bytes.subarray(start, start + size);
};

describe("results.csv read as a stream", () => {
  it("gives the demo's dataset and problems exactly as the same bytes read in memory", async () => {
    const folder = copyOf("fixtures/demo");
    const geo = resolve("geo/peru.topojson");
    const streamed = await readDataset(folder);
    const memory = parseDataset(inMemory(folder, geo, geo));
    expect(streamed.problems).toEqual(memory.problems);
    expect(streamed.dataset).not.toBeNull();
    expect(streamed.dataset).toEqual(memory.dataset);
    expect(streamed.months).toHaveLength(16);
  }, 120_000);

  it("keeps only the months asked for, with the same problems, and knows every month", async () => {
    const folder = copyOf("fixtures/tiny");
    const all = await readDataset(folder);
    const upTo = await readDataset(folder, { keep: (month) => month <= "2026-04" });
    expect(upTo.problems).toEqual(all.problems);
    expect(upTo.months).toEqual(all.months);
    expect(upTo.dataset?.results).toEqual(all.dataset?.results.filter((row) => row.period <= "2026-04"));
    expect(upTo.dataset?.results.length).toBeGreaterThan(0);
    expect(upTo.dataset?.results.length).toBeLessThan(all.dataset?.results.length ?? 0);
  }, 60_000);

  it("finds the problems of a latin1, CRLF, BOM file at the same places, whatever the chunk size", async () => {
    const text =
      "\ufeffperiod,district_code,indicator,numerator,denominator,schools,cv\r\n" +
      '2026-05,010001,"asistencia\r\nestudiantes",1,2,3,\r\n' +
      "2026-05,ÁÉ,asistencia-estudiantes,5,2,3,x\r\n" +
      "\r\n" +
      "2026-13,010001,asistencia-estudiantes,1,2,3\r\n";
    const known = { districts: null, regions: null, indicators: null };
    const schema = () => resultsSchema({ dialect: { decimal: "." }, known, minSchools: 1 });
    const expected = parseRows(
      text.slice(1).replace(/\r\n/g, "\n"),
      { delimiter: "," },
      resultsSchema({ dialect: { decimal: "." }, known, minSchools: 1 }),
    );
    expect(expected.problems.map(where)).toEqual([
      ["bad-code", "results.csv:4:2"],
      ["bad-number", "results.csv:4:7"],
      ["numerator-exceeds-denominator", "results.csv:4:4"],
      ["field-count", "results.csv:6:1"],
    ]);
    for (const encoding of ["utf8", "latin1"] as const) {
      const bytes = Buffer.from(encoding === "latin1" ? text.slice(1) : text, encoding);
      for (const size of [1, 2, 7, 1 << 20]) {
        const read = await readCsvStream(
          pieces(bytes, size),
          { delimiter: ",", encoding },
          schema(),
          1 << 20,
        );
        expect({ size, problems: read.problems }).toEqual({ size, problems: expected.problems });
        expect(read.rows).toEqual(expected.rows);
      }
    }
  });

  it("reports bad UTF-8 at its line and column, as in memory", async () => {
    const bytes = Buffer.concat([
      Buffer.from("period,district_code,indicator,numerator,denominator,schools\n2026-05,01"),
      Buffer.from([0xff]),
      Buffer.from(",a,1,2,3\n"),
    ]);
    const known = { districts: null, regions: null, indicators: null };
    const read = await readCsvStream(
      pieces(bytes, 3),
      { delimiter: ",", encoding: "utf8" },
      resultsSchema({ dialect: { decimal: "." }, known, minSchools: 1 }),
      1 << 20,
    );
    expect(read.problems.filter((p) => p.code === "bad-encoding").map(where)).toEqual([
      ["bad-encoding", "results.csv:2:11"],
    ]);
  });
});

describe("input that never ends, or is past the problem cap", () => {
  it("an endless stream stops at the size limit with a problem naming the limit", async () => {
    const known = { districts: null, regions: null, indicators: null };
    let given = 0;
    const endless = function* (): Generator<Uint8Array> {
      const header = Buffer.from("period,district_code,indicator,numerator,denominator,schools\n");
      yield header;
      const zeros = Buffer.alloc(64 * 1024); // /dev/zero's bytes: NUL characters, no line break
      for (;;) {
        given += zeros.length;
        yield zeros;
      }
    };
    const read = await readCsvStream(
      endless(),
      { delimiter: ",", encoding: "utf8" },
      resultsSchema({ dialect: { decimal: "." }, known, minSchools: 1 }),
      2 * 1024 * 1024,
    );
    expect(read.rows).toBeNull();
    expect(read.problems.map(where)).toEqual([["file-too-long", "results.csv:1:1"]]);
    expect(read.problems[0]?.message).toBe(
      "reading stopped after 2 MB, the limit for this kind of file: the file grew while it was read, or never ends",
    );
    expect(given).toBeLessThanOrEqual(2 * 1024 * 1024 + 64 * 1024);
  });

  it("results.csv as a named pipe is refused unread (a writer could feed it forever)", async () => {
    const folder = copyOf("fixtures/tiny");
    unlinkSync(join(folder, "results.csv"));
    execFileSync("mkfifo", [join(folder, "results.csv")]);
    const { dataset, problems } = await readDataset(folder);
    expect(dataset).toBeNull();
    expect(problems.map(where)).toEqual([["not-a-file", "results.csv:1:1"]]);
    expect(problems[0]?.message).toBe("this is a pipe, not a regular file; it was not read");
  }, 30_000);

  it("13 000 duplicate rows: 1 000 listed, then reading stops naming the line and the file's lines", async () => {
    const tiny = readFileSync("fixtures/tiny/results.csv", "utf8").split("\n");
    const rows = Array.from({ length: 13_000 }, () => tiny[1] as string);
    const folder = copyOf("fixtures/tiny", { "results.csv": [tiny[0], ...rows].join("\n") + "\n" });
    const { dataset, problems } = await readDataset(folder);
    expect(dataset).toBeNull();
    const found = problems.filter((p) => p.file === "results.csv" && p.code !== "missing-month");
    expect(found).toHaveLength(1001);
    expect(found.filter((p) => p.code !== "duplicate-result").map(where)).toEqual([
      ["too-many-problems", "results.csv:10002:1"],
    ]);
    expect(found.at(-1)?.message).toBe(
      "10000 errors by line 10002 of 13001: reading stopped here, this cannot be the month's file",
    );
  }, 60_000);
});
