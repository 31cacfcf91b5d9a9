import { describe, expect, it } from "@jest/globals";
import { barChart } from "../../src/render/charts/barChart.js";
import { bulletChart } from "../../src/render/charts/bulletChart.js";
import { trendChart, type TrendPoint } from "../../src/render/charts/trendChart.js";
import { attr, tags } from "./support.js";

const tick = (v: number): string => `${v}%`;

function svgBasics(svg: string, title: string): void {
  const open = tags(svg, "svg")[0] ?? "";
  expect(attr(open, "role")).toBe("img");
  expect(attr(open, "viewBox")).toMatch(/^0 0 \d+(\.\d)? \d+(\.\d)?$/);
  expect(attr(open, "width")).toBeDefined();
  expect(attr(open, "height")).toBeDefined();
  expect(attr(open, "aria-label")).toBe(title);
  expect(svg).toContain(`<title>${title}</title>`);
  expect(svg.endsWith("</svg>")).toBe(true);
}

describe("bulletChart", () => {
  const base = {
    title: "Asistencia: 82,1 %",
    better: "higher" as const,
    value: 82.1,
    valueText: "82.1%",
    status: "red" as const,
    minimum: 87,
    target: 92,
    minimumLabel: "Límite 87.0%",
    targetLabel: "Meta 92.0%",
    noDataLabel: "Sin datos este mes",
    formatTick: tick,
  };

  it("draws one value bar, a dashed minimum tick, a target tick, three bands and real text", () => {
    const svg = bulletChart(base);
    svgBasics(svg, base.title);
    expect(tags(svg, "rect").filter((r) => r.includes('class="value-bar"'))).toHaveLength(1);
    // Three bands, the value bar and the white box under the target's label.
    expect(tags(svg, "rect")).toHaveLength(5);
    expect(tags(svg, "path").filter((p) => p.includes('class="minimum-tick"'))[0]).toContain(
      "stroke-dasharray",
    );
    expect(svg).toContain('class="target-tick"');
    for (const text of ["82.1%", "Meta 92.0%", "Límite 87.0%", "0%", "100%"])
      expect(svg).toContain(`>${text}</text>`);
  });

  it("draws no bar and says so when the value is missing", () => {
    const svg = bulletChart({ ...base, value: null, valueText: "—", status: "no-data" });
    expect(svg).not.toContain('class="value-bar"');
    expect(svg).toContain(">Sin datos este mes</text>");
  });

  it("escapes its labels", () => {
    const svg = bulletChart({ ...base, title: "<script>x</script>", targetLabel: "</text><foreignObject>" });
    expect(svg).not.toMatch(/<script|<foreignObject/);
    expect(svg).toContain("&lt;/text&gt;&lt;foreignObject&gt;");
  });
});

describe("trendChart", () => {
  const point = (month: string, value: number | null): TrendPoint => ({
    month,
    year: month === "ene." ? "2026" : "",
    value,
    valueText: value === null ? "—" : `${value}%`,
    status: value === null ? "no-data" : value >= 90 ? "green" : "amber",
  });
  const points = [
    point("nov.", 88),
    point("dic.", 89),
    point("ene.", null),
    point("feb.", null),
    point("mar.", 91),
    point("abr.", 92.5),
  ];
  const input = {
    title: "Tendencia",
    points,
    target: 90,
    targetLabel: "Meta 90%",
    gapLabel: "s/d",
    formatTick: tick,
  };

  it("breaks the line at gaps (two M commands) and never draws them as zero", () => {
    const svg = trendChart(input);
    svgBasics(svg, "Tendencia");
    const line = tags(svg, "path").find((p) => p.includes('class="trend-line"')) ?? "";
    const d = attr(line, "d") ?? "";
    expect(d.match(/M/g)).toHaveLength(2);
    // 4 months with data = 4 points; the y of a zero would be the bottom of the plot: not present.
    expect(d.match(/[ML]/g)).toHaveLength(4);
    // One group holds the 4 marks (a status shape each), not a group per mark.
    const marks = /<g class="points">(.*?)<\/g>/.exec(svg)?.[1] ?? "";
    expect(marks.match(/<(circle|path|rect) /g)).toHaveLength(4);
    expect(svg.match(/<g /g)).toHaveLength(1);
    expect(tags(svg, "rect").filter((r) => r.includes('class="gap"'))).toHaveLength(2);
    expect(svg.match(/>s\/d<\/text>/g)).toHaveLength(2);
  });

  it("draws the dashed target line and labels every month and the last value", () => {
    const svg = trendChart(input);
    expect(tags(svg, "path").find((p) => p.includes('class="target-line"'))).toContain("stroke-dasharray");
    for (const m of ["nov.", "dic.", "ene.", "feb.", "mar.", "abr.", "2026", "Meta 90%", "92.5%"])
      expect(svg).toContain(`>${m}</text>`);
  });

  it("keeps one line without gaps and draws nothing for an empty series", () => {
    const full = trendChart({ ...input, points: points.filter((p) => p.value !== null) });
    const d = attr(tags(full, "path").find((p) => p.includes('class="trend-line"')) ?? "", "d") ?? "";
    expect(d.match(/M/g)).toHaveLength(1);
    const empty = trendChart({ ...input, points: [point("ene.", null)], target: null });
    expect(empty).not.toContain('class="trend-line"');
  });
});

describe("barChart", () => {
  const items = [
    { label: "UGEL Cusco", value: 82.1, valueText: "82.1%", status: "red" as const, rank: "2", self: true },
    {
      label: "UGEL <b>Anta</b> & Calca",
      value: 94,
      valueText: "94.0%",
      status: "green" as const,
      rank: "1",
      self: false,
    },
    { label: "UGEL Acomayo", value: null, valueText: "—", status: "no-data" as const, rank: "", self: false },
    { label: "DRE Cusco", value: 88, valueText: "88.0%", status: "amber" as const, rank: "", self: false },
  ];
  const input = { title: "Comparación", items, target: 92, targetLabel: "Meta 92%", formatTick: tick };

  it("draws one bar per unit with a value, one row per unit, and the own unit highlighted", () => {
    const svg = barChart(input);
    svgBasics(svg, "Comparación");
    expect(tags(svg, "rect").filter((r) => r.includes('class="bar"'))).toHaveLength(3);
    expect(tags(svg, "rect").filter((r) => r.includes('class="self"'))).toHaveLength(1);
    expect(svg).toContain('font-weight="700" fill="#1f1f1f">UGEL Cusco</text>');
    expect(svg).toContain(">—</text>");
    expect(svg).toContain(">Meta 92%</text>");
    // Lean: no row groups, no white label boxes, one grid path, and text only for 4 labels, 2 ranks,
    // 4 values, ticks 0/50/100 and the target.
    expect(svg).not.toContain("<g");
    expect(tags(svg, "rect").filter((r) => r.includes('fill="#ffffff"'))).toHaveLength(0);
    expect(tags(svg, "text")).toHaveLength(14);
    expect(tags(svg, "path").filter((p) => p.includes('class="grid"'))).toHaveLength(1);
  });

  it("writes every value right-aligned in one column at the right edge", () => {
    const svg = barChart({ ...input, width: 400 });
    for (const value of ["82.1%", "94.0%", "—", "88.0%"]) {
      const text = new RegExp(`<text[^>]*>${value}</text>`).exec(svg)?.[0] ?? "";
      expect(attr(text, "x")).toBe("398");
      expect(attr(text, "text-anchor")).toBe("end");
    }
  });

  it("escapes unit names and clips long ones", () => {
    const svg = barChart({ ...input, labelChars: 20 });
    expect(svg).not.toContain("<b>");
    expect(svg).toContain(">UGEL &lt;b&gt;Anta&lt;/b&gt; &amp;…</text>");
  });
});
