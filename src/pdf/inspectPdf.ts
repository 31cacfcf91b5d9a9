/**
 * A small, structural reader for the PDFs Chromium (Skia) writes: classic cross-reference tables,
 * uncompressed object dictionaries. Enough to find the trailer, the catalog, the Info dictionary and
 * the page count without a PDF library. Pure: bytes in, facts out. Not a general PDF parser: for a
 * full check of a PDF from elsewhere, `verify` runs qpdf when it is installed.
 */

export interface PdfTrailer {
  size: number;
  root: string;
  info: string | null;
  /** Byte offset of the last cross-reference section. */
  startxref: number;
}

export class PdfStructureError extends Error {
  override name = "PdfStructureError";
}

/** Decodes bytes 1:1 to a string so string offsets are byte offsets. */
export function pdfText(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1");
}

export function hasPdfEnvelope(text: string): boolean {
  return text.startsWith("%PDF-") && /%%EOF\s*$/.test(text.slice(-64));
}

export function readTrailer(text: string): PdfTrailer {
  if (!hasPdfEnvelope(text))
    throw new PdfStructureError("not a PDF (no %PDF- header or no %%EOF at the end)");
  const at = text.lastIndexOf("trailer");
  const sx = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(text.slice(-64));
  if (at < 0 || !sx?.[1])
    throw new PdfStructureError("no trailer (cross-reference streams are not supported)");
  const dict = text.slice(at, text.indexOf("startxref", at));
  const size = /\/Size\s+(\d+)/.exec(dict)?.[1];
  const root = /\/Root\s+(\d+\s+\d+)\s+R/.exec(dict)?.[1];
  const info = /\/Info\s+(\d+\s+\d+)\s+R/.exec(dict)?.[1] ?? null;
  if (!size || !root) throw new PdfStructureError("trailer without /Size or /Root");
  return { size: Number(size), root, info, startxref: Number(sx[1]) };
}

/**
 * Where each object's last definition starts its body ("12 0 obj" → the offset just after "obj"),
 * found in one pass over the file: for reading many objects of one PDF (the outline's items), where
 * readObjectDict alone would scan the whole file once per object. The same matches as readObjectDict's
 * (a match ends at its "obj", so no two overlap).
 */
export function indexObjects(text: string): Map<string, number> {
  const index = new Map<string, number>();
  const pattern = /(?:^|[\r\n\s])(\d+)\s+(\d+)\s+obj\b/g;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    // Later definitions (incremental updates) replace earlier ones, as in readObjectDict.
    index.set(`${Number(m[1])} ${Number(m[2])}`, m.index + m[0].length);
  }
  return index;
}

/**
 * The dictionary text (`<< … >>`) of the last definition of object `ref` ("12 0"); with `index`
 * (indexObjects of the same text) found there instead of by a scan of the whole file.
 */
export function readObjectDict(text: string, ref: string, index?: Map<string, number>): string {
  const [num, gen] = ref.split(/\s+/);
  let last = -1;
  if (index) last = index.get(`${Number(num)} ${Number(gen)}`) ?? -1;
  else {
    const pattern = new RegExp(`(?:^|[\\r\\n\\s])${num}\\s+${gen}\\s+obj\\b`, "g");
    for (let m = pattern.exec(text); m; m = pattern.exec(text)) last = m.index + m[0].length;
  }
  if (last < 0) throw new PdfStructureError(`object ${ref} not found`);
  const start = text.indexOf("<<", last);
  if (start < 0) throw new PdfStructureError(`object ${ref} is not a dictionary`);
  let depth = 0;
  for (let i = start; i < text.length - 1; i++) {
    const pair = text.slice(i, i + 2);
    if (pair === "<<") {
      depth++;
      i++;
    } else if (pair === ">>") {
      depth--;
      i++;
      if (depth === 0) return text.slice(start, i + 1);
    } else if (text[i] === "(") {
      i = skipLiteralString(text, i);
    }
  }
  throw new PdfStructureError(`object ${ref}: unterminated dictionary`);
}

function skipLiteralString(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (c === "\\") i++;
    else if (c === "(") depth++;
    else if (c === ")" && --depth === 0) return i;
  }
  return text.length;
}

/** Number of pages: the /Count of the page tree the catalog points to. */
export function readPageCount(text: string, trailer: PdfTrailer = readTrailer(text)): number {
  const catalog = readObjectDict(text, trailer.root);
  const pages = /\/Pages\s+(\d+\s+\d+)\s+R/.exec(catalog)?.[1];
  if (!pages) throw new PdfStructureError("catalog without /Pages");
  const count = /\/Count\s+(\d+)/.exec(readObjectDict(text, pages))?.[1];
  if (count === undefined) throw new PdfStructureError("page tree without /Count");
  return Number(count);
}

/** Cheap structural facts about a PDF; throws PdfStructureError when it is not one we can read. */
export function inspectPdf(bytes: Uint8Array): { pages: number; trailer: PdfTrailer } {
  const text = pdfText(bytes);
  const trailer = readTrailer(text);
  return { pages: readPageCount(text, trailer), trailer };
}
