import { describe, expect, it } from "@jest/globals";
import { headingTexts, retitleOutline } from "../../src/pdf/retitleOutline.js";
import { pdfString } from "../../src/pdf/setPdfInfo.js";

// What Chromium wrote for a brief: the h1 wrapped over two lines lost its space, a heading laid out
// twice (moved to the next page) has its text twice.
const pdf = [
  "1 0 obj\n<</Type /Catalog /Pages 2 0 R /Outlines 10 0 R>>\nendobj",
  "10 0 obj\n<</Type /Outlines /First 11 0 R /Last 11 0 R /Count 3>>\nendobj",
  "11 0 obj\n<</Title (Informe del equipo deacompa) /Parent 10 0 R /First 12 0 R /Last 13 0 R /Dest [3 0 R /XYZ 0 800 0]>>\nendobj",
  "12 0 obj\n<</Title (Fuentes) /Parent 11 0 R /Next 13 0 R /Dest [3 0 R /XYZ 0 700 0]>>\nendobj",
  `13 0 obj\n<</Title ${pdfString("AlertasAlertas")} /Parent 11 0 R /Prev 12 0 R /Dest [3 0 R /XYZ 0 600 0]>>\nendobj`,
].join("\n");
const catalog = "<</Type /Catalog /Pages 2 0 R /Outlines 10 0 R>>";

describe("headingTexts", () => {
  it("reads the headings in order, as a reader reads them", () => {
    const html =
      "<style>h2{}</style><h1>Informe del equipo de\n  acompañamiento</h1><p>x</p>" +
      '<h3><span class="rank">1.</span> UGEL A &amp; B</h3><h2 class="x">Alertas</h2>';
    expect(headingTexts(html)).toEqual(["Informe del equipo de acompañamiento", "1. UGEL A & B", "Alertas"]);
  });

  it("reads from <body> on: the head's style sheets are skipped, a style in the body too", () => {
    const html =
      "<!doctype html><html><head><title>T</title><style>/* <h1>not one</h1> */ h1{}</style></head>" +
      '<body class="level-district"><h1>Uno</h1><style><h2>nor this</h2></style><h2>Dos</h2></body></html>';
    expect(headingTexts(html)).toEqual(["Uno", "Dos"]);
  });
});

describe("retitleOutline", () => {
  it("gives the bookmarks Chromium titled wrong their heading's text, in document order", () => {
    const fixes = retitleOutline(
      pdf,
      catalog,
      ["Informe del equipo de acompañamiento", "Fuentes", "Alertas"],
      pdfString,
    );
    expect(fixes.map((f) => f.ref)).toEqual(["11 0", "13 0"]);
    expect(fixes[0]?.dict).toContain(`/Title ${pdfString("Informe del equipo de acompañamiento")}`);
    expect(fixes[0]?.dict).toContain("/First 12 0 R");
    expect(fixes[1]?.dict).toContain(`/Title ${pdfString("Alertas")} /Parent 11 0 R`);
  });

  it("changes nothing when the headings do not match the bookmarks one to one", () => {
    expect(retitleOutline(pdf, catalog, ["Informe", "Fuentes"], pdfString)).toEqual([]);
  });
});
