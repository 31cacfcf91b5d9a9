import { execFileSync } from "node:child_process";

/**
 * What a reader meets in a printed report, page by page, read from the PDF with the real tools:
 * pdftotext (the text of each page, in layout order), qpdf's JSON (pages, bookmarks, the tagged
 * structure) and pdffonts. For tests and measurements over a whole build.
 */
export interface PdfPage {
  /** From 1. */
  number: number;
  /** Lines of text without the running header and the "Página X de Y" footer, blank lines dropped. */
  lines: string[];
  /** Words (tokens with a letter or a digit) on the page, header and footer included. */
  words: number;
  /** Figures (structure elements /Figure with alternative text: the charts' and maps' SVG) drawn on it. */
  figures: number;
}

export interface PdfBookmark {
  title: string;
  page: number;
  depth: number;
}

export interface PdfDocument {
  pages: PdfPage[];
  bookmarks: PdfBookmark[];
  /** /Figure structure elements without /Alt. */
  figuresWithoutAlt: number;
  figureTags: number;
  /** Font names as pdffonts prints them, subset prefix removed ("SourceSans3-Regular"). */
  fonts: string[];
  /** The catalog has a /Metadata stream (XMP). */
  hasXmp: boolean;
}

type JsonObject = Record<string, unknown>;

const FOOTER = /^\s*(Página|Page) \d+ (de|of) \d+\s*$/;

export function readPdfDocument(file: string): PdfDocument {
  const text = execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8", maxBuffer: 64 << 20 });
  const json = JSON.parse(
    execFileSync("qpdf", ["--json=2", "--json-key=pages", "--json-key=qpdf", file], {
      encoding: "utf8",
      maxBuffer: 256 << 20,
    }),
  ) as {
    pages: { object: string; outlines: { title: string }[] }[];
    qpdf: [unknown, Record<string, JsonObject>];
  };
  const objects = json.qpdf[1];
  const pageOf = new Map(json.pages.map((p, i) => [p.object, i + 1]));
  const figuresOn = new Map<number, number>();
  let figureTags = 0;
  let figuresWithoutAlt = 0;
  let hasXmp = false;
  for (const entry of Object.values(objects)) {
    const value = entry.value as JsonObject | undefined;
    const dict = value ?? (entry.stream as { dict?: JsonObject } | undefined)?.dict;
    if (!dict || typeof dict !== "object") continue;
    if (dict["/Type"] === "/Catalog" && dict["/Metadata"]) hasXmp = true;
    if (dict["/S"] !== "/Figure") continue;
    figureTags += 1;
    if (!dict["/Alt"]) {
      figuresWithoutAlt += 1;
      continue;
    }
    const page = pageOf.get(String(dict["/Pg"]));
    if (page) figuresOn.set(page, (figuresOn.get(page) ?? 0) + 1);
  }
  const raw = text.split("\f");
  if (raw[raw.length - 1]?.trim() === "") raw.pop();
  const pages = raw.map((pageText, i): PdfPage => {
    const all = pageText.split("\n").filter((line) => line.trim() !== "");
    // The running header (unit · period) is the first line; the footer is "Página X de Y".
    const lines = all.slice(1).filter((line) => !FOOTER.test(line));
    return {
      number: i + 1,
      lines,
      words: pageText.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length,
      figures: figuresOn.get(i + 1) ?? 0,
    };
  });
  const bookmarks: PdfBookmark[] = [];
  const walk = (items: { title: string; destpageposfrom1?: number; kids?: unknown[] }[], depth: number) => {
    for (const item of items) {
      bookmarks.push({ title: item.title, page: item.destpageposfrom1 ?? 0, depth });
      walk((item.kids ?? []) as typeof items, depth + 1);
    }
  };
  const outlineJson = JSON.parse(
    execFileSync("qpdf", ["--json=2", "--json-key=outlines", file], {
      encoding: "utf8",
      maxBuffer: 64 << 20,
    }),
  ) as { outlines: { title: string; destpageposfrom1?: number; kids?: unknown[] }[] };
  walk(outlineJson.outlines, 0);
  const fonts = execFileSync("pdffonts", [file], { encoding: "utf8" })
    .split("\n")
    .slice(2)
    .map((line) => line.split(/\s+/)[0] ?? "")
    .filter(Boolean)
    .map((name) => name.replace(/^[A-Z]{6}\+/, ""));
  return { pages, bookmarks, figuresWithoutAlt, figureTags, fonts, hasXmp };
}

/** Pages that hold almost nothing: fewer than `minWords` words and no figure. */
export function nearEmptyPages(doc: PdfDocument, minWords = 40): PdfPage[] {
  return doc.pages.filter((page) => page.words < minWords && page.figures === 0);
}

const squash = (s: string) => s.replace(/\s+/g, " ").trim();

/**
 * Headings (bookmarks) left at the foot of a page that is not the document's last, their content on
 * the next page: a heading that is the page's last line, or a section heading (a bookmark of depth
 * 0 or 1: h1, h2) among its last two lines (one line under a section title is not its section).
 */
export function strandedHeadings(doc: PdfDocument): { page: number; title: string }[] {
  const found: { page: number; title: string }[] = [];
  for (const mark of doc.bookmarks) {
    const page = doc.pages[mark.page - 1];
    if (!page || page.number === doc.pages.length) continue;
    const title = squash(mark.title);
    // A heading line holds the title alone, or beside another column's text (layout mode puts two
    // or more spaces between columns).
    const lastLines = mark.depth <= 1 ? 2 : 1;
    const tail = page.lines.slice(-lastLines).map((line) =>
      line
        .trim()
        .split(/\s{2,}/)
        .map(squash),
    );
    if (tail.some((parts) => parts.includes(title))) found.push({ page: page.number, title });
  }
  return found;
}

/** Bookmark titles that repeat themselves ("FuentesFuentes") or have lost a space between words. */
export function doubledBookmarks(doc: PdfDocument): string[] {
  return doc.bookmarks.map((b) => b.title).filter((title) => /^(.{2,})\1$/su.test(title));
}
