import { describe, expect, it } from "@jest/globals";
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { findProjectRoot } from "../../src/findProjectRoot.js";

const SRC = join(findProjectRoot(), "src");

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sources(join(dir, entry.name))
      : entry.name.endsWith(".ts")
        ? [join(dir, entry.name)]
        : [],
  );
}

/**
 * The names a module declares for export. Re-exports (`export { a } from`, `export *`) are left
 * out: they name the same thing as the module they come from.
 */
function exportedNames(text: string): string[] {
  const declared = text.matchAll(
    /^export\s+(?:declare\s+)?(?:default\s+)?(?:async\s+)?(?:abstract\s+)?(?:function\*?|const|let|var|interface|type|class|enum)\s+([A-Za-z_$][\w$]*)/gm,
  );
  return [...new Set([...declared].map((match) => match[1] as string))];
}

describe("exported names", () => {
  it("are read from the declarations", () => {
    const text = [
      "export function a() {}",
      "export async function b() {}",
      "export const c = 1;",
      "export type D = 1;",
      "export interface E {}",
      "export class F {}",
      "export { g };",
      'export * from "./x.js";',
      "const h = 1;",
    ].join("\n");
    expect(exportedNames(text)).toEqual(["a", "b", "c", "D", "E", "F"]);
  });

  it("mean one thing each: no two modules of src/ export the same name", () => {
    const owners = new Map<string, string[]>();
    for (const file of sources(SRC)) {
      for (const name of exportedNames(readFileSync(file, "utf8"))) {
        owners.set(name, [...(owners.get(name) ?? []), relative(SRC, file)]);
      }
    }
    expect(owners.size).toBeGreaterThan(300);
    expect(owners.get("buildViews")).toEqual(["compute/buildViews.ts"]);
    const twice = [...owners].filter(([, files]) => files.length > 1);
    expect(Object.fromEntries(twice)).toEqual({});
  });
});
