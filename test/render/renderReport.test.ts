import { describe, expect, it } from "@jest/globals";
import { buildViews } from "../../src/compute/buildViews.js";
import type { ReportView } from "../../src/model.js";
import { buildPageContext } from "../../src/render/context/buildPageContext.js";
import { GeoCache } from "../../src/render/maps/GeoCache.js";
import { renderIndex } from "../../src/render/renderIndex.js";
import { renderReport } from "../../src/render/renderReport.js";
import { expectGolden } from "../helpers/golden.js";
import { makeSampleViews, TINY_UNITS } from "../helpers/sampleViews.js";
import { messagesOf } from "../helpers/messages.js";
import { readTinyDataset } from "../helpers/tiny.js";
import { outline, tags, templatesOnce, tinyContext, tinyTopology } from "./support.js";

function byLevel(views: ReportView[], level: ReportView["level"]): ReportView {
  const found = views.find((v) => v.level === level);
  if (!found) throw new Error(`no ${level} view`);
  return found;
}

describe("renderReport with sample views (2 DRE × 3 UGEL)", () => {
  const views = makeSampleViews(TINY_UNITS);
  const context = tinyContext();

  it("renders a district report: cover with the summary table, 7 indicator sections with their figures, practices, schools, method", () => {
    const view = views.find((v) => v.code === "010002")!;
    const html = renderReport(view, context);
    expect(html.startsWith("<!doctype html>")).toBe(true);
    expect(html).toContain('<html lang="es">');
    expect(html.match(/<section class="ind"/g)).toHaveLength(7);
    expect(html.match(/class="chart bullet-chart"/g)).toHaveLength(7);
    expect(html.match(/class="chart trend-chart"/g)).toHaveLength(7);
    expect(html.match(/class="chart bar-chart"/g)).toHaveLength(7);
    expect(html.match(/class="map choropleth"/g)).toHaveLength(7);
    // The cover's semáforo is the summary table: value, change, minimum, target and status.
    const semaforo = html.slice(html.indexOf('class="data semaforo-table"'), html.indexOf("</table>"));
    expect(tags(semaforo, "tr").filter((t) => t === "<tr>")).toHaveLength(8); // head + 7
    expect(html.match(/class="data semaforo-table"/g)).toHaveLength(1);
    // Status icons are CSS-shaped inline boxes, with a rule per status and size; no SVG <use>,
    // <pattern> fills or stroked-text halos (all costly in print).
    expect(html).toMatch(
      /<i class="si si-14 si-(green|amber|red|referential|no-data)" aria-hidden="true"><\/i>/,
    );
    for (const status of ["green", "amber", "red", "referential", "no-data"])
      expect(html).toContain(`.si-${status} {`);
    for (const size of [10, 12, 14]) expect(html).toContain(`.si-${size} {`);
    expect(html).not.toMatch(/<use|<symbol|<pattern|status-icon/);
    expect(html).not.toContain("paint-order");
    expect(html).toContain("UGEL Bagua");
    expect(html).toContain("DRE Amazonas");
    expect(html).toContain("octubre de 2026");
    expect(html).toContain("Datos sintéticos");
    expect(html).toContain("Límites: INEI (2007), IGN; procesado de juaneladio/peru-geojson (MPL-2.0).");
    expect(html).toContain('class="data schools-table"');
    expect(html).toContain("Buenas prácticas");
    expect(html).toContain("@font-face{font-family:'Source Sans 3'");
    expect(html).toMatch(/@page \{\s+size: A4 portrait;/);
    // The running header and footer: the report's own page margin boxes, texts CSS-escaped.
    expect(html).toContain('@top-left { content: "UGEL Bagua"; }');
    expect(html).toContain('@top-right { content: "octubre de 2026"; }');
    expect(html).toContain('@bottom-center { content: "P\\E1 gina " counter(page) " de " counter(pages); }');
    // Nothing is fetched: no external URL other than the SVG namespace.
    expect(html.replace(/xmlns="http:\/\/www\.w3\.org\/2000\/svg"/g, "")).not.toMatch(
      /(src|href)="?(https?:|file:|\/\/)/,
    );
  });

  it("renders a region report with the heat table and a ranking per indicator", () => {
    const html = renderReport(
      views.find((v) => v.code === "020000")!,
      context,
    );
    expect(html).toContain('class="data heat-table"');
    expect(
      tags(html, "tr").filter((t) => t === "<tr>" || t === '<tr class="self">').length,
    ).toBeGreaterThanOrEqual(3);
    expect(html.match(/class="chart bar-chart"/g)).toHaveLength(14); // comparison + ranking × 7
    expect(html.match(/class="map choropleth"/g)).toHaveLength(7);
    expect(html).not.toContain('class="data schools-table"');
  });

  it("renders the national report: league table, two maps, ranking and top/bottom lists per indicator", () => {
    const html = renderReport(byLevel(views, "national"), context);
    expect(html).toContain("Tabla de posiciones de las regiones");
    expect(html.match(/class="map choropleth"/g)).toHaveLength(14);
    expect(html.match(/class="data rank-list"/g)).toHaveLength(14);
    expect(html).toMatch(/Las \d+ UGEL con mejor valor \(ordenadas por valor\)/);
  });

  it("renders in English with the English strings", () => {
    const english = { ...byLevel(views, "district"), locale: "en" as const };
    const html = renderReport(english, tinyContext("en"));
    expect(html).toContain('<html lang="en">');
    expect(html).toContain("This month&#x27;s traffic light");
    expect(html).toContain("How to read this report and methodology");
    expect(html).not.toContain("Semáforo del mes");
  });

  it("builds a JSON-serialisable template context (no functions, no undefined)", () => {
    const page = buildPageContext(
      views.find((v) => v.code === "010001")!,
      {
        messages: messagesOf("es"),
        geo: new GeoCache(tinyTopology(), { regions: "regions", districts: "districts" }),
        generatedAt: "2026-11-05T14:30:00Z",
      },
    );
    const json = JSON.stringify(page);
    expect(JSON.parse(json)).toEqual(page);
    // The figures' month, not the clock: the same whenever (and however often) the report is built.
    expect(page.cover.generated).toBe("Cifras al cierre de octubre de 2026");
  });

  it("renders the preview index with a link per report", () => {
    const html = renderIndex(
      views.map((view) => ({ view, href: `/${view.level}/${view.code}.html` })),
      {
        templates: templatesOnce(),
        messages: messagesOf("es"),
        locale: "es",
        periodLabel: "octubre de 2026",
        datasetName: "tiny",
      },
    );
    expect(html).toContain("Reportes de octubre de 2026");
    expect(tags(html, "a").map((a) => /href="([^"]*)"/.exec(a)?.[1])).toEqual([
      "/national/PE.html",
      "/region/010000.html",
      "/region/020000.html",
      "/district/010001.html",
      "/district/010002.html",
      "/district/010003.html",
      "/district/020001.html",
      "/district/020002.html",
      "/district/020003.html",
    ]);
  });
});

describe("renderReport with the real views of fixtures/tiny (2026-05)", () => {
  it("matches the golden structural outline of each level", async () => {
    const dataset = await readTinyDataset();
    const views = buildViews(dataset, "2026-05", { locale: "es", messages: messagesOf("es") });
    const context = tinyContext();
    for (const level of ["national", "region", "district"] as const) {
      const html = renderReport(byLevel(views, level), context);
      expectGolden(`render-tiny-${level}.outline.txt`, outline(html));
    }
  });
});
