import { suggest } from "../rules/suggest.js";
import type { z } from "zod";
import { configSchema, type Config } from "./configSchema.js";

/** One mistake in a config file. `path` is dotted (`smtp.url`), empty for the whole file. */
export interface ConfigProblem {
  /** The config file as named to the user. */
  file: string;
  path: string;
  message: string;
  line?: number;
  column?: number;
}

/** Config problems as printed: `semaforo.config.json:3:5: JSON syntax …` or `semaforo.config.json: smtp.url: …`. */
export function formatConfigProblem(problem: ConfigProblem): string {
  const where = problem.line ? `${problem.file}:${problem.line}:${problem.column ?? 1}` : problem.file;
  return problem.path ? `${where}: ${problem.path}: ${problem.message}` : `${where}: ${problem.message}`;
}

/**
 * Parses the text of `semaforo.config.json` (pure). Every mistake is listed, each with its path;
 * `config` is null when there is any.
 */
export function parseConfig(
  text: string,
  file: string,
): { config: Config | null; problems: ConfigProblem[] } {
  const source = text.replace(/^\uFEFF/, "");
  let data: unknown;
  try {
    data = JSON.parse(source);
  } catch (error) {
    return { config: null, problems: [jsonSyntaxProblem(file, source, error)] };
  }
  const result = configSchema.safeParse(data);
  if (result.success) return { config: result.data, problems: [] };
  const problems = result.error.issues.flatMap((issue) =>
    describeIssue(issue, data).map((p) => ({ file, ...p })),
  );
  problems.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { config: null, problems };
}

function jsonSyntaxProblem(file: string, source: string, error: unknown): ConfigProblem {
  const message = error instanceof Error ? error.message : String(error);
  const position = /at position (\d+)/.exec(message);
  const detail = message.replace(/\s*\(line \d+ column \d+\)/, "").replace(/ in JSON at position \d+/, "");
  const problem: ConfigProblem = { file, path: "", message: `is not valid JSON: ${detail}` };
  if (position?.[1]) {
    const before = source.slice(0, Number(position[1]));
    const lines = before.split("\n");
    problem.line = lines.length;
    problem.column = (lines[lines.length - 1] ?? "").length + 1;
  }
  return problem;
}

type Issue = z.core.$ZodIssue;

function describeIssue(issue: Issue, data: unknown): Omit<ConfigProblem, "file">[] {
  const path = issue.path.map(String).join(".");
  switch (issue.code) {
    case "unrecognized_keys":
      return issue.keys.map((key) => ({
        path: path ? `${path}.${key}` : key,
        message:
          path === "smtp"
            ? smtpKeyMessage(key)
            : ((path === "" ? RETIRED_KEYS[key] : undefined) ??
              unknownKeyMessage(key, knownKeys(issue.path))),
      }));
    case "invalid_type": {
      const value = valueAt(data, issue.path);
      return [{ path, message: `expected ${typeName(issue.expected)}, got ${describeValue(value)}` }];
    }
    case "invalid_value":
      return [
        {
          path,
          message: `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(", ")}, got ${describeValue(valueAt(data, issue.path))}`,
        },
      ];
    case "too_small":
      return [
        {
          path,
          message:
            issue.origin === "string"
              ? "must not be empty"
              : `expected a number ${issue.inclusive ? "≥" : ">"} ${String(issue.minimum)}, got ${describeValue(valueAt(data, issue.path))}`,
        },
      ];
    case "too_big":
      return [
        {
          path,
          message: `expected a number ${issue.inclusive ? "≤" : "<"} ${String(issue.maximum)}, got ${describeValue(valueAt(data, issue.path))}`,
        },
      ];
    case "invalid_format":
    case "custom":
      return [{ path, message: issue.message }];
    default:
      return [{ path, message: issue.message }];
  }
}

/** Top-level keys earlier versions accepted without acting on them: what to do instead. */
const RETIRED_KEYS: Record<string, string> = {
  locale:
    "not a setting (it never changed anything): each recipient's language is the language column of recipients.csv, es when blank",
};

function unknownKeyMessage(key: string, known: string[]): string {
  // The one "did you mean" rule of the tool (unit codes use it too): `smpt` → `smtp` (two edits
  // in four letters), `concurency` → `concurrency`.
  const suggestion = suggest(key, known);
  const list = known.length ? ` Known keys here: ${known.join(", ")}.` : "";
  return suggestion ? `unknown key (did you mean "${suggestion}"?)` : `unknown key.${list}`;
}

/** People write the SMTP server as host/port/user/password: say how it is written here. */
function smtpKeyMessage(key: string): string {
  if (/pass/i.test(key)) {
    return "unknown key: never write the SMTP password in this file; set smtp.passwordEnv to the name of an environment variable that holds it";
  }
  if (/^(host|port|user|username|secure|tls)$/i.test(key)) {
    return `unknown key: the server is one URL, smtp.url, e.g. "smtp://user@mail.example.org:587" (smtps:// for TLS on 465)`;
  }
  return unknownKeyMessage(key, knownKeys(["smtp"]));
}

/** The keys the schema allows at a path (for suggestions). */
function knownKeys(path: PropertyKey[]): string[] {
  let schema: unknown = configSchema;
  for (const key of path) {
    const shape = objectShape(schema);
    schema = shape ? shape[String(key)] : undefined;
  }
  return Object.keys(objectShape(schema) ?? {});
}

function objectShape(schema: unknown): Record<string, unknown> | undefined {
  let current = schema as { def?: { type?: string; innerType?: unknown; shape?: Record<string, unknown> } };
  while (current?.def?.type === "optional") current = current.def.innerType as typeof current;
  return current?.def?.type === "object" ? current.def.shape : undefined;
}

function valueAt(data: unknown, path: PropertyKey[]): unknown {
  let value = data;
  for (const key of path) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<string, unknown>)[String(key)];
  }
  return value;
}

function typeName(expected: string): string {
  const names: Record<string, string> = {
    number: "a number",
    int: "a whole number",
    string: "a string",
    object: "an object",
    boolean: "true or false",
    array: "a list",
  };
  return names[expected] ?? expected;
}

function describeValue(value: unknown): string {
  if (value === undefined) return "nothing";
  if (value === null) return "null";
  if (typeof value === "string")
    return `the string ${JSON.stringify(value.length > 40 ? value.slice(0, 40) + "…" : value)}`;
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "an object";
  return JSON.stringify(value);
}
