import { describe, expect, it } from "@jest/globals";
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  indexObjects,
  inspectPdf,
  pdfText,
  PdfStructureError,
  readObjectDict,
  readTrailer,
} from "../../src/pdf/inspectPdf.js";
import { findTool } from "../../src/pdf/findTool.js";
import { pdfString, setPdfInfo } from "../../src/pdf/setPdfInfo.js";
import { minimalPdf } from "./minimalPdf.js";

const info = {
  author: "Semáforo Escuela",
  subject: "UGEL Bongará · octubre de 2026",
  keywords: ["Semáforo Escuela", "district", "010003"],
  language: "es-PE",
  creator: "semaforo-reports 0.1.0",
  date: new Date("2026-11-05T15:30:00Z"),
};

describe("inspectPdf", () => {
  it("reads the page count through trailer → catalog → page tree", () => {
    expect(inspectPdf(minimalPdf(3)).pages).toBe(3);
  });

  it("rejects what is not a PDF, or is cut short", () => {
    expect(() => inspectPdf(Buffer.from("<html></html>"))).toThrow(PdfStructureError);
    const cut = minimalPdf(2).subarray(0, 200);
    expect(() => inspectPdf(cut)).toThrow(/%%EOF/);
  });
});

describe("indexObjects", () => {
  it("finds each object's last definition, as readObjectDict's own scan does", () => {
    // Stamped twice: the catalog and the Info dictionary have three definitions each.
    const text = pdfText(setPdfInfo(setPdfInfo(minimalPdf(3, "Reporte"), info), { ...info, title: "Otro" }));
    const index = indexObjects(text);
    expect(index.size).toBeGreaterThanOrEqual(8);
    for (const ref of index.keys()) {
      expect(readObjectDict(text, ref, index)).toBe(readObjectDict(text, ref));
    }
    expect(readObjectDict(text, readTrailer(text).info ?? "", index)).toContain(pdfString("Otro"));
    expect(() => readObjectDict(text, "99 0", index)).toThrow(/object 99 0 not found/);
  });
});

describe("setPdfInfo", () => {
  it("appends an incremental update: original bytes kept, new Info and catalog with /Lang", () => {
    const original = minimalPdf(2, "Reporte de UGEL");
    const stamped = setPdfInfo(original, info);
    expect(stamped.subarray(0, original.length).equals(original)).toBe(true);
    const text = pdfText(stamped);
    const trailer = readTrailer(text);
    // 1 Info, 2 Catalog, 3 Pages, 4–5 the pages: the new Info is object 6.
    expect(trailer.info).toBe("6 0");
    // 7: the XMP metadata stream, named by the new catalog.
    expect(trailer.size).toBe(8);
    const dict = readObjectDict(text, "6 0");
    expect(dict).toContain(`/Author ${pdfString("Semáforo Escuela")}`);
    expect(dict).toContain("/Title (Reporte de UGEL)");
    expect(dict).toContain("/CreationDate (D:20261105153000Z)");
    expect(readObjectDict(text, trailer.root)).toContain(`/Lang ${pdfString("es-PE")}`);
    expect(readObjectDict(text, trailer.root)).toContain("/Metadata 7 0 R");
    expect(readObjectDict(text, trailer.root)).toContain("/ViewerPreferences <</DisplayDocTitle true>>");
    const xmp =
      /7 0 obj\n<<\/Type \/Metadata \/Subtype \/XML \/Length (\d+)>>\nstream\n([\s\S]*?)\nendstream/.exec(
        text,
      );
    expect(Number(xmp?.[1])).toBe(xmp?.[2]?.length);
    const packet = Buffer.from(xmp?.[2] ?? "", "latin1").toString("utf8");
    expect(packet).toContain('<?xpacket begin="\uFEFF"');
    expect(packet).toContain('<rdf:li xml:lang="x-default">Reporte de UGEL</rdf:li>');
    expect(packet).toContain("<rdf:li>es-PE</rdf:li>");
    expect(packet).toContain("UGEL Bongar&#xE1; &#xB7; octubre de 2026");
    expect(packet).toContain("<xmp:CreateDate>2026-11-05T15:30:00Z</xmp:CreateDate>");
    expect(inspectPdf(stamped).pages).toBe(2);
    expect(text).toMatch(/\/Prev \d+\n\/ID \[<[0-9a-f]{32}><[0-9a-f]{32}>\]>>\nstartxref\n\d+\n%%EOF\n$/);
  });

  it("gives the same bytes for the same content, whatever Chromium's clock and node numbers said", () => {
    // What Chromium writes: its Info dates from the clock, structure IDs from DOM node numbers.
    const chromium = (time: string, first: number) => {
      const node = (n: number) => `(node${String(n).padStart(8, "0")})`;
      return minimalPdf(1, "Reporte", {
        info: `\n/CreationDate (D:${time}+00'00')\n/ModDate (D:${time}+00'00')`,
        catalog: `\n/A [${node(first)} ${node(first + 7)} ${node(first)}]`,
      });
    };
    const a = setPdfInfo(chromium("20261203085430", 1617), info);
    const b = setPdfInfo(chromium("20261204101010", 4036), info);
    expect(a.equals(b)).toBe(true);
    const text = pdfText(a);
    expect(text).toContain("/A [(node00000001) (node00000002) (node00000001)]");
    expect(text).toContain("/CreationDate (D:20261105153000+00'00')");
    expect(inspectPdf(a).pages).toBe(1);
    // Different content, different ID.
    const other = setPdfInfo(minimalPdf(1, "Otro"), info);
    const id = (pdf: Buffer) => /\/ID \[<([0-9a-f]{32})>/.exec(pdfText(pdf))?.[1];
    expect(id(other)).not.toBe(id(a));
  });

  it("can be applied twice (the second update points back to the first)", () => {
    const twice = setPdfInfo(setPdfInfo(minimalPdf(1), info), { ...info, author: "Otro" });
    const text = pdfText(twice);
    expect(readObjectDict(text, readTrailer(text).info ?? "")).toContain(pdfString("Otro"));
    expect(inspectPdf(twice).pages).toBe(1);
  });

  const pdfinfo = findTool("pdfinfo");
  const qpdf = findTool("qpdf");
  it("gives a PDF that qpdf and pdfinfo read, with the metadata", () => {
    if (!pdfinfo || !qpdf) throw new Error("poppler-utils and qpdf are needed for this test");
    const file = join(mkdtempSync(join(tmpdir(), "semaforo-pdf-")), "a.pdf");
    writeFileSync(file, setPdfInfo(minimalPdf(2, "Reporte"), info));
    execFileSync(qpdf, ["--check", file]);
    const out = execFileSync(pdfinfo, [file], { encoding: "utf8", env: { ...process.env, TZ: "UTC" } });
    expect(out).toMatch(/Author:\s+Semáforo Escuela/);
    expect(out).toMatch(/Subject:\s+UGEL Bongará · octubre de 2026/);
    expect(out).toMatch(/Keywords:\s+Semáforo Escuela, district, 010003/);
    expect(out).toMatch(/CreationDate:\s+Thu Nov {2}5 15:30:00 2026 UTC/);
    expect(out).toMatch(/Pages:\s+2/);
  });
});
