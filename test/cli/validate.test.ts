import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "@jest/globals";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../src/cli/main.js";
import { captureIo } from "../helpers/io.js";

describe("semaforo validate", () => {
  it("exits 0 on fixtures/tiny with a summary and its warnings", async () => {
    const io = captureIo();
    expect(await main(["validate", "--data", "fixtures/tiny"], io)).toBe(0);
    const out = io.stdout();
    expect(out).toContain("fixtures/tiny: valid");
    expect(out).toContain("units       1 national, 2 regions, 6 districts");
    expect(out).toContain("months      6 (2025-05 … 2026-05)");
    expect(out).toContain("indicators  3");
    expect(out).toContain("recipients  11");
    expect(out).toContain("stories     3");
    expect(out).toContain("warnings    2");
    expect(out).toContain(
      "results.csv:95:6: warning: district 010003 visited 3 schools in 2026-05, fewer than 5",
    );
  });

  it("prints {ok, summary, problems} with --json", async () => {
    const io = captureIo();
    expect(await main(["validate", "--data", "fixtures/tiny", "--json"], io)).toBe(0);
    const json = JSON.parse(io.stdout()) as {
      ok: boolean;
      summary: { districts: number; months: string[]; errors: number; warnings: number };
      problems: { code: string }[];
    };
    expect(json.ok).toBe(true);
    expect(json.summary.districts).toBe(6);
    expect(json.summary.months).toHaveLength(6);
    expect([json.summary.errors, json.summary.warnings]).toEqual([0, 2]);
    expect(json.problems.map((p) => p.code)).toEqual(["missing-month", "few-schools"]);
  });

  it("exits 2 with a clear message when the folder does not exist", async () => {
    const io = captureIo();
    expect(await main(["validate", "--data", "fixtures/no-such-dataset"], io)).toBe(2);
    expect(io.stderr()).toContain("--data fixtures/no-such-dataset: no such folder");
    expect(io.stderr()).not.toMatch(/at .*\.ts:\d+/);
  });

  it("exits 2 when --data is a file", async () => {
    const io = captureIo();
    expect(await main(["validate", "--data", "fixtures/tiny/units.csv"], io)).toBe(2);
    expect(io.stderr()).toContain("is a file, not a dataset folder");
  });
});

// The faults go into a copy of fixtures/tiny: each is a line-level check, and reading the 66 000-line
// demo took about 2 s of CPU per validate against 30 ms for tiny. That the demo itself is valid is
// checked in the slow project (test/compute/viewsDemo.slow.test.ts).
describe("semaforo validate on a copy of fixtures/tiny with injected faults", () => {
  let dir = "";
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "semaforo-faults-"));
    cpSync("fixtures/tiny", dir, { recursive: true });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const lines = (file: string) => readFileSync(join(dir, file), "utf8").trimEnd().split("\n");
  const save = (file: string, content: string[]) => writeFileSync(join(dir, file), content.join("\n") + "\n");
  /** Sets field `column` (1-based) of line `line` (1-based) and returns the old value. */
  const setField = (file: string, line: number, column: number, value: string): string => {
    const all = lines(file);
    const fields = (all[line - 1] ?? "").split(",");
    expect(all[line - 1]).not.toContain('"');
    const old = fields[column - 1] ?? "";
    fields[column - 1] = value;
    all[line - 1] = fields.join(",");
    save(file, all);
    return old;
  };

  it("the copy is valid before the faults", async () => {
    const io = captureIo();
    expect(await main(["validate", "--data", dir], io)).toBe(0);
  });

  it("exits 3 and lists every injected fault with file:line:column", async () => {
    const expected: [string, RegExp][] = [];

    setField("results.csv", 2, 1, "2025-4");
    expected.push(["results.csv:2:1", /period "2025-4" is not a month of the form YYYY-MM/]);

    const code = lines("results.csv")[2]!.split(",")[1]!;
    setField("results.csv", 3, 2, code.slice(0, 2) + "O" + code.slice(3));
    expected.push(["results.csv:3:2", new RegExp(`is not in units.csv \\(did you mean ${code}\\?\\)`)]);

    const indicator = setField("results.csv", 4, 3, "indicador-inexistente");
    expect(indicator).not.toBe("");
    expected.push(["results.csv:4:3", /indicator "indicador-inexistente" is not in indicators.json/]);

    const [, , , , denominator] = lines("results.csv")[4]!.split(",");
    setField("results.csv", 5, 4, String(Number(denominator) + 1));
    expected.push(["results.csv:5:4", /is greater than denominator/]);

    setField("results.csv", 6, 6, "3.5");
    expected.push(["results.csv:6:6", /schools 3.5 is not a whole number/]);

    setField("results.csv", 7, 5, "-4");
    expected.push(["results.csv:7:5", /denominator -4 is negative/]);

    const results = lines("results.csv");
    save("results.csv", [...results, results[19]!]);
    expected.push([`results.csv:${results.length + 1}:1`, /duplicate row .* \(first on line 20\)/]);

    const units = lines("units.csv");
    const [districtCode, districtName, regionCode] = units[1]!.split(",");
    const other = units.find((line) => line.split(",")[2] !== regionCode)!.split(",");
    save("units.csv", [...units, [districtCode, districtName, other[2], other[3]].join(",")]);
    expected.push([
      `units.csv:${units.length + 1}:3`,
      new RegExp(
        `district ${districtCode} is in region ${other[2]} here but in region ${regionCode} on line 2`,
      ),
    ]);

    setField("recipients.csv", 2, 4, "Jefatura <jefatura@minedu.example>");
    expected.push(["recipients.csv:2:4", /e-mail address "Jefatura <jefatura@minedu.example>" is not valid/]);

    const districtRecipient = lines("recipients.csv").findIndex((line) => line.startsWith("district,")) + 1;
    setField("recipients.csv", districtRecipient, 2, "999999");
    expected.push([`recipients.csv:${districtRecipient}:2`, /recipient for an unknown district "999999"/]);

    const story = readdirSync(join(dir, "good-practices")).sort()[0]!;
    const storyText = readFileSync(join(dir, "good-practices", story), "utf8");
    writeFileSync(join(dir, "good-practices", story), storyText.replace(/^---\n[\s\S]*?\n---\n/, ""));
    expected.push([`good-practices/${story}:1:1`, /the story has no front matter/]);

    setField("targets.csv", 2, 5, "120");
    expected.push(["targets.csv:2:5", /target 120 is outside 0–100/]);

    const regionTarget = lines("targets.csv").findIndex((line) => line.split(",")[1] === "region") + 1;
    expect(regionTarget).toBeGreaterThan(0);
    setField("targets.csv", regionTarget, 3, "990000");
    expected.push([`targets.csv:${regionTarget}:3`, /region code 990000 is not in units.csv/]);

    const io = captureIo();
    expect(await main(["validate", "--data", dir], io)).toBe(3);
    const out = io.stdout();
    for (const [location, message] of expected) {
      const line = out.split("\n").find((text) => text.startsWith(`${location}: `));
      expect([location, line]).toEqual([location, expect.stringMatching(message)]);
    }
    expect(out).toContain(`invalid dataset: ${expected.length} errors`);
    expect(expected).toHaveLength(13);
  });
});

describe("semaforo validate on a copy of fixtures/tiny: what build or send would refuse or mangle", () => {
  let dir = "";
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "semaforo-rules-"));
    cpSync("fixtures/tiny", dir, { recursive: true });
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const path = (file: string) => join(dir, file);
  const edit = (file: string, change: (text: string) => string) =>
    writeFileSync(path(file), change(readFileSync(path(file), "utf8")));
  const setLine = (file: string, line: number, content: string) =>
    edit(file, (text) => {
      const lines = text.split("\n");
      lines[line - 1] = content;
      return lines.join("\n");
    });
  const validate = async () => {
    const io = captureIo();
    const code = await main(["validate", "--data", dir], io);
    return { code, lines: io.stdout().split("\n"), stderr: io.stderr() };
  };
  const expectLines = (lines: string[], expected: [string, RegExp][]) => {
    for (const [location, message] of expected) {
      const line = lines.find((text) => text.startsWith(`${location}: `));
      expect([location, line]).toEqual([location, expect.stringMatching(message)]);
    }
  };

  it("the copy is valid before the faults", async () => {
    expect((await validate()).code).toBe(0);
  });

  it("exits 3 and names each fault with file:line:column", async () => {
    setLine("units.csv", 3, `010002,${"x".repeat(10_000)},010000,DRE Amazonas`);
    setLine("results.csv", 2, "2025-05,../010001,asistencia-estudiantes,1289,1416,12,");
    setLine("results.csv", 3, "2025-05,010001,docentes-ausentes,99999999999999999999,108,12,");
    setLine("results.csv", 4, "2025-05,010001,servicios-basicos,10,20,12,-50");
    setLine("results.csv", 5, "9322-01,010002,asistencia-estudiantes,10,20,12,");
    setLine("recipients.csv", 2, "national,PE,Dirección de Gestión Escolar,o'neil@ugel.example.org,es");
    setLine("recipients.csv", 3, 'national,PE,"Unidad\r\nBcc: todos@evil.example",use@example.org,');
    edit("good-practices/bagua-asistencia.md", (text) =>
      text.replace("---\n", '---\nbomb: &a ["lol","lol"]\nmore: [*a,*a,*a,*a]\n'),
    );
    edit("geo.topojson", (text) => text.replace(/"arcs": \[\n[\s\S]*\n\s*\]\s*\}\s*$/, '"arcs": []}\n'));
    expect(readFileSync(path("geo.topojson"), "utf8")).toContain('"arcs": []}');

    const { code, lines } = await validate();
    expect(code).toBe(3);
    expectLines(lines, [
      ["units.csv:3:2", /district_name "x{60}…" \(10000 characters\) is longer than 200 characters$/],
      ["results.csv:2:2", /district code "..\/010001" may only contain letters, digits, - and _/],
      ["results.csv:3:4", /numerator "99999999999999999999" is larger than 1,000,000,000,000$/],
      ["results.csv:4:7", /cv "-50" is negative$/],
      ["results.csv:5:1", /period "9322-01" is outside the years 2000–2100$/],
      ["recipients.csv:2:4", /e-mail address "o'neil@ugel.example.org" is not valid/],
      ["recipients.csv:3:3", /name "Unidad\\nBcc: todos@evil.example" contains a line break/],
      ["good-practices/bagua-asistencia.md:2:10", /front matter uses a YAML anchor or alias/],
      [
        "geo.topojson:6:48",
        /is not a TopoJSON topology: Polygon arc index 0 is not an index into the topology's 0 arcs$/,
      ],
    ]);
  });

  it("a second key in dataset.json (it silently removed the synthetic-data label)", async () => {
    edit("dataset.json", (text) =>
      text.replace('"synthetic": true,', '"synthetic": true,\n  "synthetic": false,'),
    );
    const { code, lines } = await validate();
    expect(code).toBe(3);
    expectLines(lines, [
      ["dataset.json:5:3", /key "synthetic" appears twice in this object \(first on line 4\)/],
    ]);
  });

  it("JSON nested 100,000 deep is exit 3 with a position, not exit 1 with a stack overflow", async () => {
    writeFileSync(path("indicators.json"), "[".repeat(100_000) + "]".repeat(100_000));
    const { code, lines, stderr } = await validate();
    expect([code, stderr]).toEqual([3, ""]);
    expectLines(lines, [["indicators.json:1:66", /JSON is nested more than 64 levels deep/]]);
  });
});

describe("semaforo validate on a semicolon export without a declared dialect", () => {
  it("says once per file that the separator is ; and how to declare it", async () => {
    const dir = mkdtempSync(join(tmpdir(), "semaforo-dialect-"));
    try {
      cpSync("fixtures/dialects/semicolon-latin1", dir, { recursive: true });
      const config = JSON.parse(readFileSync(join(dir, "dataset.json"), "latin1")) as Record<string, unknown>;
      delete config.csv;
      writeFileSync(join(dir, "dataset.json"), JSON.stringify(config, null, 2));
      const io = captureIo();
      expect(await main(["validate", "--data", dir], io)).toBe(3);
      const out = io.stdout();
      expect(out).toContain(
        'results.csv:1:1: the columns are separated by ";", but the dataset declares ","',
      );
      expect(out).toContain('"csv": {"delimiter": ";", "decimal": ","}');
      expect(out).not.toMatch(/required column .* is missing/);
      // One message per CSV file, not one per column.
      expect(out.match(/results\.csv:1:1/g)).toHaveLength(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("semaforo validate on an oversized file", () => {
  it("refuses it by its size, naming it, before reading it (exit 3, never a crash)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "semaforo-large-"));
    try {
      cpSync("fixtures/tiny", dir, { recursive: true });
      const config = JSON.parse(readFileSync(join(dir, "dataset.json"), "utf8")) as Record<string, unknown>;
      config.description = "x".repeat(1_200_000);
      writeFileSync(join(dir, "dataset.json"), JSON.stringify(config));
      const io = captureIo();
      expect(await main(["validate", "--data", dir], io)).toBe(3);
      expect(io.stdout()).toMatch(
        /dataset\.json:1:1: the file is 1\.1 MB, over the limit of 1 MB for this kind of file/,
      );
      expect(io.stdout() + io.stderr()).not.toContain("This is a bug");

      config.description = "x".repeat(2001);
      writeFileSync(join(dir, "dataset.json"), JSON.stringify(config));
      const long = captureIo();
      expect(await main(["validate", "--data", dir], long)).toBe(3);
      expect(long.stdout()).toContain("must be at most 2,000 characters");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
