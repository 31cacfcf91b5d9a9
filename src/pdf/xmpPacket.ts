/** What the XMP metadata stream says (ISO 16684-1), the same facts as the Info dictionary. */
export interface XmpFacts {
  title: string;
  subject: string;
  author: string;
  keywords: string[];
  /** BCP 47, e.g. "es-PE". */
  language: string;
  creator: string;
  producer?: string;
  date: Date;
}

/**
 * Text as XML character data in pure ASCII: markup characters escaped and everything beyond ASCII
 * as a numeric reference ("ó" → "&#xF3;"), so the packet can be appended to the PDF byte for
 * character and still reads as the same UTF-8 XML.
 */
function xmlText(text: string): string {
  let out = "";
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (ch === "&") out += "&amp;";
    else if (ch === "<") out += "&lt;";
    else if (ch === ">") out += "&gt;";
    else if (code < 0x20 && ch !== "\n" && ch !== "\t") out += " ";
    else if (code > 0x7e) out += `&#x${code.toString(16).toUpperCase()};`;
    else out += ch;
  }
  return out;
}

/**
 * The document's XMP packet: title, description, author, language, keywords, the creating tool and
 * the dates (the close of the period, like the Info dictionary). ASCII only (see xmlText); the
 * packet header's byte-order mark is written as its UTF-8 bytes by the caller's latin1 encoding.
 * No PDF/UA identifier (pdfuaid:part): Chromium's PDFs fail PDF/UA-1 (ISO 14289-1) on three
 * requirements (docs/decisions.md, "No PDF/UA claim"; test/pdf/pdfUa.slow.test.ts checks them), and
 * an identifier the tags do not meet would be a false claim.
 */
export function xmpPacket(facts: XmpFacts): string {
  const date = facts.date.toISOString().replace(/\.\d{3}Z$/, "Z");
  const alt = (text: string) => `<rdf:Alt><rdf:li xml:lang="x-default">${xmlText(text)}</rdf:li></rdf:Alt>`;
  return [
    // U+FEFF as UTF-8 bytes, each a latin1 character here.
    `<?xpacket begin="\u00EF\u00BB\u00BF" id="W5M0MpCehiHzreSzNTczkc9d"?>`,
    `<x:xmpmeta xmlns:x="adobe:ns:meta/">`,
    `<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">`,
    `<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">`,
    `<dc:format>application/pdf</dc:format>`,
    `<dc:title>${alt(facts.title)}</dc:title>`,
    `<dc:description>${alt(facts.subject)}</dc:description>`,
    `<dc:creator><rdf:Seq><rdf:li>${xmlText(facts.author)}</rdf:li></rdf:Seq></dc:creator>`,
    `<dc:language><rdf:Bag><rdf:li>${xmlText(facts.language)}</rdf:li></rdf:Bag></dc:language>`,
    `<pdf:Keywords>${xmlText(facts.keywords.join(", "))}</pdf:Keywords>`,
    facts.producer ? `<pdf:Producer>${xmlText(facts.producer)}</pdf:Producer>` : "",
    `<xmp:CreatorTool>${xmlText(facts.creator)}</xmp:CreatorTool>`,
    `<xmp:CreateDate>${date}</xmp:CreateDate>`,
    `<xmp:ModifyDate>${date}</xmp:ModifyDate>`,
    `<xmp:MetadataDate>${date}</xmp:MetadataDate>`,
    `</rdf:Description>`,
    `</rdf:RDF>`,
    `</x:xmpmeta>`,
    `<?xpacket end="r"?>`,
  ]
    .filter(Boolean)
    .join("\n");
}

/** A PDF text string as JavaScript text: `(literal)` with escapes, or `<hex>` (UTF-16BE with BOM). */
export function decodePdfString(token: string): string {
  if (token.startsWith("<")) {
    const hex = token.slice(1, -1).replace(/\s+/g, "");
    const bytes = Buffer.from(hex.length % 2 ? `${hex}0` : hex, "hex");
    if (bytes[0] === 0xfe && bytes[1] === 0xff) {
      let text = "";
      for (let i = 2; i + 1 < bytes.length; i += 2)
        text += String.fromCharCode((bytes[i]! << 8) | bytes[i + 1]!);
      return text;
    }
    return bytes.toString("latin1");
  }
  const body = token.slice(1, -1);
  const escapes: Record<string, string> = { n: "\n", r: "\r", t: "\t", b: "\b", f: "\f" };
  const raw = body.replace(/\\([0-7]{1,3}|[\s\S])/g, (_m, e: string) =>
    /^[0-7]/.test(e) ? String.fromCharCode(parseInt(e, 8)) : (escapes[e] ?? e),
  );
  // A literal string starting with a byte-order mark is UTF-16BE; otherwise (close enough) latin1.
  if (raw.startsWith("\u00FE\u00FF")) {
    let text = "";
    for (let i = 2; i + 1 < raw.length; i += 2)
      text += String.fromCharCode((raw.charCodeAt(i) << 8) | raw.charCodeAt(i + 1));
    return text;
  }
  return Buffer.from(raw, "latin1").toString("latin1");
}
