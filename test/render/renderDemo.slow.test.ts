import { beforeAll, describe, expect, it } from "@jest/globals";
import { defaultBuildEffects } from "../../src/build/defaultBuildEffects.js";
import type { Dataset, ReportView } from "../../src/model.js";

// Every report of the demo month, rendered with the real templates, as the build does it.
let views: ReportView[];
let html: Map<string, string>;

beforeAll(async () => {
  const effects = defaultBuildEffects();
  const { dataset } = await effects.readDataset("fixtures/demo");
  const messages = await effects.readMessages("es");
  views = effects.buildViews(dataset as Dataset, "2026-10", { locale: "es", messages });
  const { render } = await effects.makeRenderer(dataset as Dataset, messages, "2026-11-05T15:00:00.000Z");
  html = new Map(views.map((view) => [`${view.level}/${view.code}`, render(view)]));
}, 120_000);

/** The text a reader sees: tags, comments and the embedded font CSS removed. */
const visibleText = (page: string) =>
  page
    .replace(/<style[\s\S]*?<\/style>/g, " ")
    .replace(/<[^>]+>/g, " ")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ");

describe("the HTML of every demo report of 2026-10", () => {
  it("renders all 251 reports, each naming its unit and every indicator", () => {
    expect(html.size).toBe(251);
    for (const view of views) {
      const text = visibleText(html.get(`${view.level}/${view.code}`)!);
      expect(text).toContain(view.name);
      for (const indicator of view.indicators) expect(text).toContain(indicator.label);
    }
  });

  it("never shows undefined, NaN, Infinity or an unfilled {placeholder}", () => {
    for (const [id, page] of html) {
      const text = visibleText(page);
      const bad = /\b(undefined|NaN|Infinity|null)\b|\{[a-zA-Z]+\}/.exec(text);
      expect(bad ? `${id}: …${text.slice(Math.max(0, bad.index - 60), bad.index + 40)}…` : null).toBeNull();
    }
  });

  it("loads nothing from outside: no http(s), file or protocol-relative URL in any attribute or CSS", () => {
    for (const [id, page] of html) {
      const external =
        /(?:src|href)\s*=\s*["']?(?:https?:|file:|\/\/)|url\(\s*["']?(?:https?:|file:|\/\/)/i.exec(page);
      expect(external ? `${id}: ${page.slice(external.index, external.index + 80)}` : null).toBeNull();
    }
  });

  it("never has two identical labels in one ranking or comparison (DRE AMAZONAS: Río Santiago and Cenepa)", () => {
    let charts = 0;
    for (const [id, page] of html) {
      for (const svg of page.match(/<svg[^>]*class="chart bar-chart"[\s\S]*?<\/svg>/g) ?? []) {
        charts += 1;
        const labels = [...svg.matchAll(/<text[^>]*class="bar-label"[^>]*>([^<]*)<\/text>/g)].map(
          (m) => m[1],
        );
        const repeated = labels.filter((label, i) => labels.indexOf(label) !== i);
        expect(repeated.length ? `${id}: ${repeated.join(", ")}` : null).toBeNull();
      }
    }
    expect(charts).toBeGreaterThan(1500);
    const amazonas = html.get("region/010000")!;
    expect(amazonas).toContain("UGEL INTERCULTURAL B… CENEPA");
  });

  it("gives a district without visits this month the short report: no indicator sections", () => {
    const empty = views.filter((view) => view.noVisits);
    expect(empty.length).toBeGreaterThan(0);
    for (const view of empty) {
      const page = html.get(`district/${view.code}`)!;
      expect(page).not.toContain('<section class="ind"');
      expect(visibleText(page)).toContain("Sin visitas este mes");
    }
  });
});
