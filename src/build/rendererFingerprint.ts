import { createHash, type Hash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { findProjectRoot } from "../dataset/findProjectRoot.js";
import { sha256Hex } from "../formats/sha256Hex.js";

let cached: string | undefined;

/**
 * sha256 over everything of the tool that decides a report's HTML besides its view and the run's
 * inputs: the code that runs (every file of `dist/`, or `src/` under the tests), the templates and
 * locale files (`templates/`), and the installed version of every dependency (Handlebars, d3, marked, the
 * fonts…). Any change to one of them changes every report's key, so an archived PDF is reused only
 * when the same renderer would write the same HTML again. Read once per process (≈ 20 ms).
 */
function toolFingerprint(): string {
  // The folder the running code lives in: dist/ (or src/ when run from TypeScript).
  cached ??= fingerprintTool(findProjectRoot(), dirname(dirname(fileURLToPath(import.meta.url))));
  return cached;
}

/** toolFingerprint of the tool installed at `root`, whose running code is in `code`. */
export function fingerprintTool(root: string, code: string): string {
  const hash = createHash("sha256");
  // templates/ holds the locale files too (templates/locales).
  for (const dir of [code, join(root, "templates")]) hashTree(hash, dir, root);
  const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as {
    version: string;
    dependencies?: Record<string, string>;
  };
  hash.update(`semaforo ${pkg.version}\n`);
  for (const name of Object.keys(pkg.dependencies ?? {}).sort()) {
    hash.update(`${name} ${installedVersion(name, root)}\n`);
  }
  return hash.digest("hex");
}

/** Every file under `dir`, by path relative to `root` and content, in a fixed order. */
function hashTree(hash: Hash, dir: string, root: string): void {
  if (!existsSync(dir)) return;
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
    a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
  )) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) hashTree(hash, path, root);
    else if (entry.isFile()) {
      const bytes = readFileSync(path);
      hash.update(`${path.slice(root.length)} ${bytes.byteLength}\n`).update(bytes);
    }
  }
}

/** The version in `node_modules/NAME/package.json`, looked up from `root` upwards as Node does. */
function installedVersion(name: string, root: string): string {
  for (let dir = root; ; dir = dirname(dir)) {
    const file = join(dir, "node_modules", name, "package.json");
    if (existsSync(file)) return (JSON.parse(readFileSync(file, "utf8")) as { version: string }).version;
    if (dirname(dir) === dir) return "not installed";
  }
}

/**
 * The fingerprint of one renderer: the tool's, and what this run gives it (messages, map
 * topology, the report date…), as one sha256.
 */
export function rendererFingerprint(parts: Record<string, unknown>): string {
  return sha256Hex(toolFingerprint() + plainJson(parts));
}

/**
 * sha256 of what one report's HTML is made from: its renderer's fingerprint and its view. Rendering
 * is pure and deterministic (the lint rule keeps IO out of render/ and compute/), so equal sources
 * give equal HTML, and a build can tell that a report is unchanged without rendering it.
 */
export function reportSource(renderer: string, view: unknown): string {
  return sha256Hex(renderer + plainJson(view));
}

/**
 * JSON of a view, refusing what JSON would silently drop or flatten (a Map, a Set, a function, a
 * class instance other than Date): a field the key could not see could change the HTML unseen.
 */
export function plainJson(value: unknown): string {
  return JSON.stringify(value, function (this: unknown, key, v: unknown) {
    if (v === undefined || v === null || typeof v !== "object") {
      if (typeof v === "function" || typeof v === "symbol" || typeof v === "bigint")
        throw new TypeError(`a report's view holds a ${typeof v} at "${key}": views must be plain data`);
      return v;
    }
    const proto = Object.getPrototypeOf(v) as unknown;
    if (Array.isArray(v) || proto === Object.prototype || proto === null) return v;
    throw new TypeError(
      `a report's view holds a ${v.constructor?.name ?? "non-plain object"} at "${key}": views must be plain data`,
    );
  });
}
