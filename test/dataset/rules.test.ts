import { describe, expect, it } from "@jest/globals";
import { checkCode } from "../../src/dataset/checkCode.js";
import { checkName } from "../../src/dataset/checkName.js";
import { parseDataset, type DatasetFiles } from "../../src/dataset/parseDataset.js";
import { parseTopology } from "../../src/dataset/parseTopology.js";
import { findNeighbours } from "../../src/compute/findNeighbours.js";
import { GeoCache } from "../../src/render/maps/GeoCache.js";
import type { Problem } from "../../src/model.js";
import { text, tinyFiles, withField, withFile, withLine } from "./tinyFiles.js";

// The rules that keep validate in step with build and send (docs/contract.md, "Dataset rules"):
// every case here validated before, and then build or send refused or mangled the data.

const tiny = tinyFiles();
const where = (p: Problem) => [p.code, `${p.file}:${p.line ?? "-"}:${p.column ?? "-"}`];
const errors = (files: DatasetFiles) => {
  const result = parseDataset(files);
  return { found: result.problems.filter((p) => p.severity === "error"), dataset: result.dataset };
};
/** The one error a fault causes, checked exactly: code, file:line:column, and the dataset refused. */
function onlyError(files: DatasetFiles): Problem {
  const { found, dataset } = errors(files);
  expect(found.map(where)).toHaveLength(1);
  expect(dataset).toBeNull();
  return found[0] as Problem;
}
const story = "good-practices/bagua-asistencia.md";
const withStory = (front: string, body = "Una historia.\n") =>
  withFile(tiny, story, `---\n${front}\n---\n${body}`);
const FRONT = 'district: "010002"\nperiod: "2026-03"\nindicator: asistencia-estudiantes\ntitle: Buen inicio';

describe("codes: letters, digits, - and _, 1–32 characters, wherever a code appears", () => {
  it("checkCode", () => {
    expect(checkCode("010001")).toBeNull();
    expect(checkCode("PE")).toBeNull();
    expect(checkCode("UGEL_01-Lima")).toBeNull();
    expect(checkCode("x".repeat(32))).toBeNull();
    expect(checkCode("x".repeat(33))).toBe("is longer than 32 characters");
    for (const bad of ["../010001", "01 0001", "01.0001", "0100\u00001", "010001\n", "ñ01"])
      expect([bad, checkCode(bad)]).toEqual([bad, "may only contain letters, digits, - and _"]);
  });

  it("a units.csv district code that is a path is an error (build wrote outside its folder)", () => {
    const files = withField(tiny, "units.csv", 2, 1, "../../2026-04/district/010001-ugel-chachapoyas");
    const found = errors(files).found;
    expect(found.map(where)).toContainEqual(["bad-code", "units.csv:2:1"]);
    expect(found.find((p) => p.code === "bad-code")?.message).toBe(
      'district_code "../../2026-04/district/010001-ugel-chachapoyas" is longer than 32 characters',
    );
    const short = errors(withField(tiny, "units.csv", 2, 1, "../010001")).found.find(
      (p) => p.code === "bad-code",
    )!;
    expect([...where(short), short.message]).toEqual([
      "bad-code",
      "units.csv:2:1",
      'district_code "../010001" may only contain letters, digits, - and _',
    ]);
    expect(errors(files).dataset).toBeNull();
  });

  it("a units.csv region code with a space, and one 33 characters long", () => {
    expect(
      where(onlyError(withLine(tiny, "units.csv", 2, "010001,UGEL Chachapoyas,01 0000,DRE Amazonas"))),
    ).toEqual(["bad-code", "units.csv:2:3"]);
    const long = "0".repeat(33);
    const p = errors(withLine(tiny, "units.csv", 2, `010001,UGEL Chachapoyas,${long},DRE Amazonas`)).found;
    expect(p.map(where)).toContainEqual(["bad-code", "units.csv:2:3"]);
  });

  it("results.csv, targets.csv, recipients.csv and schools.csv codes", () => {
    expect(where(onlyError(withField(tiny, "results.csv", 2, 2, "0100/1")))).toEqual([
      "bad-code",
      "results.csv:2:2",
    ]);
    expect(where(onlyError(withField(tiny, "targets.csv", 8, 3, "../010000")))).toEqual([
      "bad-code",
      "targets.csv:8:3",
    ]);
    const recipient =
      text(tiny, "recipients.csv")
        .split("\n")
        .findIndex((l) => l.startsWith("district,")) + 1;
    const p = onlyError(withField(tiny, "recipients.csv", recipient, 2, "010001;rm"));
    expect(where(p)).toEqual(["bad-code", `recipients.csv:${recipient}:2`]);
    expect(p.message).toBe(
      'district code "010001;rm" may only contain letters, digits, - and _ (did you mean 010001?)',
    );
    expect(where(onlyError(withField(tiny, "schools.csv", 2, 3, "02150/12")))).toEqual([
      "bad-code",
      "schools.csv:2:3",
    ]);
    expect(where(onlyError(withField(tiny, "schools.csv", 2, 2, "0100 01")))).toEqual([
      "bad-code",
      "schools.csv:2:2",
    ]);
  });

  it("a unit's name written as its code still gets a suggestion", () => {
    const p = onlyError(withField(tiny, "results.csv", 3, 2, "UGEL Chachapoyas"));
    expect(p.message).toBe(
      'district code "UGEL Chachapoyas" may only contain letters, digits, - and _ (did you mean 010001?)',
    );
  });

  it("the front matter's district", () => {
    const p = onlyError(withStory(FRONT.replace('"010002"', '"../010002"')));
    expect(where(p)).toEqual(["bad-code", `${story}:2:11`]);
  });

  it("two codes that differ only in case (their report files would collide)", () => {
    const units = text(tiny, "units.csv").replaceAll("010001", "ab01").replace("010002", "AB01");
    const results = text(tiny, "results.csv").replaceAll("010001", "ab01");
    const files = withFile(withFile(tiny, "units.csv", units), "results.csv", results);
    const found = errors(files).found;
    expect(found.map(where)).toContainEqual(["code-case-conflict", "units.csv:3:1"]);
    expect(found.find((p) => p.code === "code-case-conflict")?.message).toBe(
      'code "AB01" differs from "ab01" (line 2) only in upper/lower case',
    );
  });
});

describe("names: one line, no control characters, at most 200 characters", () => {
  it("checkName", () => {
    expect(checkName("UGEL 01 San Juan de Miraflores")).toBeNull();
    expect(checkName("Rosa Ñahui Huancané (especialista de gestión) — 😀")).toBeNull();
    expect(checkName("x".repeat(200))).toBeNull();
    expect(checkName("x".repeat(201))).toBe("is longer than 200 characters");
    expect(checkName("😀".repeat(200))).toBeNull(); // characters as a reader counts them
    expect(checkName("😀".repeat(201))).toBe("is longer than 200 characters");
    expect(checkName("a\r\nBcc: x@evil.example")).toBe("contains a line break (CR/LF)");
    expect(checkName("a\u0000b")).toBe("contains a control character (U+0000)");
    expect(checkName("a\u007fb")).toBe("contains a control character (U+007F)");
    expect(checkName("a\u0085b")).toBe("contains a control character (U+0085)");
    expect(checkName("a\u2028b")).toBe("contains a control character (U+2028)");
    expect(checkName("a\tb")).toBe("contains a control character (U+0009)");
    expect(checkName("a\ud800b")).toBe("contains a broken Unicode character (a lone surrogate)");
    expect(checkName("UGEL \u202eacnaH")).toBe("contains an invisible text-direction control (U+202E)");
    expect(checkName("UGEL \u2066x\u2069")).toBe("contains an invisible text-direction control (U+2066)");
  });

  it("a unit name with a NUL, and one 10,000 characters long (ENAMETOOLONG at build)", () => {
    const nul = onlyError(withField(tiny, "units.csv", 2, 2, "UGEL\u0000Chachapoyas"));
    expect(where(nul)).toEqual(["bad-name", "units.csv:2:2"]);
    expect(nul.message).toBe('district_name "UGEL\\u0000Chachapoyas" contains a control character (U+0000)');
    const long = onlyError(withField(tiny, "units.csv", 2, 2, "x".repeat(10_000)));
    expect(where(long)).toEqual(["bad-name", "units.csv:2:2"]);
    expect(long.message).toBe(
      `district_name "${"x".repeat(60)}…" (10000 characters) is longer than 200 characters`,
    );
  });

  it("a region name with a line separator (on every row of the region)", () => {
    const units = text(tiny, "units.csv").replaceAll("DRE Amazonas", "DRE\u2028Amazonas");
    const found = errors(withFile(tiny, "units.csv", units)).found;
    expect(found.map(where)).toEqual([
      ["bad-name", "units.csv:2:4"],
      ["bad-name", "units.csv:3:4"],
      ["bad-name", "units.csv:4:4"],
    ]);
  });

  it("a recipient name with CR/LF and a Bcc: header (refused only at send before)", () => {
    const p = onlyError(
      withLine(
        tiny,
        "recipients.csv",
        2,
        'national,PE,"Dirección\r\nBcc: todos@evil.example",dge-semaforo@example.org,es',
      ),
    );
    expect(where(p)).toEqual(["bad-name", "recipients.csv:2:3"]);
    expect(p.message).toBe('name "Dirección\\nBcc: todos@evil.example" contains a line break (CR/LF)');
  });

  it("a unit name with CR/LF + Bcc: (it goes into the e-mail subject)", () => {
    const p = onlyError(
      withLine(tiny, "units.csv", 2, '010001,"UGEL\nBcc: x@evil.example",010000,DRE Amazonas'),
    );
    expect(where(p)).toEqual(["bad-name", "units.csv:2:2"]);
  });

  it("a school name, an indicator label, a story title and the dataset name", () => {
    expect(where(onlyError(withField(tiny, "schools.csv", 2, 4, "IE\u001b[31m")))).toEqual([
      "bad-name",
      "schools.csv:2:4",
    ]);
    const label = text(tiny, "indicators.json").replace(
      '"es": "Docentes ausentes"',
      '"es": "Docentes\\nausentes"',
    );
    const p = onlyError(withFile(tiny, "indicators.json", label));
    expect([p.code, p.message]).toEqual(["bad-schema", "[1].label.es: contains a line break (CR/LF)"]);
    const surrogate = text(tiny, "indicators.json").replace(
      '"category": "asistencia"',
      '"category": "\\ud800"',
    );
    expect(onlyError(withFile(tiny, "indicators.json", surrogate)).message).toBe(
      "[0].category: contains a broken Unicode character (a lone surrogate)",
    );
    const title = onlyError(withStory(FRONT.replace("title: Buen inicio", "title: |\n  Buen\n  inicio")));
    expect(where(title)).toEqual(["bad-name", `${story}:5:8`]);
    const config = text(tiny, "dataset.json").replace('"name": "Conjunto', '"name": "Line\\r\\nConjunto');
    const name = onlyError(withFile(tiny, "dataset.json", config));
    expect(where(name)).toEqual(["bad-schema", "dataset.json:2:3"]);
    expect(name.message).toBe("name: contains a line break (CR/LF)");
  });
});

describe("addresses: the send's own rule", () => {
  it("o'neil@… validates no more (the send refused it)", () => {
    const p = onlyError(withField(tiny, "recipients.csv", 2, 4, "o'neil@ugel.example.org"));
    expect(where(p)).toEqual(["invalid-email", "recipients.csv:2:4"]);
    expect(p.message).toContain("contains a space, comma, semicolon, quote");
  });

  it("dataset.json: from, replyTo and fromName as the send checks them", () => {
    const config = text(tiny, "dataset.json");
    const cases: [string, string, string][] = [
      ['"from": "semaforo@example.org"', `"from": "o'neil@example.org"`, "dataset.json:6:14"],
      [
        '"replyTo": "soporte-semaforo@example.org"',
        '"replyTo": "a@example.org\\r\\nBcc: b@example.org"',
        "dataset.json:6:78",
      ],
      ['"fromName": "Semáforo Escuela"', '"fromName": "Semáforo \\"Escuela\\""', "dataset.json:6:46"],
      ['"fromName": "Semáforo Escuela"', '"fromName": "Semáforo\\nBcc: x@evil.example"', "dataset.json:6:46"],
    ];
    for (const [from, to, location] of cases) {
      expect(config).toContain(from);
      const p = onlyError(withFile(tiny, "dataset.json", config.replace(from, to)));
      expect([to, ...where(p)]).toEqual([to, "bad-schema", location]);
    }
  });
});

describe("numbers and periods", () => {
  it("counts beyond 10^12 (two 20-digit counts were different yet compared equal)", () => {
    const a = onlyError(withField(tiny, "results.csv", 2, 4, "99999999999999999999"));
    expect(where(a)).toEqual(["count-too-large", "results.csv:2:4"]);
    expect(a.message).toBe('numerator "99999999999999999999" is larger than 1,000,000,000,000');
    const b = withField(
      withField(tiny, "results.csv", 2, 4, "99999999999999999998"),
      "results.csv",
      2,
      5,
      "99999999999999999999",
    );
    expect(errors(b).found.map(where)).toEqual([
      ["count-too-large", "results.csv:2:4"],
      ["count-too-large", "results.csv:2:5"],
    ]);
    expect(errors(withField(tiny, "results.csv", 2, 5, "1000000000000")).found).toEqual([]);
  });

  it("cv: finite and ≥ 0", () => {
    const huge = onlyError(withField(tiny, "results.csv", 2, 7, "1" + "0".repeat(400)));
    expect(where(huge)).toEqual(["bad-cv", "results.csv:2:7"]);
    expect(huge.message).toMatch(/^cv "10{59}…" \(401 characters\) is too large$/);
    const negative = onlyError(withField(tiny, "results.csv", 2, 7, "-50"));
    expect([...where(negative), negative.message]).toEqual([
      "bad-cv",
      "results.csv:2:7",
      'cv "-50" is negative',
    ]);
  });

  it("periods within 2000–2100, saying so", () => {
    for (const period of ["1000-01", "9322-01", "1999-12", "2101-01"]) {
      const p = onlyError(withField(tiny, "results.csv", 2, 1, period));
      expect([period, ...where(p), p.message]).toEqual([
        period,
        "period-out-of-range",
        "results.csv:2:1",
        `period "${period}" is outside the years 2000–2100`,
      ]);
    }
    expect(where(onlyError(withField(tiny, "schools.csv", 2, 1, "9322-01")))).toEqual([
      "period-out-of-range",
      "schools.csv:2:1",
    ]);
    expect(where(onlyError(withStory(FRONT.replace('"2026-03"', "1000-03"))))).toEqual([
      "period-out-of-range",
      `${story}:3:9`,
    ]);
    const year = onlyError(withField(tiny, "targets.csv", 2, 1, "1000"));
    expect([...where(year), year.message]).toEqual([
      "year-out-of-range",
      "targets.csv:2:1",
      "year 1000 is outside 2000–2100",
    ]);
  });

  it("targets, baselines, minimums and school values stay within 0–100, however many digits", () => {
    const digits = "1" + "0".repeat(400);
    expect(where(onlyError(withField(tiny, "targets.csv", 8, 6, digits)))).toEqual([
      "target-out-of-range",
      "targets.csv:8:6",
    ]);
    expect(where(onlyError(withField(tiny, "schools.csv", 2, 6, digits)))).toEqual([
      "out-of-range",
      "schools.csv:2:6",
    ]);
  });

  it("a minimum on the wrong side of the target (amber could never happen)", () => {
    const higher = onlyError(withField(tiny, "targets.csv", 8, 7, "95"));
    expect([...where(higher), higher.message]).toEqual([
      "minimum-past-target",
      "targets.csv:8:7",
      "minimum 95 is above target 91",
    ]);
    const lower = onlyError(withField(tiny, "targets.csv", 9, 7, "5"));
    expect([...where(lower), lower.message]).toEqual([
      "minimum-past-target",
      "targets.csv:9:7",
      "minimum 5 is below target 6",
    ]);
    expect(errors(withField(tiny, "targets.csv", 8, 7, "91")).found).toEqual([]);
  });
});

describe("JSON files", () => {
  it("a second key in one object (a second synthetic: false hid the synthetic label)", () => {
    const config = text(tiny, "dataset.json").replace(
      '"synthetic": true,',
      '"synthetic": true,\n  "synthetic": false,',
    );
    const p = onlyError(withFile(tiny, "dataset.json", config));
    expect([...where(p), p.message]).toEqual([
      "duplicate-key",
      "dataset.json:5:3",
      'key "synthetic" appears twice in this object (first on line 4)',
    ]);
  });

  it("__proto__, constructor and prototype keys", () => {
    for (const key of ["__proto__", "constructor", "prototype"]) {
      const json = text(tiny, "indicators.json").replace(
        '"unit": "percent"',
        `"unit": "percent", "${key}": {}`,
      );
      const p = onlyError(withFile(tiny, "indicators.json", json));
      expect([key, ...where(p)]).toEqual([key, "forbidden-key", "indicators.json:7:24"]);
    }
  });

  it("nesting 100,000 deep is an error at its position, not a stack overflow", () => {
    const deep = "[".repeat(100_000) + "]".repeat(100_000);
    const p = onlyError(withFile(tiny, "indicators.json", deep));
    expect([...where(p), p.message]).toEqual([
      "too-deep",
      "indicators.json:1:66",
      "JSON is nested more than 64 levels deep",
    ]);
    const config = errors(withFile(tiny, "dataset.json", `{"name": ${"[".repeat(100_000)}`)).found;
    expect(config.map(where)[0]).toEqual(["too-deep", "dataset.json:1:74"]);
  });
});

describe("good-practice front matter", () => {
  it("an alias bomb is refused before anything is expanded", () => {
    const bomb = [
      'a: &a ["x","x","x","x","x","x","x","x","x"]',
      "b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]",
      "c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]",
      "d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]",
      "e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]",
      "f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]",
      "g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]",
      "h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]",
      "i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]",
      FRONT,
    ].join("\n");
    const p = onlyError(withStory(bomb));
    expect([...where(p), p.message]).toEqual([
      "front-matter-alias",
      `${story}:2:7`,
      "front matter uses a YAML anchor or alias (& or *)",
    ]);
  });

  it("tags, non-text values and duplicate keys", () => {
    const tag = onlyError(withStory(FRONT.replace("title: Buen inicio", 'title: !!js/function "x"')));
    expect([...where(tag), tag.message]).toEqual([
      "front-matter-tag",
      `${story}:5:22`,
      'front matter uses the YAML tag "tag:yaml.org,2002:js/function"',
    ]);
    const list = onlyError(withStory(FRONT.replace("title: Buen inicio", "title: [Buen, inicio]")));
    expect(where(list)).toEqual(["front-matter-not-text", `${story}:5:8`]);
    const map = onlyError(withStory(FRONT.replace('period: "2026-03"', "period:\n  year: 2026")));
    expect(where(map)).toEqual(["front-matter-not-text", `${story}:4:3`]);
    const twice = onlyError(withStory(FRONT + "\ntitle: Otro"));
    expect([...where(twice), twice.message]).toEqual([
      "bad-front-matter",
      `${story}:6:1`,
      "front matter is not valid YAML: Map keys must be unique",
    ]);
  });

  it("values stay the text as written (no numbers, dates or booleans)", () => {
    const front = "district: 010002\nperiod: 2026-03\nindicator: asistencia-estudiantes\ntitle: yes";
    const practice = parseDataset(withStory(front)).dataset?.goodPractices.find((g) => g.file === story);
    expect(practice).toMatchObject({ district: "010002", period: "2026-03", title: "yes" });
  });

  it("an unquoted YAML null is a missing value; a quoted one is text", () => {
    for (const empty of ["~", "null", ""]) {
      const p = onlyError(withStory(FRONT.replace("title: Buen inicio", `title: ${empty}`)));
      expect([empty, ...where(p)]).toEqual([empty, "missing-front-matter-key", `${story}:5:1`]);
    }
    const quoted = parseDataset(withStory(FRONT.replace("title: Buen inicio", 'title: "null"'))).dataset;
    expect(quoted?.goodPractices.find((g) => g.file === story)?.title).toBe("null");
  });

  it("size limits: 16 KB of front matter, 64 KB of story", () => {
    const big = onlyError(withStory(FRONT + "\n# " + "x".repeat(16 * 1024)));
    expect([...where(big), big.message]).toEqual([
      "front-matter-too-large",
      `${story}:2:1`,
      "front matter is 16476 bytes, more than 16384",
    ]);
    const long = onlyError(withStory(FRONT, "x".repeat(64 * 1024 + 1)));
    expect(where(long)).toEqual(["story-too-large", `${story}:7:1`]);
  });
});

describe("TopoJSON: the structure the maps rely on", () => {
  const topology = () =>
    JSON.parse(Buffer.from(tiny.geo && "bytes" in tiny.geo ? tiny.geo.bytes : []).toString()) as {
      arcs: unknown;
      transform?: unknown;
      objects: Record<string, { geometries: unknown }>;
    };
  const withGeo = (value: unknown, pretty = true): DatasetFiles => ({
    ...tiny,
    geo: { path: "geo.topojson", bytes: Buffer.from(JSON.stringify(value, null, pretty ? 1 : 0)) },
  });

  it("arcs: [] (every report failed with Cannot read properties of undefined)", () => {
    const p = onlyError(withGeo({ ...topology(), arcs: [] }));
    expect(p.code).toBe("bad-topology");
    expect(p.message).toBe(
      "geo.topojson is not a TopoJSON topology: Polygon arc index 0 is not an index into the topology's 0 arcs",
    );
    expect(p.line).toBeGreaterThan(1);
  });

  it("an arc index past the arcs, a non-array, a bad arc, a bad transform, an unknown type", () => {
    type Change = (t: ReturnType<typeof topology>) => void;
    const geometries = (t: ReturnType<typeof topology>, layer: string) =>
      t.objects[layer]!.geometries as { type: string; arcs: unknown }[];
    const cases: [Change, string][] = [
      [
        (t) => ((geometries(t, "districts")[2]!.arcs as number[][])[0]![0] = 999),
        "Polygon arc index 999 is not an index into the topology's 17 arcs",
      ],
      [(t) => ((geometries(t, "districts")[2]!.arcs as number[][])[0]![0] = -19), "Polygon arc index -19"],
      [(t) => ((geometries(t, "districts")[2]!.arcs as number[][])[0]![0] = 1.5), "Polygon arc index 1.5"],
      [(t) => (geometries(t, "districts")[2]!.arcs = "x"), "Polygon arcs must be [[…]]"],
      [(t) => (t.arcs = "x"), "arcs must be an array of arcs"],
      [(t) => ((t.arcs as unknown[])[3] = [[0, "a"]]), "arc 3 must be an array of [x, y] positions"],
      [(t) => (t.transform = { scale: [1] }), "transform must have scale and translate"],
      [(t) => (t.objects["regions"]!.geometries = { length: 1 }), "geometries must be an array"],
      [(t) => (geometries(t, "regions")[0]!.type = "Sphere"), 'geometry type "Sphere"'],
    ];
    for (const [change, message] of cases) {
      const value = topology();
      change(value);
      const p = onlyError(withGeo(value));
      expect([message, p.code, p.message]).toEqual([
        message,
        "bad-topology",
        expect.stringContaining(message),
      ]);
    }
  });

  it("a topology nested 100,000 deep is refused without a stack overflow", () => {
    const p = onlyError({
      ...tiny,
      geo: { path: "geo.topojson", bytes: Buffer.from("[".repeat(100_000) + "]".repeat(100_000)) },
    });
    expect(where(p)).toEqual(["bad-topology", "geo.topojson:1:1"]);
  });
});

describe("TopoJSON: whatever validates, the maps can draw", () => {
  it("random mutations of the tiny topology either fail validation or project without throwing", () => {
    const original = Buffer.from(tiny.geo && "bytes" in tiny.geo ? tiny.geo.bytes : []).toString();
    const objects = { regions: "regions", districts: "districts" };
    const replacements: unknown[] = [[], {}, null, 0, -1, 17, -18, 1.5, "x", [[0]], [[[0, 0]]], 1e308, true];
    let seed = 7;
    /** mulberry32: deterministic, and its low bits are as random as its high ones. */
    const random = (n: number) => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) % n;
    };
    /** Replaces one randomly chosen node (object member or array item) of `value`. */
    const mutate = (value: unknown): unknown => {
      if (value === null || typeof value !== "object") return value;
      const keys = Object.keys(value);
      if (keys.length === 0) return value;
      const key = keys[random(keys.length)]!;
      const copy = (Array.isArray(value) ? [...(value as unknown[])] : { ...value }) as Record<
        string,
        unknown
      >;
      copy[key] = random(3) === 0 ? replacements[random(replacements.length)] : mutate(copy[key]);
      return copy;
    };
    let accepted = 0;
    let refused = 0;
    for (let trial = 0; trial < 400; trial++) {
      const text = JSON.stringify(mutate(JSON.parse(original)));
      const { topology } = parseTopology(text, "geo.topojson", objects, () => ({ file: "dataset.json" }));
      if (!topology) {
        refused++;
        continue;
      }
      accepted++;
      const draw = () => {
        const cache = new GeoCache(topology, objects);
        for (const layer of ["region", "district"] as const)
          cache.project({ layer, codes: [], width: 400, maxHeight: 400, inset: true });
        findNeighbours(topology, "districts");
      };
      let error: string | null = null;
      try {
        draw();
      } catch (thrown) {
        error = String(thrown);
      }
      expect([text, error]).toEqual([text, null]);
    }
    expect([accepted > 20, refused > 20]).toEqual([true, true]);
  });
});

describe("encodings: declared latin1", () => {
  const latin1 = () => {
    const config = text(tiny, "dataset.json").replace(
      '"synthetic": true,',
      '"synthetic": true, "csv": {"encoding": "latin1"},',
    );
    let files = withFile(tiny, "dataset.json", config);
    for (const name of ["units.csv", "results.csv", "targets.csv", "recipients.csv", "schools.csv"])
      files = withFile(files, name, Buffer.from(text(tiny, name), "latin1"));
    return files;
  };

  it("the tiny dataset exported as latin1 is valid and reads the same names", () => {
    const { found, dataset } = errors(latin1());
    expect(found).toEqual([]);
    expect(dataset?.regions.map((r) => r.name)).toEqual(["DRE Amazonas", "DRE Áncash"]);
  });

  it("a UTF-8 file declared latin1 (it validated, and every accented name was garbled)", () => {
    const files = withFile(latin1(), "units.csv", text(tiny, "units.csv"));
    const p = onlyError(files);
    expect([...where(p), p.message]).toEqual([
      "encoding-mismatch",
      "units.csv:4:19",
      'the file is UTF-8 but dataset.json declares "encoding": "latin1": accented letters would be garbled',
    ]);
  });

  it("a byte that Windows-1252 leaves undefined (it became U+FFFD silently)", () => {
    const units = Buffer.from(text(tiny, "units.csv"), "latin1");
    units[units.indexOf(Buffer.from("UGEL Bagua")) + 4] = 0x81;
    const p = onlyError(withFile(latin1(), "units.csv", units));
    expect(where(p)).toEqual(["bad-encoding", "units.csv:3:12"]);
  });
});

describe("dataset.json csv.delimiter", () => {
  it('is ",", ";", tab or "|" (a quote, a line break or "." broke every row confusingly)', () => {
    for (const delimiter of ['"', "\n", ".", "a"]) {
      const config = text(tiny, "dataset.json").replace(
        '"synthetic": true,',
        `"synthetic": true, "csv": {"delimiter": ${JSON.stringify(delimiter)}},`,
      );
      const found = errors(withFile(tiny, "dataset.json", config)).found;
      expect([delimiter, found[0]?.code, found[0]?.message]).toEqual([
        delimiter,
        "bad-schema",
        'csv.delimiter: must be ",", ";", "\\t" (tab) or "|"',
      ]);
    }
  });
});

describe("validate's own output", () => {
  it("shows a name's control characters escaped in every message, warnings included", () => {
    const units = text(tiny, "units.csv").replace("UGEL Aija", "UGEL \u001b[2K\u001b[1AAija");
    const found = parseDataset(withFile(tiny, "units.csv", units)).problems;
    expect(found.map((p) => p.code)).toEqual(expect.arrayContaining(["bad-name", "missing-month"]));
    for (const problem of found)
      expect([problem.code, problem.message]).not.toEqual([problem.code, expect.stringContaining("\u001b")]);
    expect(found.find((p) => p.code === "missing-month")?.message).toContain("UGEL \\u001b[2K\\u001b[1AAija");
  });
});

describe("dataset.json: licence, source and time zone", () => {
  const config = text(tiny, "dataset.json");
  const withKeys = (keys: string) => withFile(tiny, "dataset.json", config.replace(/^\{/, `{${keys},`));

  it("keeps licences and sources (a title, or {title, name, path}) for the open data", () => {
    const { dataset } = errors(
      withKeys(
        '"license": {"name": "CC-BY-4.0", "title": "Atribución 4.0", "path": "https://creativecommons.org/licenses/by/4.0/"},' +
          '"sources": ["Monitoreo Semáforo Escuela", {"title": "MINEDU", "path": "https://www.minedu.gob.pe/"}]',
      ),
    );
    expect(dataset?.config.licenses).toEqual([
      { name: "CC-BY-4.0", title: "Atribución 4.0", path: "https://creativecommons.org/licenses/by/4.0/" },
    ]);
    expect(dataset?.config.sources).toEqual([
      { title: "Monitoreo Semáforo Escuela" },
      { title: "MINEDU", path: "https://www.minedu.gob.pe/" },
    ]);
    expect(dataset?.config.timeZone).toBe("America/Lima");
  });

  it("refuses a link that is not a web address (it becomes a link on the public site)", () => {
    for (const path of ["javascript:alert(1)", "file:///etc/passwd", "data:text/html,<script>x</script>"]) {
      const p = onlyError(withKeys(`"license": {"title": "Libre", "path": ${JSON.stringify(path)}}`));
      expect(p.code).toBe("bad-schema");
      expect(p.message).toContain("must be a web address starting with https://");
      expect(p.line).toBe(1);
    }
  });

  it('says what a licence without a title lacks (it was "Invalid input")', () => {
    const { found, dataset } = errors(
      withKeys('"license": {"name": "CC-BY", "path": "javascript:alert(1)"}'),
    );
    expect(dataset).toBeNull();
    expect(found.map((p) => p.message)).toEqual([
      expect.stringContaining("license.title: is missing"),
      expect.stringContaining("must be a web address starting with https://"),
    ]);
  });

  it("takes an IANA time zone and refuses another", () => {
    expect(errors(withKeys('"timeZone": "America/Bogota"')).dataset?.config.timeZone).toBe("America/Bogota");
    const p = onlyError(withKeys('"timeZone": "Peru/Lima"'));
    expect(p.message).toContain('must be an IANA time zone such as "America/Lima"');
  });
});

describe("a good-practice story in two languages", () => {
  it("reads title_en and the English body after <!-- en -->", () => {
    const { dataset } = errors(
      withStory(`${FRONT}\ntitle_en: A good start`, "Una historia.\n\n<!-- en -->\n\nA story.\n"),
    );
    const stored = dataset?.goodPractices.find((g) => g.file === story);
    expect(stored).toMatchObject({
      title: "Buen inicio",
      body: "Una historia.\n",
      english: { title: "A good start", body: "A story.\n" },
    });
  });

  it("refuses half a translation, at its place", () => {
    const titleOnly = onlyError(withStory(`${FRONT}\ntitle_en: A good start`));
    expect(where(titleOnly)).toEqual(["half-translated-story", `${story}:6:1`]);
    const bodyOnly = onlyError(withStory(FRONT, "Una historia.\n<!-- en -->\nA story.\n"));
    expect(where(bodyOnly)).toEqual(["half-translated-story", `${story}:8:1`]);
  });

  it("applies the rule for names to title_en", () => {
    const p = onlyError(
      withStory(`${FRONT}\ntitle_en: "A good\\r\\nBcc: x@evil.example"`, "Una.\n<!-- en -->\nOne.\n"),
    );
    expect(p.code).toBe("bad-name");
  });
});
