import { afterAll, beforeAll, describe, expect, it, jest } from "@jest/globals";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Manifest } from "../../src/model.js";
import {
  doubledBookmarks,
  nearEmptyPages,
  readPdfDocument,
  strandedHeadings,
  type PdfDocument,
} from "../helpers/pdfPages.js";

// The whole demo month printed by the real CLI (258 PDFs: several minutes on a loaded machine), then
// every page of every PDF read back with pdftotext, qpdf and pdffonts. SEMAFORO_DEMO_OUT=DIR reads
// an existing build of 2026-10 in DIR instead (DIR/2026-10/manifest.json), for measuring.
jest.setTimeout(40 * 60_000);

const given = process.env.SEMAFORO_DEMO_OUT;

const out = given ?? mkdtempSync(join(tmpdir(), "semaforo-demo-pages-"));
const docs = new Map<string, PdfDocument>();

beforeAll(() => {
  if (!given) {
    execFileSync(
      process.execPath,
      ["bin/semaforo.js", "build", "--data", "fixtures/demo", "--period", "2026-10", "--out", out],
      { stdio: "ignore", timeout: 35 * 60_000 },
    );
  }
  const manifest = JSON.parse(readFileSync(join(out, "2026-10", "manifest.json"), "utf8")) as Manifest;
  for (const report of manifest.reports)
    docs.set(report.file, readPdfDocument(join(out, "2026-10", report.file)));
});

afterAll(() => {
  if (!given) rmSync(out, { recursive: true, force: true });
});

/** Every finding as "file p.N: what", so a failure names the page to look at. */
function findings(check: (file: string, doc: PdfDocument) => string[]): string[] {
  return [...docs].flatMap(([file, doc]) => check(file, doc).map((what) => `${file} ${what}`));
}

describe("every page of the demo month's PDFs", () => {
  it("reads the whole set", () => {
    expect(docs.size).toBeGreaterThanOrEqual(258);
  });

  it("has no page with fewer than 40 words and no figure", () => {
    const pages = findings((_, doc) =>
      nearEmptyPages(doc).map((p) => `p.${p.number}: ${p.words} words: ${p.lines.join(" / ").slice(0, 160)}`),
    );
    expect(pages).toEqual([]);
  });

  it("has no heading at the foot of a page (the last line; a section heading: the last two)", () => {
    const headings = findings((_, doc) => strandedHeadings(doc).map((h) => `p.${h.page}: ${h.title}`));
    expect(headings).toEqual([]);
  });

  it("has no doubled bookmark title", () => {
    expect(findings((_, doc) => doubledBookmarks(doc))).toEqual([]);
  });

  it("gives every Figure tag an alternative text", () => {
    expect(
      findings((_, doc) => (doc.figuresWithoutAlt ? [`${doc.figuresWithoutAlt} of ${doc.figureTags}`] : [])),
    ).toEqual([]);
  });

  it("embeds only the project's fonts (Source Sans 3), no system fallback", () => {
    expect(findings((_, doc) => doc.fonts.filter((font) => !font.startsWith("SourceSans3")))).toEqual([]);
  });

  it("carries XMP metadata", () => {
    expect(findings((_, doc) => (doc.hasXmp ? [] : ["no XMP"]))).toEqual([]);
  });
});
