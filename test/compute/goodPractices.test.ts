import { describe, expect, it } from "@jest/globals";
import { renderMarkdown } from "../../src/compute/renderMarkdown.js";
import {
  makeDataset,
  makeDistrict,
  makeGoodPractice,
  makeIndicator,
  makeResult,
  makeTarget,
} from "../helpers/builders.js";
import { viewOf } from "./support.js";

describe("renderMarkdown (untrusted stories)", () => {
  it("keeps paragraphs, lists, emphasis and headings", () => {
    expect(renderMarkdown("Hola *mundo* y **todos**.\n\n- uno\n- dos\n\n1. a\n\n> cita")).toBe(
      "<p>Hola <em>mundo</em> y <strong>todos</strong>.</p>\n<ul>\n<li>uno</li>\n<li>dos</li>\n</ul>\n<ol>\n<li>a</li>\n</ol>\n<blockquote>\n<p>cita</p>\n</blockquote>",
    );
    expect(renderMarkdown("# Título\n\n#### Sub")).toBe("<h3>Título</h3>\n<h4>Sub</h4>");
  });

  it("turns links into plain text and drops images, raw HTML, scripts, styles and iframes", () => {
    const html = renderMarkdown(
      [
        "Ver [el informe](https://evil.example/x) y <https://evil.example/y>.",
        "",
        "![foto](https://evil.example/t.png)",
        "",
        '<script>alert("x")</script><style>p{}</style><iframe src="https://evil.example"></iframe>',
        "",
        '<p onclick="steal()" style="color:red">texto <a href="javascript:x()">aquí</a> <img src=x onerror=alert(1)></p>',
      ].join("\n"),
    );
    expect(html).not.toMatch(
      /<a|<img|<script|<style|<iframe|href|src=|onclick|onerror|style=|alert|evil\.example\/t/,
    );
    expect(html).toContain("Ver el informe y https://evil.example/y.");
    expect(html).toContain("<p>texto aquí </p>");
  });
});

describe("good practices in views", () => {
  const districts = [makeDistrict("010001"), makeDistrict("010002"), makeDistrict("020001", "020000")];
  const indicators = [makeIndicator({ id: "a" }), makeIndicator({ id: "b" })];
  const stories = [
    makeGoodPractice({ file: "gp/1.md", district: "020001", indicator: "a", period: "2026-05" }),
    makeGoodPractice({ file: "gp/2.md", district: "010002", indicator: "b", period: "2026-03" }),
    makeGoodPractice({ file: "gp/3.md", district: "010002", indicator: "a", period: "2026-04" }),
    makeGoodPractice({ file: "gp/4.md", district: "020001", indicator: "b", period: "2026-04" }),
    makeGoodPractice({ file: "gp/5.md", district: "010001", indicator: "b", period: "2026-06" }), // future
  ];
  const dataset = makeDataset({
    districts,
    indicators,
    // 010001: a is red (70), b is green (95).
    results: [
      makeResult({ districtCode: "010001", indicator: "a", value: 70 }),
      makeResult({ districtCode: "010001", indicator: "b", value: 95 }),
    ],
    targets: [makeTarget({ indicator: "a", target: 90 }), makeTarget({ indicator: "b", target: 90 })],
    goodPractices: stories,
  });

  it("shows at most 3: weak indicators first, then own region, then the most recent; never future ones", () => {
    const view = viewOf(dataset, "010001");
    // a is red → stories about a first: own region (3) before other region (1); then b: own region (2), …
    expect(view.goodPractices.map((story) => story.indicator + ":" + story.district.code)).toEqual([
      "a:010002",
      "a:020001",
      "b:010002",
    ]);
    expect(view.goodPractices[0]).toMatchObject({
      region: { level: "region", code: "010000" },
      periodLabel: "abril de 2026",
      indicatorLabel: "Indicador a",
      html: "<p>Una <em>buena</em> práctica.</p>",
    });
  });

  it("ranks the most recent first when relevance is equal (national view: every story is own)", () => {
    const view = viewOf(dataset, "PE"); // national: a is red, b is green (only 010001 has data)
    expect(view.goodPractices.map((story) => story.title)).toEqual([
      "Historia de 020001", // a, 2026-05
      "Historia de 010002", // a, 2026-04
      "Historia de 020001", // b, 2026-04
    ]);
  });
});

describe("a story's English version", () => {
  const dataset = makeDataset({
    districts: [makeDistrict("010001")],
    indicators: [makeIndicator({ id: "a" })],
    results: [makeResult({ districtCode: "010001", indicator: "a", value: 70 })],
    targets: [makeTarget({ indicator: "a", target: 90 })],
    goodPractices: [
      makeGoodPractice({
        file: "good-practices/translated.md",
        district: "010001",
        indicator: "a",
        period: "2026-04",
        title: "Agua segura",
        body: "Una *buena* práctica.",
        english: { title: "Safe water", body: "A *good* practice." },
      }),
      makeGoodPractice({
        file: "good-practices/spanish.md",
        district: "010001",
        indicator: "a",
        period: "2026-03",
        title: "Solo en castellano",
        body: "Texto.",
      }),
    ],
  });

  it("is shown in English reports; a story without one stays in Spanish and says so", () => {
    const english = viewOf(dataset, "010001", "2026-05", "en").goodPractices;
    expect(english.map((g) => [g.title, g.language, g.html])).toEqual([
      ["Safe water", "en", "<p>A <em>good</em> practice.</p>"],
      ["Solo en castellano", "es", "<p>Texto.</p>"],
    ]);
    const spanish = viewOf(dataset, "010001", "2026-05", "es").goodPractices;
    expect(spanish.map((g) => [g.title, g.language])).toEqual([
      ["Agua segura", "es"],
      ["Solo en castellano", "es"],
    ]);
  });
});
