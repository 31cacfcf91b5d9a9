import { beforeAll, describe, expect, it } from "@jest/globals";
import { readFileSync } from "node:fs";
import { defaultBuildEffects } from "../../src/build/defaultBuildEffects.js";
import type { Dataset } from "../../src/model.js";
import { englishVisibleText, findPhrases, spanishPhrases } from "./spanishLeft.js";

// Every report of the demo month rendered in English, as a build with `--lang en` renders it.
let html: Map<string, string>;
const es = JSON.parse(readFileSync("templates/locales/es.json", "utf8")) as Record<string, string>;
const en = JSON.parse(readFileSync("templates/locales/en.json", "utf8")) as Record<string, string>;

beforeAll(async () => {
  const effects = defaultBuildEffects();
  const { dataset } = await effects.readDataset("fixtures/demo");
  const messages = await effects.readMessages("en");
  const views = effects.buildViews(dataset as Dataset, "2026-10", { locale: "en", messages });
  const { render } = await effects.makeRenderer(dataset as Dataset, messages, "2026-11-05T15:00:00.000Z");
  html = new Map(views.map((view) => [`${view.level}/${view.code}`, render(view)]));
}, 180_000);

describe("the English copy of every demo report of 2026-10", () => {
  it("finds Spanish phrases where they are (the check can fail)", () => {
    const phrases = spanishPhrases(es, en);
    expect(phrases).toContain("En alerta");
    expect(findPhrases(englishVisibleText("<p>Status: En alerta.</p>"), phrases)).toEqual([
      expect.stringContaining('"En alerta"'),
    ]);
    // A story marked as Spanish is left as written.
    expect(findPhrases(englishVisibleText('<div lang="es"><p>En alerta</p></div>'), phrases)).toEqual([]);
  });

  it("shows no Spanish locale string outside the stories marked as Spanish", () => {
    const phrases = spanishPhrases(es, en);
    expect(html.size).toBe(251);
    const found: string[] = [];
    for (const [id, page] of html) {
      for (const hit of findPhrases(englishVisibleText(page), phrases)) found.push(`${id}: ${hit}`);
    }
    expect(found.slice(0, 20)).toEqual([]);
  });
});
