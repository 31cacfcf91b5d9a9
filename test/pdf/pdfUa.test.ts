import { describe, expect, it } from "@jest/globals";
import { failedPdfUaRequirements, untaggedPaintOps, type PdfUaFacts } from "../helpers/pdfUa.js";

describe("untaggedPaintOps (the PDF/UA check's reading of a content stream)", () => {
  it("counts painting outside every marked-content sequence, not inside tags or artifacts", () => {
    const content = [
      "q 1 1 1 rg 0 0 595 842 re f Q", // a page background: outside (1)
      "BT /F1 10 Tf 1 0 0 1 40 800 Tm <0016> Tj ET", // a running header: outside (2)
      "/P <</MCID 0>> BDC BT (a (nested) \\) EMC string) Tj ET EMC", // tagged text
      "/Artifact BMC 0 0 10 10 re S EMC", // an artifact
      "/Span <</MCID 1>> BDC /Im1 Do EMC", // a tagged image
      "[(x) 120 (y)] TJ", // outside (3)
      "BI /W 1 /H 1 ID \u0000EMC\u0000 EI", // an inline image, outside (4); its bytes are skipped
    ].join("\n");
    expect(untaggedPaintOps(content)).toBe(4);
  });

  it("finds nothing in content that is all tagged or artifact", () => {
    expect(untaggedPaintOps("/Artifact BMC q 0 0 1 1 re f Q EMC /P <</MCID 3>> BDC BT <01> Tj ET EMC")).toBe(
      0,
    );
  });
});

describe("failedPdfUaRequirements", () => {
  const met: PdfUaFacts = {
    pdfUaPart: null,
    marked: true,
    suspects: false,
    lang: "es-PE",
    displayDocTitle: true,
    xmpTitle: true,
    figures: 3,
    figuresWithoutAlt: 0,
    headerCells: 4,
    headerCellsWithoutScope: 0,
    headings: 2,
    skippedHeadingLevels: [],
    fontsNotEmbedded: [],
    fontsWithoutUnicode: [],
    annotations: 0,
    pagesWithAnnotationsNoTabs: 0,
    untaggedPaintOps: [0, 0],
    listItemsNotLblLBody: 0,
    tablesWithOtherChildren: 0,
  };

  it("is empty when every checked requirement is met", () => {
    expect(failedPdfUaRequirements(met)).toEqual([]);
  });

  it("names each failure by its Matterhorn number", () => {
    const failed = failedPdfUaRequirements({
      ...met,
      untaggedPaintOps: [80, 0, 50],
      listItemsNotLblLBody: 2,
      tablesWithOtherChildren: 1,
      figuresWithoutAlt: 1,
      lang: null,
    });
    expect(failed.map((f) => f.slice(0, 6))).toEqual(["01-005", "09-005", "09-004", "11-001", "13-004"]);
    expect(failed[0]).toBe(
      "01-005 content neither tagged nor an artifact: 130 painting operators on 2 of 3 pages",
    );
  });
});
