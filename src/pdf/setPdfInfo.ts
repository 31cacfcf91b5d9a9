import { createHash } from "node:crypto";
import { indexObjects, pdfText, readObjectDict, readTrailer } from "./inspectPdf.js";
import { retitleOutline } from "./retitleOutline.js";
import { decodePdfString, xmpPacket } from "./xmpPacket.js";

/** Document metadata written into the PDF's Info dictionary (and the catalog's /Lang). */
export interface PdfInfo {
  /** Kept from Chromium (the HTML <title>) when omitted. */
  title?: string;
  author: string;
  subject: string;
  keywords: string[];
  /** BCP 47, e.g. "es-PE". */
  language: string;
  creator: string;
  /**
   * Creation and modification date: the close of the period (sourceDate), never the clock, so the
   * same inputs give the same bytes.
   */
  date: Date;
}

/** A PDF text string: UTF-16BE with a byte-order mark, hex-encoded (safe for any character). */
export function pdfString(text: string): string {
  let hex = "FEFF";
  for (let i = 0; i < text.length; i++) hex += text.charCodeAt(i).toString(16).padStart(4, "0").toUpperCase();
  return `<${hex}>`;
}

export function pdfDate(date: Date): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return (
    `(D:${date.getUTCFullYear()}${p(date.getUTCMonth() + 1)}${p(date.getUTCDate())}` +
    `${p(date.getUTCHours())}${p(date.getUTCMinutes())}${p(date.getUTCSeconds())}Z)`
  );
}

/**
 * Returns the PDF with its metadata replaced, by an incremental update (PDF 1.7 §7.5.6): a new Info
 * object, an XMP metadata stream with the same facts (xmpPacket), a new version of the catalog (with
 * /Lang, /Metadata, and /ViewerPreferences that show the title rather than the file name), a
 * cross-reference section for those objects and a trailer pointing back (/Prev) to the original one
 * are appended. Chromium can only
 * set the title itself.
 *
 * The result depends only on the printed content and `info`: what Chromium writes that varies from
 * one run to the next is overwritten in place, each with a value of the same length so every
 * offset stays valid (see `makeReproducible`), and the trailer gets an /ID derived from the bytes.
 */
export function setPdfInfo(
  printed: Uint8Array,
  info: PdfInfo,
  /** The HTML's headings in order (retitleOutline.headingTexts): bookmarks Chromium titled wrong get them. */
  headings?: string[],
): Buffer {
  const bytes = makeReproducible(printed, info.date);
  const text = pdfText(bytes);
  const trailer = readTrailer(text);
  const objects = indexObjects(text);
  const id = /\/ID\s*(\[[^\]]*\])/.exec(text.slice(text.lastIndexOf("trailer")))?.[1];
  let title = info.title;
  let producer: string | undefined;
  if (trailer.info) {
    const old = readObjectDict(text, trailer.info, objects);
    title ??= /\/Title\s*(\((?:\\.|[^\\)])*\)|<[0-9A-Fa-f\s]*>)/.exec(old)?.[1];
    producer = /\/Producer\s*(\((?:\\.|[^\\)])*\)|<[0-9A-Fa-f\s]*>)/.exec(old)?.[1];
  }
  const [rootNum = "", rootGen = "0"] = trailer.root.split(/\s+/);
  const catalog = readObjectDict(text, trailer.root, objects).replace(
    /\/Lang\s*(\((?:\\.|[^\\)])*\)|<[^>]*>)/,
    "",
  );
  const infoNum = trailer.size;
  const metadataNum = infoNum + 1;
  const withoutOld = catalog.replace(/\/Metadata\s+\d+\s+\d+\s+R/, "");
  const viewer = /\/ViewerPreferences/.test(withoutOld)
    ? ""
    : "\n/ViewerPreferences <</DisplayDocTitle true>>";
  const newCatalog = `${withoutOld.slice(0, -2)}\n/Lang ${pdfString(info.language)}\n/Metadata ${metadataNum} 0 R${viewer}>>`;

  const date = pdfDate(info.date);
  const infoDict = [
    "<<",
    title === undefined
      ? ""
      : `/Title ${title.startsWith("(") || title.startsWith("<") ? title : pdfString(title)}`,
    `/Author ${pdfString(info.author)}`,
    `/Subject ${pdfString(info.subject)}`,
    `/Keywords ${pdfString(info.keywords.join(", "))}`,
    `/Creator ${pdfString(info.creator)}`,
    producer ? `/Producer ${producer}` : "",
    `/CreationDate ${date}`,
    `/ModDate ${date}`,
    ">>",
  ]
    .filter(Boolean)
    .join("\n");

  const base = text.endsWith("\n") ? "" : "\n";
  let offset = bytes.byteLength + base.length;
  const parts: string[] = [base];
  const catalogOffset = offset;
  const catalogObj = `${rootNum} ${rootGen} obj\n${newCatalog}\nendobj\n`;
  parts.push(catalogObj);
  offset += catalogObj.length;
  const infoOffset = offset;
  const infoObj = `${infoNum} 0 obj\n${infoDict}\nendobj\n`;
  parts.push(infoObj);
  offset += infoObj.length;
  const entry = (at: number, gen: string) => `${String(at).padStart(10, "0")} ${gen.padStart(5, "0")} n \n`;
  const metadataOffset = offset;
  const xmp = xmpPacket({
    title:
      title === undefined
        ? ""
        : title.startsWith("(") || title.startsWith("<")
          ? decodePdfString(title)
          : title,
    subject: info.subject,
    author: info.author,
    keywords: info.keywords,
    language: info.language,
    creator: info.creator,
    ...(producer ? { producer: decodePdfString(producer) } : {}),
    date: info.date,
  });
  // XMP is read by tools that do not parse PDF filters: left uncompressed.
  const metadataObj = `${metadataNum} 0 obj\n<</Type /Metadata /Subtype /XML /Length ${xmp.length}>>\nstream\n${xmp}\nendstream\nendobj\n`;
  parts.push(metadataObj);
  offset += metadataObj.length;
  const outlineEntries: string[] = [];
  for (const fix of headings ? retitleOutline(text, catalog, headings, pdfString, objects) : []) {
    const [num = "", gen = "0"] = fix.ref.split(/\s+/);
    const obj = `${num} ${gen} obj\n${fix.dict}\nendobj\n`;
    outlineEntries.push(`${num} 1\n${entry(offset, gen)}`);
    parts.push(obj);
    offset += obj.length;
  }
  parts.push(
    "xref\n0 1\n0000000000 65535 f \n",
    `${rootNum} 1\n${entry(catalogOffset, rootGen)}`,
    `${infoNum} 2\n${entry(infoOffset, "0")}${entry(metadataOffset, "0")}`,
    ...outlineEntries,
  );
  // Every appended character is below U+0100 (strings are hex-encoded, the XMP packet ASCII but for
  // its byte-order mark), so latin1 length = byte length.
  const body = Buffer.concat([bytes, Buffer.from(parts.join(""), "latin1")]);
  // The document ID (PDF 1.7 §14.4) from the content, not from the clock or chance: two prints of
  // the same report get the same ID. An ID the PDF already had is kept as its first (permanent) part.
  const digest = `<${createHash("md5").update(body).digest("hex")}>`;
  const ids = id ? `[${/<[0-9A-Fa-f]*>/.exec(id)?.[0] ?? digest}${digest}]` : `[${digest}${digest}]`;
  const tail =
    `trailer\n<</Size ${metadataNum + 1}\n/Root ${trailer.root} R\n/Info ${infoNum} 0 R\n/Prev ${trailer.startxref}\n/ID ${ids}>>\n` +
    `startxref\n${offset}\n%%EOF\n`;
  return Buffer.concat([body, Buffer.from(tail, "latin1")]);
}

/**
 * A copy of Chromium's PDF without what changes between two prints of the same HTML, each replaced
 * by a value of the same length (so the cross-reference offsets stay right):
 *  - the creation and modification dates of its Info dictionary, from the clock: `date` instead;
 *  - the tagged PDF's structure element IDs, `(node00004839)`: DOM node numbers, which count every
 *    node the renderer made before, so they depend on what the reused page printed earlier and in
 *    which order the reports ran. They are renumbered by rank (their order is kept), padded to the
 *    same width.
 */
export function makeReproducible(printed: Uint8Array, date: Date): Buffer {
  const copy = Buffer.from(printed);
  const text = copy.toString("latin1");
  const base = pdfDate(date).slice(1, -2); // D:YYYYMMDDHHmmSS
  // Chromium writes D:YYYYMMDDHHmmSS+00'00'; the shorter forms are there for other producers.
  const stamps = [`${base}+00'00'`, `${base}Z`, base];
  const write = (at: number, value: string) => copy.write(value, at, value.length, "latin1");
  for (const found of text.matchAll(/\/(?:CreationDate|ModDate)\s*\((D:[^)]*)\)/g)) {
    const old = found[1] as string;
    const stamp = stamps.find((s) => s.length === old.length);
    if (stamp) write(found.index + found[0].length - 1 - old.length, stamp);
  }
  const nodes = [...text.matchAll(/\(node(\d+)\)/g)];
  const rank = new Map(
    [...new Set(nodes.map((n) => Number(n[1])))].sort((a, b) => a - b).map((n, i) => [n, i + 1]),
  );
  for (const found of nodes) {
    const digits = found[1] as string;
    write(found.index + 5, String(rank.get(Number(digits))).padStart(digits.length, "0"));
  }
  return copy;
}
