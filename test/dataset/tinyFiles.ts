import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { DatasetFiles } from "../../src/dataset/parseDataset.js";

const TINY = "fixtures/tiny";

/** The tiny dataset's files in memory, as readDataset would read them; tests then change one file. */
export function tinyFiles(): DatasetFiles {
  const files = new Map<string, Uint8Array>();
  for (const name of readdirSync(TINY)) {
    if (name.endsWith(".csv") || name.endsWith(".json")) files.set(name, readFileSync(join(TINY, name)));
  }
  for (const name of readdirSync(join(TINY, "good-practices")).sort()) {
    files.set(`good-practices/${name}`, readFileSync(join(TINY, "good-practices", name)));
  }
  return { files, geo: { path: "geo.topojson", bytes: readFileSync(join(TINY, "geo.topojson")) } };
}

export const text = (files: DatasetFiles, name: string): string => {
  const bytes = files.files.get(name);
  if (!bytes) throw new Error(`no ${name}`);
  return Buffer.from(bytes).toString("utf8");
};

/** Replaces one file's text. */
export function withFile(files: DatasetFiles, name: string, content: string | Uint8Array): DatasetFiles {
  const copy = new Map(files.files);
  copy.set(name, typeof content === "string" ? Buffer.from(content, "utf8") : content);
  return { ...files, files: copy };
}

/** Replaces line `line` (1-based) of a text file. */
export function withLine(files: DatasetFiles, name: string, line: number, content: string): DatasetFiles {
  const lines = text(files, name).split("\n");
  if (lines[line - 1] === undefined) throw new Error(`${name} has no line ${line}`);
  lines[line - 1] = content;
  return withFile(files, name, lines.join("\n"));
}

/** Changes field `column` (1-based) of CSV line `line` (simple comma-separated line). */
export function withField(
  files: DatasetFiles,
  name: string,
  line: number,
  column: number,
  value: string,
): DatasetFiles {
  const fields = (text(files, name).split("\n")[line - 1] ?? "").split(",");
  fields[column - 1] = value;
  return withLine(files, name, line, fields.join(","));
}

export function withoutFile(files: DatasetFiles, name: string): DatasetFiles {
  const copy = new Map(files.files);
  copy.delete(name);
  return { ...files, files: copy };
}
