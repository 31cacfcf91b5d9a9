import matter from "gray-matter";
import type { GoodPractice, Problem } from "../model.js";
import { checkDistrict, checkIndicator, type Known } from "./known.js";
import { isPeriod } from "./parseNumber.js";
import { at, problems, type Location } from "./problems.js";

const KEYS = ["district", "period", "indicator", "title"] as const;

interface FrontMatterLine {
  line: number;
  /** Column where the value starts. */
  column: number;
  /** The scalar as written, without quotes: YAML would read district 010001 as the number 4097. */
  raw: string;
}

/** Where each top-level key of the front matter is, and its value as written. */
function scanFrontMatter(lines: string[]): Map<string, FrontMatterLine> {
  const keys = new Map<string, FrontMatterLine>();
  for (let index = 1; index < lines.length && lines[index] !== "---"; index++) {
    const match = /^([A-Za-z_][\w-]*)(\s*:\s*)(.*)$/.exec(lines[index] ?? "");
    if (!match) continue;
    const [, key = "", separator = "", rest = ""] = match;
    const raw = rest
      .replace(/\s+#.*$/, "")
      .trim()
      .replace(/^(["'])(.*)\1$/, "$2");
    keys.set(key, { line: index + 1, column: key.length + separator.length + 1, raw });
  }
  return keys;
}

/**
 * One `good-practices/*.md` story: YAML front matter (district, period, indicator, title) and an
 * untrusted Markdown body. `file` is relative to the dataset folder.
 */
export function parseGoodPractice(
  text: string,
  file: string,
  known: Known,
): { practice: GoodPractice | null; problems: Problem[] } {
  const lines = text.split("\n");
  const closing = lines.indexOf("---", 1);
  if (lines[0]?.trimEnd() !== "---" || closing < 0) {
    return { practice: null, problems: [at({ file, line: 1, column: 1 }, problems.missingFrontMatter())] };
  }
  let parsed: matter.GrayMatterFile<string>;
  try {
    // Passing options turns off gray-matter's cache (keyed by content), which would share results.
    parsed = matter(text, {});
  } catch (error) {
    const mark = (error as { mark?: { line: number; column: number }; reason?: string }).mark;
    const reason =
      (error as { reason?: string }).reason ?? (error instanceof Error ? error.message : String(error));
    const location: Location = mark
      ? { file, line: mark.line + 1, column: mark.column + 1 }
      : { file, line: 1, column: 1 };
    return { practice: null, problems: [at(location, problems.badFrontMatter(reason))] };
  }
  const data: Record<string, unknown> =
    parsed.data !== null && typeof parsed.data === "object" && !Array.isArray(parsed.data) ? parsed.data : {};
  const scanned = scanFrontMatter(lines);
  const found: Problem[] = [];
  const values: Partial<Record<(typeof KEYS)[number], string>> = {};
  for (const key of KEYS) {
    const value = data[key];
    const place = scanned.get(key);
    const text =
      typeof value === "string"
        ? value.trim()
        : (place?.raw ??
          (value == null
            ? ""
            : typeof value === "number" || typeof value === "boolean"
              ? String(value)
              : JSON.stringify(value)));
    if (value == null || text === "") {
      found.push(
        at({ file, line: place?.line ?? 1, column: place?.column ?? 1 }, problems.missingFrontMatterKey(key)),
      );
    } else values[key] = text;
  }
  const locate = (key: string): Location => {
    const place = scanned.get(key);
    return { file, line: place?.line ?? 1, column: place?.column ?? 1 };
  };
  if (values.period !== undefined && !isPeriod(values.period))
    found.push(at(locate("period"), problems.malformedPeriod(values.period)));
  if (values.district !== undefined) {
    const unknown = checkDistrict(known, values.district, locate("district"));
    if (unknown) found.push(unknown);
  }
  if (values.indicator !== undefined) {
    const unknown = checkIndicator(known, values.indicator, locate("indicator"));
    if (unknown) found.push(unknown);
  }
  const { district, period, indicator, title } = values;
  if (found.length || !district || !period || !indicator || !title)
    return { practice: null, problems: found };
  return {
    practice: { file, district, period, indicator, title, body: parsed.content.trim() + "\n" },
    problems: [],
  };
}
