import { indexObjects, readObjectDict } from "./inspectPdf.js";
import { decodePdfString } from "./xmpPacket.js";

/**
 * The texts of the HTML's headings (h1–h6) in document order, as a reader reads them: tags removed,
 * entities decoded, white space collapsed. Chromium makes one bookmark per heading, in this order.
 */
export function headingTexts(html: string): string[] {
  // From <body> on: the head holds the style sheets with the fonts as data (≈ 400 KB), no heading.
  const at = html.indexOf("<body");
  const body = (at < 0 ? html : html.slice(at)).replace(/<style[\s\S]*?<\/style>|<!--[\s\S]*?-->/g, "");
  return [...body.matchAll(/<h([1-6])\b[^>]*>([\s\S]*?)<\/h\1\s*>/gi)].map((m) =>
    decodeEntities((m[2] ?? "").replace(/<[^>]*>/g, ""))
      .replace(/\s+/g, " ")
      .trim(),
  );
}

function decodeEntities(text: string): string {
  const named: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0" };
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === "#") {
      const code =
        name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : whole;
    }
    return named[name.toLowerCase()] ?? whole;
  });
}

const TITLE = /\/Title\s*(\((?:\\.|[^\\)])*\)|<[0-9A-Fa-f\s]*>)/;

/**
 * New versions of the bookmark (outline item) objects whose title Chromium wrote wrong, each titled
 * with its heading's text: Chromium joins the lines of a wrapped heading without their space
 * ("equipo deacompañamiento") and repeats the text of a heading laid out twice when it moved to the
 * next page ("FuentesFuentes"). Bookmarks are matched to `titles` (headingTexts) in document order;
 * when their numbers differ nothing is changed. `encode` writes a PDF text string.
 */
export function retitleOutline(
  text: string,
  catalog: string,
  titles: string[],
  encode: (title: string) => string,
  /** indexObjects(text), when the caller has it. */
  index?: Map<string, number>,
): { ref: string; dict: string }[] {
  const first = /\/Outlines\s+(\d+\s+\d+)\s+R/.exec(catalog)?.[1];
  if (!first) return [];
  // One pass over the file finds every item (a scan of the file per item cost ≈ 8 ms a report).
  index ??= indexObjects(text);
  const items: { ref: string; dict: string }[] = [];
  const seen = new Set<string>();
  const walk = (ref: string | undefined) => {
    for (let at = ref; at && !seen.has(at);) {
      seen.add(at);
      const dict = readObjectDict(text, at, index);
      items.push({ ref: at, dict });
      walk(/\/First\s+(\d+\s+\d+)\s+R/.exec(dict)?.[1]);
      at = /\/Next\s+(\d+\s+\d+)\s+R/.exec(dict)?.[1];
    }
  };
  walk(/\/First\s+(\d+\s+\d+)\s+R/.exec(readObjectDict(text, first, index))?.[1]);
  if (items.length !== titles.length) return [];
  const fixes: { ref: string; dict: string }[] = [];
  items.forEach((item, i) => {
    const title = titles[i] ?? "";
    const found = TITLE.exec(item.dict);
    if (!found || !title || decodePdfString(found[1] ?? "") === title) return;
    fixes.push({ ref: item.ref, dict: item.dict.replace(TITLE, () => `/Title ${encode(title)}`) });
  });
  return fixes;
}
