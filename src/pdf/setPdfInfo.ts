import { pdfText, readObjectDict, readTrailer } from "./inspectPdf.js";

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
  /** Creation and modification date: the run's generatedAt, so a rebuild is reproducible. */
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
 * Returns the PDF with its metadata replaced, by an incremental update (PDF 1.7 §7.5.6): the
 * original bytes are kept as they are, and a new Info object, a new version of the catalog (with
 * /Lang), a cross-reference section for those two objects and a trailer pointing back (/Prev) to
 * the original one are appended. Chromium can only set the title itself.
 */
export function setPdfInfo(bytes: Uint8Array, info: PdfInfo): Buffer {
  const text = pdfText(bytes);
  const trailer = readTrailer(text);
  const id = /\/ID\s*(\[[^\]]*\])/.exec(text.slice(text.lastIndexOf("trailer")))?.[1];
  let title = info.title;
  let producer: string | undefined;
  if (trailer.info) {
    const old = readObjectDict(text, trailer.info);
    title ??= /\/Title\s*(\((?:\\.|[^\\)])*\)|<[0-9A-Fa-f\s]*>)/.exec(old)?.[1];
    producer = /\/Producer\s*(\((?:\\.|[^\\)])*\)|<[0-9A-Fa-f\s]*>)/.exec(old)?.[1];
  }
  const [rootNum = "", rootGen = "0"] = trailer.root.split(/\s+/);
  const catalog = readObjectDict(text, trailer.root).replace(/\/Lang\s*(\((?:\\.|[^\\)])*\)|<[^>]*>)/, "");
  const newCatalog = `${catalog.slice(0, -2)}\n/Lang ${pdfString(info.language)}>>`;

  const infoNum = trailer.size;
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
  parts.push(
    "xref\n0 1\n0000000000 65535 f \n",
    `${rootNum} 1\n${entry(catalogOffset, rootGen)}`,
    `${infoNum} 1\n${entry(infoOffset, "0")}`,
    `trailer\n<</Size ${infoNum + 1}\n/Root ${trailer.root} R\n/Info ${infoNum} 0 R\n/Prev ${trailer.startxref}${id ? `\n/ID ${id}` : ""}>>\n`,
    `startxref\n${offset}\n%%EOF\n`,
  );
  // Every appended character is ASCII (strings are hex-encoded), so latin1 length = byte length.
  return Buffer.concat([
    Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
    Buffer.from(parts.join(""), "latin1"),
  ]);
}
