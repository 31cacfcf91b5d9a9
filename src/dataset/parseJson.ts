/**
 * JSON with positions: a small recursive-descent parser that records where every key and value
 * starts, so a schema problem can point at the offending line and column. Stricter than JSON.parse
 * where that hides a mistake: a key twice in one object (JSON.parse keeps the last one silently),
 * `__proto__`/`constructor`/`prototype` keys, and nesting deeper than MAX_JSON_DEPTH (which would
 * otherwise overflow the stack) are errors at their position.
 */
import { problems, type ProblemText } from "./problems.js";

/** Deepest nesting accepted: dataset files are a few levels deep, a TopoJSON about eight. */
export const MAX_JSON_DEPTH = 64;

const FORBIDDEN_KEYS = new Set(["__proto__", "constructor", "prototype"]);

export type JsonPath = readonly PropertyKey[];

export interface Position {
  line: number;
  column: number;
}

export interface LocatedJson {
  value: unknown;
  /** Position of the key at `path` (or of the value for array items); the nearest ancestor when absent. */
  locate: (path: JsonPath) => Position;
}

export class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly position: Position,
    /** The catalogue entry when it is more than a syntax error (a duplicate key, too deep…). */
    readonly problem: ProblemText = problems.badJson(message),
  ) {
    super(message);
  }
}

export function parseJson(text: string): LocatedJson {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === "\n") lineStarts.push(i + 1);
  const toPosition = (offset: number): Position => {
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((lineStarts[mid] ?? 0) <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - (lineStarts[low] ?? 0) + 1 };
  };
  const offsets = new Map<string, number>();
  const keyOf = (path: JsonPath) => JSON.stringify(path.map(String));
  let i = 0;

  const fail = (message: string, at = i, problem?: ProblemText): never => {
    throw new JsonSyntaxError(message, toPosition(at), problem);
  };
  const skip = () => {
    while (i < text.length && " \t\n\r".includes(text[i] ?? "")) i++;
  };
  const expectChar = (char: string) => {
    skip();
    if (text[i] !== char)
      fail(
        i >= text.length ? `expected ${char} but the file ended` : `expected ${char} but found ${text[i]}`,
      );
    i++;
  };
  const readString = (): string => {
    const start = i;
    i++;
    while (i < text.length && text[i] !== '"') {
      if (text[i] === "\\") i++;
      else if (text[i] === "\n") fail("unterminated string", start);
      i++;
    }
    if (i >= text.length) fail("unterminated string", start);
    i++;
    try {
      return JSON.parse(text.slice(start, i)) as string;
    } catch {
      return fail("invalid escape in string", start);
    }
  };
  const readValue = (path: JsonPath): unknown => {
    skip();
    const start = i;
    if (path.length > MAX_JSON_DEPTH) {
      const message = `nested more than ${MAX_JSON_DEPTH} levels deep`;
      fail(message, start, problems.tooDeep(MAX_JSON_DEPTH));
    }
    if (!offsets.has(keyOf(path))) offsets.set(keyOf(path), start);
    const char = text[i];
    if (char === "{") {
      i++;
      const object: Record<string, unknown> = {};
      const keyStarts = new Map<string, number>();
      skip();
      if (text[i] === "}") {
        i++;
        return object;
      }
      for (;;) {
        skip();
        if (text[i] !== '"') fail(text[i] === "}" ? "trailing comma before }" : "expected a quoted key");
        const keyStart = i;
        const key = readString();
        if (FORBIDDEN_KEYS.has(key)) fail(`key ${key} is not allowed`, keyStart, problems.forbiddenKey(key));
        const first = keyStarts.get(key);
        if (first !== undefined) {
          const firstLine = toPosition(first).line;
          fail(`key ${key} appears twice`, keyStart, problems.duplicateKey(key, firstLine));
        }
        keyStarts.set(key, keyStart);
        offsets.set(keyOf([...path, key]), keyStart);
        expectChar(":");
        object[key] = readValue([...path, key]);
        skip();
        if (text[i] === ",") {
          i++;
          continue;
        }
        if (text[i] === "}") {
          i++;
          return object;
        }
        fail(i >= text.length ? "the file ended inside an object" : `expected , or } but found ${text[i]}`);
      }
    }
    if (char === "[") {
      i++;
      const array: unknown[] = [];
      skip();
      if (text[i] === "]") {
        i++;
        return array;
      }
      for (;;) {
        array.push(readValue([...path, array.length]));
        skip();
        if (text[i] === ",") {
          i++;
          skip();
          if (text[i] === "]") fail("trailing comma before ]");
          continue;
        }
        if (text[i] === "]") {
          i++;
          return array;
        }
        fail(i >= text.length ? "the file ended inside an array" : `expected , or ] but found ${text[i]}`);
      }
    }
    if (char === '"') return readString();
    const literal = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?)/.exec(
      text.slice(i, i + 64),
    );
    if (!literal)
      return fail(i >= text.length ? "the file ended where a value was expected" : `unexpected ${text[i]}`);
    i += literal[0].length;
    return JSON.parse(literal[0]) as unknown;
  };

  const value = readValue([]);
  skip();
  if (i < text.length) fail(`unexpected ${text[i]} after the end of the JSON value`);
  return {
    value,
    locate: (path) => {
      for (let n = path.length; n >= 0; n--) {
        const offset = offsets.get(keyOf(path.slice(0, n)));
        if (offset !== undefined) return toPosition(offset);
      }
      return { line: 1, column: 1 };
    },
  };
}
