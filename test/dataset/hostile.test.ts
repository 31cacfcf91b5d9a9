import { describe, expect, it } from "@jest/globals";
import { parseDataset, type DatasetFiles } from "../../src/dataset/parseDataset.js";
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
import { tinyFiles, withFile } from "./tinyFiles.js";

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
