import { describe, expect, it } from "@jest/globals";
import type { Problem } from "../../src/model.js";
import { parseDataset, type DatasetFiles } from "../../src/dataset/parseDataset.js";
import { text, tinyFiles, withField, withFile, withLine, withoutFile } from "./tinyFiles.js";

const tiny = tinyFiles();
const where = (p: Problem) => [p.code, `${p.file}:${p.line ?? "-"}:${p.column ?? "-"}`];
const errors = (files: DatasetFiles) => parseDataset(files).problems.filter((p) => p.severity === "error");
const warnings = (files: DatasetFiles) =>
  parseDataset(files).problems.filter((p) => p.severity === "warning");

/** The one error a fault causes, checked exactly: code, file:line:column, and the dataset refused. */
function onlyError(files: DatasetFiles): Problem {
  const result = parseDataset(files);
  const found = result.problems.filter((p) => p.severity === "error");
  expect(found.map(where)).toHaveLength(1);
  expect(result.dataset).toBeNull();
  return found[0] as Problem;
}

describe("parseDataset on fixtures/tiny", () => {
  it("has no errors and only the two planned warnings", () => {
    const result = parseDataset(tiny);
    expect(result.problems.map(where)).toEqual([
      ["missing-month", "results.csv:-:-"],
      ["few-schools", "results.csv:95:6"],
    ]);
    expect(result.problems[0]?.message).toBe(
      "district 020002 UGEL Aija has no results for 2026-04, a month in which other districts have results",
    );
    expect(result.dataset).not.toBeNull();
  });

  it("types the data: codes keep leading zeros, counts are numbers, defaults are filled in", () => {
    const dataset = parseDataset(tiny).dataset!;
    expect(dataset.regions).toEqual([
      { code: "010000", name: "DRE Amazonas", districtCodes: ["010001", "010002", "010003"] },
      { code: "020000", name: "DRE Áncash", districtCodes: ["020001", "020002", "020003"] },
    ]);
    expect(dataset.districts.map((d) => d.code)).toEqual([
      "010001",
      "010002",
      "010003",
      "020001",
      "020002",
      "020003",
    ]);
    expect(dataset.results).toHaveLength(105);
    expect(dataset.results[0]).toEqual({
      period: "2025-05",
      districtCode: "010001",
      indicator: "asistencia-estudiantes",
      numerator: 1289,
      denominator: 1416,
      schools: 12,
    });
    expect(dataset.results.find((r) => r.districtCode === "020003" && r.period === "2026-05")?.cv).toBe(17.4);
    expect(dataset.config.thresholds).toEqual({ minSchools: 5, maxCv: 15, amberBand: 5, fallAlert: 5 });
    expect(dataset.config.csv).toEqual({ delimiter: ",", decimal: ".", encoding: "utf8" });
    expect(dataset.config.synthetic).toBe(true);
    expect(dataset.targets.filter((t) => t.level === "district" && t.code === "020001")).toEqual([
      {
        year: 2026,
        level: "district",
        code: "020001",
        indicator: "servicios-basicos",
        target: 95,
        baseline: 85.7,
      },
    ]);
    expect(dataset.recipients.find((r) => r.email === "use@example.org")?.language).toBe("es");
    expect(dataset.recipients.find((r) => r.code === "020003")?.language).toBe("en");
    expect(dataset.goodPractices.map((g) => [g.file, g.district, g.period, g.indicator])).toEqual([
      ["good-practices/bagua-asistencia.md", "010002", "2026-03", "asistencia-estudiantes"],
      ["good-practices/chachapoyas-agua-segura.md", "010001", "2026-05", "servicios-basicos"],
      ["good-practices/huaraz-docentes-puntuales.md", "020001", "2026-04", "docentes-ausentes"],
    ]);
    expect(dataset.schools).toHaveLength(42);
    expect(Object.keys(dataset.topology.objects)).toEqual(["regions", "districts"]);
    expect(dataset.inputs.map((i) => i.path)).toEqual([
      "dataset.json",
      "geo.topojson",
      "good-practices/bagua-asistencia.md",
      "good-practices/chachapoyas-agua-segura.md",
      "good-practices/huaraz-docentes-puntuales.md",
      "indicators.json",
      "recipients.csv",
      "results.csv",
      "schools.csv",
      "targets.csv",
      "units.csv",
    ]);
    expect(dataset.inputs.every((i) => /^[0-9a-f]{64}$/.test(i.sha256))).toBe(true);
  });

  it("reads an unquoted YAML district code with its leading zeros", () => {
    const story = text(tiny, "good-practices/bagua-asistencia.md").replace(
      'district: "010002"',
      "district: 010002",
    );
    const dataset = parseDataset(withFile(tiny, "good-practices/bagua-asistencia.md", story)).dataset!;
    expect(dataset.goodPractices[0]?.district).toBe("010002");
  });
});

describe("errors, each at its file:line:column", () => {
  it("malformed period", () => {
    const p = onlyError(withField(tiny, "results.csv", 2, 1, "2025-5"));
    expect(where(p)).toEqual(["malformed-period", "results.csv:2:1"]);
    expect(p.message).toBe('period "2025-5" is not a month of the form YYYY-MM');
  });

  it("unknown district, with a did-you-mean suggestion", () => {
    const p = onlyError(withField(tiny, "results.csv", 3, 2, "01O001"));
    expect(where(p)).toEqual(["unknown-district", "results.csv:3:2"]);
    expect(p.message).toBe("district code 01O001 is not in units.csv (did you mean 010001?)");
  });

  it("unknown district written as its name suggests the code", () => {
    const p = onlyError(withField(tiny, "results.csv", 3, 2, "UGEL Chachapoyas"));
    expect(p.message).toContain("(did you mean 010001?)");
  });

  it("unknown region in targets.csv", () => {
    const p = onlyError(withField(tiny, "targets.csv", 8, 3, "01000"));
    expect(where(p)).toEqual(["unknown-region", "targets.csv:8:3"]);
    expect(p.message).toBe("region code 01000 is not in units.csv (did you mean 010000?)");
  });

  it("unknown indicator", () => {
    const p = onlyError(withField(tiny, "results.csv", 4, 3, "servicio-basicos"));
    expect(where(p)).toEqual(["unknown-indicator", "results.csv:4:3"]);
    expect(p.message).toBe(
      'indicator "servicio-basicos" is not in indicators.json (did you mean servicios-basicos?)',
    );
  });

  it("no suggestion when nothing is close", () => {
    const p = onlyError(withField(tiny, "results.csv", 4, 3, "mantenimiento"));
    expect(p.message).toBe('indicator "mantenimiento" is not in indicators.json');
  });

  it("duplicate (period, district, indicator) row", () => {
    const lines = text(tiny, "results.csv").trimEnd().split("\n");
    const p = onlyError(withFile(tiny, "results.csv", [...lines, lines[5]].join("\n") + "\n"));
    expect(where(p)).toEqual(["duplicate-result", `results.csv:${lines.length + 1}:1`]);
    expect(p.message).toContain("(first on line 6)");
  });

  it("numerator greater than denominator", () => {
    const p = onlyError(withField(tiny, "results.csv", 2, 4, "1417"));
    expect(where(p)).toEqual(["numerator-exceeds-denominator", "results.csv:2:4"]);
    expect(p.message).toBe("numerator 1417 is greater than denominator 1416");
  });

  it("negative count", () => {
    expect(where(onlyError(withField(tiny, "results.csv", 2, 4, "-5")))).toEqual([
      "negative-count",
      "results.csv:2:4",
    ]);
  });

  it("non-integer count", () => {
    const p = onlyError(withField(tiny, "results.csv", 2, 6, "11.5"));
    expect(where(p)).toEqual(["non-integer-count", "results.csv:2:6"]);
    expect(p.message).toBe("schools 11.5 is not a whole number");
  });

  it("a count that is not a number", () => {
    expect(where(onlyError(withField(tiny, "results.csv", 2, 5, "14x6")))).toEqual([
      "bad-number",
      "results.csv:2:5",
    ]);
  });

  it("a bad cv", () => {
    expect(where(onlyError(withField(tiny, "results.csv", 2, 7, "n/a")))).toEqual([
      "bad-number",
      "results.csv:2:7",
    ]);
  });

  it("a district in two regions", () => {
    const units = text(tiny, "units.csv") + "010002,UGEL Bagua,020000,DRE Áncash\n";
    const p = onlyError(withFile(tiny, "units.csv", units));
    expect(where(p)).toEqual(["district-in-two-regions", "units.csv:8:3"]);
    expect(p.message).toBe("district 010002 is in region 020000 here but in region 010000 on line 3");
  });

  it("a recipient for an unknown unit", () => {
    const p = onlyError(withField(tiny, "recipients.csv", 7, 2, "010009"));
    expect(where(p)).toEqual(["unknown-unit", "recipients.csv:7:2"]);
    expect(p.message).toBe('recipient for an unknown district "010009": it is not in units.csv');
    const typo = onlyError(withField(tiny, "recipients.csv", 7, 2, "10002"));
    expect(typo.message).toBe(
      'recipient for an unknown district "10002": it is not in units.csv (did you mean 010002?)',
    );
  });

  it("a national recipient with another code than PE", () => {
    expect(where(onlyError(withField(tiny, "recipients.csv", 2, 2, "PER")))).toEqual([
      "unknown-national-code",
      "recipients.csv:2:2",
    ]);
  });

  it.each([
    ["Juan <juan@example.org>"],
    ['"juan"@example.org'],
    ["juan perez@example.org"],
    ["juan@example"],
    ["juan..perez@example.org"],
  ])("an invalid address: %s", (address) => {
    const line = `district,010001,Juan,"${address.replaceAll('"', '""')}",es`;
    const p = onlyError(withLine(tiny, "recipients.csv", 6, line));
    expect(where(p)).toEqual(["invalid-email", "recipients.csv:6:4"]);
  });

  it("two addresses in one field", () => {
    const p = onlyError(
      withLine(tiny, "recipients.csv", 6, 'district,010001,Juan,"a@example.org, b@example.org",es'),
    );
    expect(where(p)).toEqual(["invalid-email", "recipients.csv:6:4"]);
  });

  it("an address with a line break in it (quoted field), at the row's first line", () => {
    const p = onlyError(
      withLine(tiny, "recipients.csv", 6, 'district,010001,Juan,"juan@example.org\nbcc@evil.example",es'),
    );
    expect(where(p)).toEqual(["invalid-email", "recipients.csv:6:4"]);
  });

  it("an unknown language", () => {
    expect(where(onlyError(withField(tiny, "recipients.csv", 6, 5, "qu")))).toEqual([
      "unknown-language",
      "recipients.csv:6:5",
    ]);
  });

  it("a good-practice story without front matter", () => {
    const p = onlyError(withFile(tiny, "good-practices/bagua-asistencia.md", "Una historia sin datos.\n"));
    expect(where(p)).toEqual(["missing-front-matter", "good-practices/bagua-asistencia.md:1:1"]);
  });

  it("a good-practice story with an unknown district and an unknown indicator", () => {
    const story = text(tiny, "good-practices/bagua-asistencia.md")
      .replace('district: "010002"', 'district: "01002"')
      .replace("indicator: asistencia-estudiantes", "indicator: asistencia");
    const found = errors(withFile(tiny, "good-practices/bagua-asistencia.md", story));
    expect(found.map(where)).toEqual([
      ["unknown-district", "good-practices/bagua-asistencia.md:2:11"],
      ["unknown-indicator", "good-practices/bagua-asistencia.md:4:12"],
    ]);
    expect(found[0]?.message).toContain("(did you mean 010002?)");
  });

  it("a good-practice story missing a key, or with invalid YAML", () => {
    const story = text(tiny, "good-practices/bagua-asistencia.md");
    expect(
      where(
        onlyError(withFile(tiny, "good-practices/bagua-asistencia.md", story.replace(/^title:.*\n/m, ""))),
      ),
    ).toEqual(["missing-front-matter-key", "good-practices/bagua-asistencia.md:1:1"]);
    const broken = story.replace('period: "2026-03"', 'period: "2026-03');
    expect(onlyError(withFile(tiny, "good-practices/bagua-asistencia.md", broken)).code).toBe(
      "bad-front-matter",
    );
  });

  it("a target outside 0–100", () => {
    const p = onlyError(withField(tiny, "targets.csv", 5, 5, "103"));
    expect(where(p)).toEqual(["target-out-of-range", "targets.csv:5:5"]);
    expect(p.message).toBe("target 103 is outside 0–100");
    expect(where(onlyError(withField(tiny, "targets.csv", 5, 6, "-1")))).toEqual([
      "target-out-of-range",
      "targets.csv:5:6",
    ]);
  });

  it("an unknown level and a bad year", () => {
    expect(where(onlyError(withField(tiny, "targets.csv", 8, 2, "province")))).toEqual([
      "unknown-level",
      "targets.csv:8:2",
    ]);
    expect(where(onlyError(withField(tiny, "targets.csv", 8, 1, "26")))).toEqual([
      "bad-year",
      "targets.csv:8:1",
    ]);
  });

  it("a duplicate target", () => {
    const targets = text(tiny, "targets.csv") + "2026,national,PE,servicios-basicos,75,,\n";
    expect(where(onlyError(withFile(tiny, "targets.csv", targets)))).toEqual([
      "duplicate-target",
      "targets.csv:14:1",
    ]);
  });

  it("a school value outside 0–100", () => {
    expect(where(onlyError(withField(tiny, "schools.csv", 2, 6, "100.5")))).toEqual([
      "out-of-range",
      "schools.csv:2:6",
    ]);
  });

  it("a missing required file", () => {
    expect(where(onlyError(withoutFile(tiny, "targets.csv")))).toEqual(["missing-file", "targets.csv:-:-"]);
  });

  it("a missing required column", () => {
    const results = text(tiny, "results.csv").replace(
      "period,district_code,indicator,numerator,denominator,schools,cv",
      "period,district,indicator,numerator,denominator,schools,cv",
    );
    const p = onlyError(withFile(tiny, "results.csv", results));
    expect(where(p)).toEqual(["missing-column", "results.csv:1:1"]);
    expect(p.message).toContain("required column district_code is missing");
  });

  it("a row with the wrong number of fields", () => {
    expect(
      where(onlyError(withLine(tiny, "results.csv", 9, "2025-05,010003,docentes-ausentes,10,75"))),
    ).toEqual(["field-count", "results.csv:9:1"]);
  });

  it("a CSV quote that is never closed", () => {
    const p = onlyError(withLine(tiny, "units.csv", 4, '010003,"UGEL Bongará,010000,DRE Amazonas'));
    expect(p.code).toBe("csv-syntax");
    expect(p.file).toBe("units.csv");
  });

  it("invalid JSON, at the offending character", () => {
    const json = text(tiny, "indicators.json").replace(
      '"category": "asistencia",\n    "better": "lower"',
      '"category": "asistencia"\n    "better": "lower"',
    );
    const p = onlyError(withFile(tiny, "indicators.json", json));
    expect(where(p)).toEqual(["bad-json", "indicators.json:13:5"]);
  });

  it("a schema error in indicators.json, at the offending key", () => {
    const json = text(tiny, "indicators.json").replace('"better": "lower"', '"better": "less"');
    const p = onlyError(withFile(tiny, "indicators.json", json));
    expect(where(p)).toEqual(["bad-schema", "indicators.json:13:5"]);
    expect(p.message).toMatch(/^\[1\]\.better: /);
  });

  it("a schema error in dataset.json: missing key, bad address, ambiguous dialect", () => {
    const config = text(tiny, "dataset.json");
    const missing = onlyError(
      withFile(
        tiny,
        "dataset.json",
        config.replace('"name": "Conjunto mínimo de prueba (2 DRE × 3 UGEL)",\n', ""),
      ),
    );
    expect([missing.code, missing.line, missing.message]).toEqual(["bad-schema", 1, "name: is missing"]);
    const from = onlyError(
      withFile(
        tiny,
        "dataset.json",
        config.replace('"from": "semaforo@example.org"', '"from": "Semáforo <semaforo@example.org>"'),
      ),
    );
    expect(where(from)).toEqual(["bad-schema", "dataset.json:6:14"]);
    const dialect = config.replace('"synthetic": true,', '"synthetic": true, "csv": {"decimal": ","},');
    expect(errors(withFile(tiny, "dataset.json", dialect)).map((p) => p.code)).toContain("ambiguous-dialect");
  });

  it("a geo object that does not exist, at geo.districts", () => {
    const config = text(tiny, "dataset.json").replace('"districts": "districts"', '"districts": "ugel"');
    const p = onlyError(withFile(tiny, "dataset.json", config));
    expect(where(p)).toEqual(["missing-geo-object", "dataset.json:5:58"]);
    expect(p.message).toContain('the TopoJSON has no object "ugel"');
  });

  it("a geo file that cannot be found", () => {
    const p = onlyError({ ...tiny, geo: { missing: "geo/nope.topojson", tried: ["/a/geo/nope.topojson"] } });
    expect(where(p)).toEqual(["missing-geo-file", "dataset.json:5:12"]);
  });

  it("latin1 bytes in a file declared UTF-8", () => {
    const units = Buffer.from(text(tiny, "units.csv"), "latin1");
    const p = onlyError(withFile(tiny, "units.csv", units));
    expect(where(p)).toEqual(["bad-encoding", "units.csv:4:19"]);
  });

  it("lists every problem of a file at once", () => {
    let files = withField(tiny, "results.csv", 2, 1, "2025-13");
    files = withField(files, "results.csv", 10, 4, "-1");
    files = withField(files, "results.csv", 20, 3, "asistencia");
    expect(errors(files).map(where)).toEqual([
      ["malformed-period", "results.csv:2:1"],
      ["negative-count", "results.csv:10:4"],
      ["unknown-indicator", "results.csv:20:3"],
    ]);
  });
});

describe("warnings", () => {
  it("a unit with no feature in the TopoJSON: warned, and the dataset is still usable", () => {
    const topology = JSON.parse(Buffer.from((tiny.geo as { bytes: Uint8Array }).bytes).toString("utf8")) as {
      objects: { districts: { geometries: { id: string }[] } };
    };
    topology.objects.districts.geometries = topology.objects.districts.geometries.filter(
      (g) => g.id !== "020003",
    );
    const result = parseDataset({
      ...tiny,
      geo: { path: "geo.topojson", bytes: Buffer.from(JSON.stringify(topology)) },
    });
    expect(result.dataset).not.toBeNull();
    const p = result.problems.find((q) => q.code === "unit-without-feature")!;
    expect(where(p)).toEqual(["unit-without-feature", "units.csv:7:1"]);
    expect(p.message).toBe(
      'district 020003 UGEL Antonio Raymondi has no feature in the TopoJSON object "districts"',
    );
  });

  it("fewer schools than thresholds.minSchools (from dataset.json)", () => {
    const config = text(tiny, "dataset.json").replace(
      '"synthetic": true,',
      '"synthetic": true, "thresholds": {"minSchools": 8},',
    );
    const found = warnings(withFile(tiny, "dataset.json", config)).filter((p) => p.code === "few-schools");
    expect(found.length).toBeGreaterThan(1);
    expect(found.every((p) => /fewer than 8$/.test(p.message))).toBe(true);
  });

  it("a unit without recipients", () => {
    const recipients = text(tiny, "recipients.csv").replace(/^district,020002.*\n/m, "");
    const found = warnings(withFile(tiny, "recipients.csv", recipients)).filter(
      (p) => p.code === "no-recipients",
    );
    expect(found.map((p) => p.message)).toEqual(["district 020002 UGEL Aija has no recipient"]);
  });
});
