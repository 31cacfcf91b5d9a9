import { isAlias, isMap, isScalar, LineCounter, parseDocument, visit, type Node } from "yaml";
import type { GoodPractice, Problem } from "../model.js";
import { checkName } from "./checkName.js";
import { checkDistrict, checkIndicator, type Known } from "./known.js";
import { checkPeriod } from "./parseNumber.js";
import { at, problems, type Location } from "./problems.js";

const KEYS = ["district", "period", "indicator", "title"] as const;
/** The line between the Spanish story and its optional English version (invisible in Markdown). */
export const ENGLISH_SEPARATOR = "<!-- en -->";

/** Four short fields: anything larger is not a front matter written by hand. */
export const MAX_FRONT_MATTER_BYTES = 16 * 1024;
/** A story is a few paragraphs (the demo's longest is under 1 KB). */
export const MAX_STORY_BYTES = 64 * 1024;
/**
 * How deeply one line of a story may nest quotes, list items and indentation. A real story nests
 * two or three levels; the Markdown parser recurses once per level and overflows the stack near a
 * thousand, which 2 KB of `>` reach. Bounded here, so validate refuses what build could not render.
 */
export const MAX_STORY_NESTING = 16;

/**
 * One `good-practices/*.md` story: YAML front matter (district, period, indicator, title) and an
 * untrusted Markdown body. `file` is relative to the dataset folder.
 *
 * The front matter is read with the YAML failsafe schema, so every value stays the text as written
 * (district 010001 is never the number 10001, a date never a Date), and aliases, anchors and tags
 * are refused before anything is expanded: an alias bomb costs nothing. Sizes are bounded.
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
  const source = lines.slice(1, closing).join("\n");
  const body = lines.slice(closing + 1).join("\n");
  const found: Problem[] = [];
  const sourceBytes = Buffer.byteLength(source);
  if (sourceBytes > MAX_FRONT_MATTER_BYTES)
    found.push(
      at({ file, line: 2, column: 1 }, problems.frontMatterTooLarge(sourceBytes, MAX_FRONT_MATTER_BYTES)),
    );
  const bodyBytes = Buffer.byteLength(body);
  if (bodyBytes > MAX_STORY_BYTES)
    found.push(
      at({ file, line: closing + 2, column: 1 }, problems.storyTooLarge(bodyBytes, MAX_STORY_BYTES)),
    );
  if (found.length) return { practice: null, problems: found };
  const deep = deepestLine(body);
  if (deep.depth > MAX_STORY_NESTING)
    return {
      practice: null,
      problems: [
        at(
          { file, line: closing + 2 + deep.index, column: 1 },
          problems.storyTooDeep(deep.depth, MAX_STORY_NESTING),
        ),
      ],
    };

  const lineCounter = new LineCounter();
  const document = parseDocument(source, {
    schema: "failsafe",
    uniqueKeys: true,
    prettyErrors: false,
    lineCounter,
  });
  /** File position of an offset in the front matter (which starts on the file's line 2). */
  const place = (offset: number): Location => {
    const { line, col } = lineCounter.linePos(offset);
    return { file, line: line + 1, column: col };
  };
  const [error] = document.errors;
  if (error) {
    const reason = error.message.split("\n")[0] ?? error.code;
    return { practice: null, problems: [at(place(error.pos[0]), problems.badFrontMatter(reason))] };
  }
  // The first alias, anchor or tag is enough: a bomb has thousands.
  visit(document, {
    Node(_key, node: Node) {
      const offset = node.range?.[0] ?? 0;
      if (isAlias(node) || node.anchor) found.push(at(place(offset), problems.frontMatterAlias()));
      else if (node.tag) found.push(at(place(offset), problems.frontMatterTag(node.tag)));
      return found.length ? visit.BREAK : undefined;
    },
  });
  if (found.length) return { practice: null, problems: found };
  const contents = document.contents;
  if (!isMap(contents)) {
    const reason = "expected lines of the form key: value";
    return {
      practice: null,
      problems: [at(place(contents?.range?.[0] ?? 0), problems.badFrontMatter(reason))],
    };
  }

  const values: Partial<Record<(typeof KEYS)[number], { text: string; where: Location }>> = {};
  for (const key of KEYS) {
    const pair = contents.items.find((item) => isScalar(item.key) && item.key.value === key);
    const keyAt = isScalar(pair?.key) ? place(pair.key.range?.[0] ?? 0) : { file, line: 1, column: 1 };
    const value = pair?.value;
    if (value !== null && value !== undefined && !isScalar(value)) {
      found.push(at(place(value.range?.[0] ?? 0), problems.frontMatterNotText(key)));
      continue;
    }
    // Failsafe reads `title: ~` as the text "~": an unquoted YAML null still means "not given".
    const isNull =
      isScalar(value) && value.type === "PLAIN" && /^(?:~|null|Null|NULL)$/.test(String(value.value));
    const written = isScalar(value) && !isNull ? String(value.value).trim() : "";
    if (written === "") found.push(at(keyAt, problems.missingFrontMatterKey(key)));
    else values[key] = { text: written, where: isScalar(value) ? place(value.range?.[0] ?? 0) : keyAt };
  }
  const { district, period, indicator, title } = values;
  // Optional English version: `title_en` and a body after a line `<!-- en -->`, both or neither.
  const titleEnPair = contents.items.find((item) => isScalar(item.key) && item.key.value === "title_en");
  const titleEn =
    titleEnPair && isScalar(titleEnPair.value) ? String(titleEnPair.value.value).trim() : undefined;
  const titleEnAt = isScalar(titleEnPair?.key) ? place(titleEnPair.key.range?.[0] ?? 0) : undefined;
  if (titleEnPair && !isScalar(titleEnPair.value) && titleEnPair.value !== null)
    found.push(at(titleEnAt ?? { file, line: 1, column: 1 }, problems.frontMatterNotText("title_en")));
  const bodyLines = body.split("\n");
  const separator = bodyLines.findIndex((line) => line.trim() === ENGLISH_SEPARATOR);
  const spanishBody = separator < 0 ? body : bodyLines.slice(0, separator).join("\n");
  const englishBody =
    separator < 0
      ? undefined
      : bodyLines
          .slice(separator + 1)
          .join("\n")
          .trim();
  if (titleEn !== undefined) {
    const bad = titleEn === "" ? "is empty" : checkName(titleEn);
    if (bad && titleEnAt) found.push(at(titleEnAt, problems.badName("title_en", titleEn, bad)));
  }
  if ((titleEn !== undefined) !== (englishBody !== undefined && englishBody !== "")) {
    const where = titleEnAt ?? { file, line: closing + 2 + (separator < 0 ? 0 : separator), column: 1 };
    found.push(at(where, problems.halfTranslatedStory(ENGLISH_SEPARATOR)));
  }
  if (period) {
    const bad = checkPeriod(period.text);
    if (bad) found.push(at(period.where, bad));
  }
  if (district) {
    const unknown = checkDistrict(known, district.text, district.where);
    if (unknown) found.push(unknown);
  }
  if (indicator) {
    const unknown = checkIndicator(known, indicator.text, indicator.where);
    if (unknown) found.push(unknown);
  }
  if (title) {
    const bad = checkName(title.text);
    if (bad) found.push(at(title.where, problems.badName("title", title.text, bad)));
  }
  if (found.length || !district || !period || !indicator || !title)
    return { practice: null, problems: found };
  return {
    practice: {
      file,
      district: district.text,
      period: period.text,
      indicator: indicator.text,
      title: title.text,
      body: spanishBody.trim() + "\n",
      ...(titleEn && englishBody ? { english: { title: titleEn, body: englishBody + "\n" } } : {}),
    },
    problems: [],
  };
}

/** A thematic break (`- - -`, `* * *`, `___`): a line of markers that opens nothing. */
const THEMATIC_BREAK = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;

/**
 * The line of a Markdown body that nests deepest, and how deep: one level per `>` or list marker
 * (`-`, `*`, `+`, `1.`, `1)`) at the start of the line, and one per two columns of indentation
 * beyond the one space each marker takes.
 */
export function deepestLine(body: string): { depth: number; index: number } {
  let deepest = { depth: 0, index: 0 };
  const lines = body.split("\n");
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] ?? "";
    if (THEMATIC_BREAK.test(line)) continue;
    let markers = 0;
    let columns = 0;
    let i = 0;
    for (;;) {
      const char = line[i];
      if (char === " ") columns += 1;
      else if (char === "\t") columns += 4;
      else if (char === ">" || ((char === "-" || char === "*" || char === "+") && isGap(line[i + 1]))) {
        markers += 1;
      } else {
        const digits = /^\d{1,9}[.)]/.exec(line.slice(i, i + 10));
        if (!digits || !isGap(line[i + digits[0].length])) break;
        markers += 1;
        i += digits[0].length;
        continue;
      }
      i += 1;
    }
    const depth = markers + Math.floor(Math.max(0, columns - markers) / 2);
    if (depth > deepest.depth) deepest = { depth, index };
  }
  return deepest;
}

const isGap = (char: string | undefined) => char === undefined || char === " " || char === "\t";
