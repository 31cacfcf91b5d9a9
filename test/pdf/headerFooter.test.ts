import { describe, expect, it } from "@jest/globals";
import { checkVisibleText } from "../../src/pdf/checkVisibleText.js";
import { footerTemplate, headerTemplate } from "../../src/pdf/headerFooter.js";
import { findChromium } from "../../src/pdf/findChromium.js";

describe("header and footer templates", () => {
  const text = {
    unit: `UGEL <img src=x onerror="alert(1)"> & Cía`,
    period: "octubre de 2026",
    pageLabel: "Página {page} de {pages}",
  };

  it("escapes the unit name (data, not markup)", () => {
    const header = headerTemplate(text);
    expect(header).not.toContain("<img");
    expect(header).toContain("UGEL &#60;img src=x onerror=&#34;alert(1)&#34;&#62; &#38; Cía");
    expect(header).toContain("octubre de 2026");
  });

  it("puts Chromium's page number classes into the localized label", () => {
    expect(footerTemplate(text)).toContain(
      'Página <span class="pageNumber"></span> de <span class="totalPages"></span>',
    );
    expect(footerTemplate({ ...text, pageLabel: "Page {page} of {pages}" })).toContain(
      'Page <span class="pageNumber"></span> of <span class="totalPages"></span>',
    );
  });
});

describe("checkVisibleText", () => {
  it("finds texts whatever their case, spacing or soft hyphens", () => {
    expect(
      checkVisibleText("REPORTE DE UGEL\nUGEL BONGARÁ\nAsistencia   de\nestudiantes", [
        "UGEL Bongará",
        "Asistencia de estudiantes",
      ]),
    ).toEqual([]);
    expect(checkVisibleText("Docen\u00adtes ausentes", ["Docentes ausentes"])).toEqual([]);
  });

  it("lists what is missing", () => {
    expect(checkVisibleText("UGEL Bagua", ["UGEL Bongará", "UGEL Bagua", "Docentes"])).toEqual([
      "UGEL Bongará",
      "Docentes",
    ]);
    expect(checkVisibleText("", ["UGEL Bagua"])).toEqual(["UGEL Bagua"]);
  });
});

describe("findChromium", () => {
  it("prefers PUPPETEER_EXECUTABLE_PATH, then the system paths", () => {
    const exists = (p: string) => p === "/opt/chrome/chrome" || p === "/usr/bin/chromium";
    expect(findChromium({ PUPPETEER_EXECUTABLE_PATH: "/opt/chrome/chrome" }, exists)).toEqual({
      path: "/opt/chrome/chrome",
      source: "PUPPETEER_EXECUTABLE_PATH",
    });
    expect(findChromium({ PUPPETEER_EXECUTABLE_PATH: "/nope" }, exists)).toEqual({
      path: "/usr/bin/chromium",
      source: "system",
    });
  });

  it("says what it tried and how to install one when there is none", () => {
    let caught: unknown;
    try {
      findChromium({ PUPPETEER_CACHE_DIR: "/nonexistent-cache" }, () => false);
    } catch (error) {
      caught = error;
    }
    expect(caught).toMatchObject({ code: "no-browser", exitCode: 2 });
    expect((caught as Error).message).toContain("/usr/bin/chromium");
    expect((caught as { hint: string }).hint).toContain("PUPPETEER_EXECUTABLE_PATH");
  });
});

describe("page margins", () => {
  it("equal the templates' @page margins (Chromium draws the header and footer inside them)", async () => {
    const { readFileSync } = await import("node:fs");
    const { PAGE_MARGINS } = await import("../../src/pdf/launchPrinter.js");
    const css = readFileSync("templates/partials/styles.hbs", "utf8");
    const margin = /@page\s*\{[^}]*margin:\s*([^;]+);/.exec(css)?.[1]?.trim();
    const { top, right, bottom, left } = PAGE_MARGINS;
    expect(margin).toBe(`${top} ${right} ${bottom} ${left}`);
  });
});
