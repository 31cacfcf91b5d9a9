import { describe, expect, it } from "@jest/globals";
import { startPreview } from "../../src/preview/startPreview.js";
import { messagesOf } from "../helpers/messages.js";
import { readTinyDataset } from "../helpers/tiny.js";

describe("semaforo preview and the enabling team's brief", () => {
  it("lists and serves the brief when recipients.csv has a team row, as the build makes it", async () => {
    const dataset = await readTinyDataset();
    const without = await startPreview({ dataset, period: "2026-05", locales: ["es"], port: 0 });
    try {
      expect(await (await fetch(without.url)).text()).not.toContain("/team/PE.es.html");
    } finally {
      await without.close();
    }
    dataset.recipients.push({
      level: "team",
      code: "PE",
      name: "Equipo de acompañamiento",
      email: "equipo@example.org",
      language: "es",
    });
    const preview = await startPreview({ dataset, period: "2026-05", locales: ["es", "en"], port: 0 });
    try {
      const index = await (await fetch(preview.url)).text();
      expect(index).toContain('href="/team/PE.es.html"');
      expect(index).toContain(messagesOf("es")["team.title"]);
      expect(index).toContain("10 reportes");
      const brief = await fetch(new URL("/team/PE.en.html", preview.url));
      expect(brief.status).toBe(200);
      // As Handlebars escapes it ("Enabling team&#x27;s monthly brief").
      expect(await brief.text()).toContain(messagesOf("en")["team.title"]?.replace("'", "&#x27;"));
      // The count the console prints is the index's: one per unit and the brief, each in es and en.
      expect(preview.reports).toBe(1 + 2 + 6 + 1);
      expect(preview.languages).toEqual(["es", "en"]);
    } finally {
      await preview.close();
    }
  });
});
