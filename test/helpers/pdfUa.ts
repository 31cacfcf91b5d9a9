import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * What a PDF/UA-1 (ISO 14289-1) check of a printed report finds, read with qpdf (the structure tree,
 * the catalog, the page content uncompressed by `--qdf`) and pdffonts. Each field is one requirement
 * as the Matterhorn Protocol 1.1 numbers its failure conditions. Not a validator: the checks a
 * machine can make on what Chromium writes, for tests and for docs/decisions.md ("The PDF as a
 * document").
 */
export interface PdfUaFacts {
  /** 06-001..003: the XMP's pdfuaid:part ("1"), null when the file makes no PDF/UA claim. */
  pdfUaPart: string | null;
  /** 01-001: /MarkInfo /Marked true. */
  marked: boolean;
  /** 01-002: /MarkInfo /Suspects true (must not be). */
  suspects: boolean;
  /** 11-001..006: the catalog's /Lang. */
  lang: string | null;
  /** 07-001: /ViewerPreferences /DisplayDocTitle true. */
  displayDocTitle: boolean;
  /** 06-003: the XMP has a dc:title. */
  xmpTitle: boolean;
  /** 13-004: /Figure elements, and those without /Alt (or /ActualText). */
  figures: number;
  figuresWithoutAlt: number;
  /** 15-003: /TH cells, and those without a /Scope attribute (the tables have no Headers/IDs). */
  headerCells: number;
  headerCellsWithoutScope: number;
  /** 14-002 / 14-003: heading levels in document order; each skip going deeper ("H1 → H3"). */
  headings: number;
  skippedHeadingLevels: string[];
  /** 31-001 / 31-009..: fonts not embedded, or without a Unicode mapping (pdffonts). */
  fontsNotEmbedded: string[];
  fontsWithoutUnicode: string[];
  /** 28-002 / 28-005: annotations on pages (links, widgets); pages with annotations and no /Tabs /S. */
  annotations: number;
  pagesWithAnnotationsNoTabs: number;
  /**
   * 01-005: painting operators (text, paths, images, shadings) outside any marked-content sequence:
   * content neither tagged nor marked as /Artifact. Per page.
   */
  untaggedPaintOps: number[];
  /** 09-005 (ISO 32000-1 table 336): /LI elements with a child other than /Lbl and /LBody. */
  listItemsNotLblLBody: number;
  /**
   * 09-004 (ISO 32000-1 table 337): /Table elements with content or children other than /TR,
   * /THead, /TBody, /TFoot and /Caption.
   */
  tablesWithOtherChildren: number;
}

type Json = Record<string, unknown>;

/** The PDF/UA-1 requirements the facts show as failed, each with its Matterhorn number: none = met. */
export function failedPdfUaRequirements(facts: PdfUaFacts): string[] {
  const failed: string[] = [];
  if (!facts.marked) failed.push("01-001 not marked as tagged (/MarkInfo /Marked)");
  if (facts.suspects) failed.push("01-002 /Suspects true");
  const untagged = facts.untaggedPaintOps.reduce((a, b) => a + b, 0);
  if (untagged > 0)
    failed.push(
      `01-005 content neither tagged nor an artifact: ${untagged} painting operators on ${facts.untaggedPaintOps.filter((n) => n > 0).length} of ${facts.untaggedPaintOps.length} pages`,
    );
  if (!facts.xmpTitle) failed.push("06-003 no dc:title in the XMP");
  if (!facts.displayDocTitle) failed.push("07-001 no /DisplayDocTitle true");
  if (facts.listItemsNotLblLBody > 0)
    failed.push(`09-005 ${facts.listItemsNotLblLBody} /LI with children other than /Lbl and /LBody`);
  if (facts.tablesWithOtherChildren > 0)
    failed.push(`09-004 ${facts.tablesWithOtherChildren} /Table with direct content or other children`);
  if (!facts.lang) failed.push("11-001 no /Lang");
  if (facts.figuresWithoutAlt > 0) failed.push(`13-004 ${facts.figuresWithoutAlt} /Figure without /Alt`);
  for (const skip of facts.skippedHeadingLevels) failed.push(`14-003 heading levels skipped: ${skip}`);
  if (facts.headerCellsWithoutScope > 0)
    failed.push(`15-003 ${facts.headerCellsWithoutScope} /TH without /Scope`);
  if (facts.pagesWithAnnotationsNoTabs > 0)
    failed.push(`28-005 ${facts.pagesWithAnnotationsNoTabs} pages with annotations and no /Tabs /S`);
  for (const font of facts.fontsNotEmbedded) failed.push(`31-001 font not embedded: ${font}`);
  for (const font of facts.fontsWithoutUnicode) failed.push(`31-009 font without Unicode map: ${font}`);
  return failed;
}

export function readPdfUaFacts(file: string): PdfUaFacts {
  const json = JSON.parse(
    execFileSync("qpdf", ["--json=2", "--json-key=qpdf", file], { encoding: "utf8", maxBuffer: 256 << 20 }),
  ) as { qpdf: [unknown, Record<string, Json>] };
  const objects = json.qpdf[1];
  const get = (ref: unknown): Json | undefined => {
    if (ref && typeof ref === "object") return ref as Json;
    const entry = objects[`obj:${String(ref)}`];
    if (!entry) return undefined;
    return (entry.value as Json | undefined) ?? (entry.stream as { dict?: Json } | undefined)?.dict;
  };
  const trailer = objects["trailer"]?.value as Json;
  const catalog = get(trailer["/Root"]) ?? {};
  const markInfo = get(catalog["/MarkInfo"]) ?? {};
  const viewer = get(catalog["/ViewerPreferences"]) ?? {};

  // The XMP stream is the last packet in the file (setPdfInfo appends it uncompressed).
  const raw = readFileSync(file).toString("latin1");
  const xmpAt = raw.lastIndexOf("<x:xmpmeta");
  const xmp = xmpAt < 0 ? "" : raw.slice(xmpAt, raw.indexOf("</x:xmpmeta>", xmpAt));
  const uaPart = /pdfuaid:part>\s*(\d+)\s*</.exec(xmp)?.[1] ?? /pdfuaid:part="(\d+)"/.exec(xmp)?.[1] ?? null;

  const facts: PdfUaFacts = {
    pdfUaPart: uaPart,
    marked: markInfo["/Marked"] === true,
    suspects: markInfo["/Suspects"] === true,
    lang: typeof catalog["/Lang"] === "string" ? catalog["/Lang"].replace(/^u:/, "") : null,
    displayDocTitle: viewer["/DisplayDocTitle"] === true,
    xmpTitle: /<dc:title>[\s\S]*?<rdf:li[^>]*>[^<]+<\/rdf:li>/.test(xmp),
    figures: 0,
    figuresWithoutAlt: 0,
    headerCells: 0,
    headerCellsWithoutScope: 0,
    headings: 0,
    skippedHeadingLevels: [],
    fontsNotEmbedded: [],
    fontsWithoutUnicode: [],
    annotations: 0,
    pagesWithAnnotationsNoTabs: 0,
    untaggedPaintOps: [],
    listItemsNotLblLBody: 0,
    tablesWithOtherChildren: 0,
  };

  // The structure tree, in document order.
  const kids = (node: Json): unknown[] => {
    const k = node["/K"];
    return k === undefined ? [] : Array.isArray(k) ? k : [k];
  };
  const isElement = (node: Json | undefined): node is Json => typeof node?.["/S"] === "string";
  let previousLevel = 0;
  const attributes = (node: Json): Json[] => {
    const a = node["/A"];
    const list = a === undefined ? [] : Array.isArray(a) ? a : [a];
    return list.map((x) => get(x) ?? {});
  };
  const seen = new Set<Json>();
  const walk = (node: Json) => {
    if (seen.has(node)) return;
    seen.add(node);
    const type = String(node["/S"]);
    const children = kids(node).map((k) => (typeof k === "number" ? k : get(k)));
    const childTypes = children.map((c) =>
      typeof c === "number" ? "MCID" : isElement(c) ? String(c["/S"]) : String(c?.["/Type"] ?? "MCR"),
    );
    if (type === "/Figure") {
      facts.figures += 1;
      if (!node["/Alt"] && !node["/ActualText"]) facts.figuresWithoutAlt += 1;
    }
    if (type === "/TH") {
      facts.headerCells += 1;
      if (!attributes(node).some((a) => a["/Scope"])) facts.headerCellsWithoutScope += 1;
    }
    const level = /^\/H([1-6])$/.exec(type)?.[1];
    if (level) {
      facts.headings += 1;
      if (Number(level) > previousLevel + 1)
        facts.skippedHeadingLevels.push(`${previousLevel ? `H${previousLevel}` : "start"} → H${level}`);
      previousLevel = Number(level);
    }
    if (type === "/LI" && childTypes.some((t) => t !== "/Lbl" && t !== "/LBody"))
      facts.listItemsNotLblLBody += 1;
    if (
      type === "/Table" &&
      childTypes.some((t) => !["/TR", "/THead", "/TBody", "/TFoot", "/Caption"].includes(t))
    )
      facts.tablesWithOtherChildren += 1;
    for (const child of children) if (typeof child === "object" && isElement(child)) walk(child);
  };
  const structRoot = get(catalog["/StructTreeRoot"]);
  if (structRoot)
    for (const k of kids(structRoot)) {
      const child = get(k);
      if (isElement(child)) walk(child);
    }

  // Pages: annotations and tab order.
  const pageRefs: unknown[] = [];
  const collect = (ref: unknown) => {
    const node = get(ref);
    if (!node) return;
    if (node["/Type"] === "/Pages") for (const kid of (node["/Kids"] as unknown[]) ?? []) collect(kid);
    else pageRefs.push(ref);
  };
  collect(catalog["/Pages"]);
  for (const ref of pageRefs) {
    const page = get(ref) ?? {};
    const annots = get(page["/Annots"]);
    const count = Array.isArray(page["/Annots"])
      ? page["/Annots"].length
      : annots
        ? Object.keys(annots).length
        : 0;
    facts.annotations += count;
    if (count > 0 && page["/Tabs"] !== "/S") facts.pagesWithAnnotationsNoTabs += 1;
  }

  // Fonts: pdffonts' "emb" and "uni" columns.
  for (const line of execFileSync("pdffonts", [file], { encoding: "utf8" }).split("\n").slice(2)) {
    const cols = line.trim().split(/\s+/);
    if (cols.length < 7) continue;
    const [name = "", , , , ...rest] = cols;
    const [emb, , uni] = rest.slice(-5);
    if (emb !== "yes") facts.fontsNotEmbedded.push(name);
    if (uni !== "yes") facts.fontsWithoutUnicode.push(name);
  }

  // Content: qpdf --qdf writes each page's content streams uncompressed, after "%% Contents for page N".
  const dir = mkdtempSync(join(tmpdir(), "semaforo-pdfua-"));
  try {
    const qdf = join(dir, "qdf.pdf");
    execFileSync("qpdf", ["--qdf", "--object-streams=disable", file, qdf]);
    const text = readFileSync(qdf).toString("latin1");
    const marks = [...text.matchAll(/%% Contents for page (\d+)\n/g)];
    const perPage = new Map<number, number>();
    for (const mark of marks) {
      const page = Number(mark[1]);
      const start = text.indexOf("stream\n", mark.index) + "stream\n".length;
      const end = text.indexOf("endstream", start);
      perPage.set(page, (perPage.get(page) ?? 0) + untaggedPaintOps(text.slice(start, end)));
    }
    facts.untaggedPaintOps = pageRefs.map((_, i) => perPage.get(i + 1) ?? 0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return facts;
}

const PAINT = new Set([
  "Tj",
  "TJ",
  "'",
  '"',
  "f",
  "F",
  "f*",
  "B",
  "B*",
  "b",
  "b*",
  "S",
  "s",
  "Do",
  "sh",
  "BI",
]);

/** Painting operators of a content stream outside every BMC/BDC … EMC sequence. */
export function untaggedPaintOps(content: string): number {
  let depth = 0;
  let outside = 0;
  let i = 0;
  const n = content.length;
  while (i < n) {
    const c = content[i] as string;
    if (/\s/.test(c)) i++;
    else if (c === "%") i = content.indexOf("\n", i) < 0 ? n : content.indexOf("\n", i);
    else if (c === "(") {
      // A literal string: balanced parentheses, backslash escapes.
      let nest = 0;
      for (; i < n; i++) {
        const d = content[i];
        if (d === "\\") i++;
        else if (d === "(") nest++;
        else if (d === ")" && --nest === 0) break;
      }
      i++;
    } else if (c === "<" && content[i + 1] !== "<") i = content.indexOf(">", i) + 1;
    else if ("<>[]{}".includes(c)) i += c === "<" || c === ">" ? (content[i + 1] === c ? 2 : 1) : 1;
    else if (c === "/") {
      i++;
      while (i < n && !/[\s/<>[\]{}()%]/.test(content[i] as string)) i++;
    } else {
      const start = i;
      while (i < n && !/[\s/<>[\]{}()%]/.test(content[i] as string)) i++;
      const word = content.slice(start, i);
      if (word === "BMC" || word === "BDC") depth++;
      else if (word === "EMC") depth = Math.max(0, depth - 1);
      else if (word === "BI") {
        if (depth === 0) outside++;
        const end = content.indexOf("EI", i);
        i = end < 0 ? n : end + 2;
      } else if (PAINT.has(word) && depth === 0) outside++;
    }
  }
  return outside;
}
