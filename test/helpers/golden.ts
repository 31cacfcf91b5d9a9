import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, extname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { stringifySorted } from "../../src/compute/stringifySorted.js";

/** test/golden/, where golden files live. */
export const GOLDEN_DIR = join(dirname(fileURLToPath(import.meta.url)), "..", "golden");

/**
 * Compares `actual` with test/golden/<name>. Objects are written as sorted, pretty JSON; strings as is.
 * - match: passes (and removes a stale `<name>-changed` file);
 * - mismatch: writes `<base>-changed<ext>` beside it and throws, so the test fails;
 * - missing: under CI=true throws; otherwise writes the golden file and passes;
 * - with UPDATE_GOLDEN=1 (`npm run golden:update`): writes the new output over the golden file.
 */
export function expectGolden(name: string, actual: unknown): void {
  const text = typeof actual === "string" ? actual : stringifySorted(actual);
  const file = join(GOLDEN_DIR, name);
  const extension = extname(name);
  const changed = join(GOLDEN_DIR, `${name.slice(0, name.length - extension.length)}-changed${extension}`);
  if (process.env.UPDATE_GOLDEN === "1" && process.env.CI !== "true") {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
    rmSync(changed, { force: true });
    return;
  }
  if (!existsSync(file)) {
    if (process.env.CI === "true") {
      throw new Error(
        `Golden file ${file} is missing (CI=true: not writing it). Run the tests locally and commit it.`,
      );
    }
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
    return;
  }
  const expected = readFileSync(file, "utf8");
  if (expected === text) {
    rmSync(changed, { force: true });
    return;
  }
  writeFileSync(changed, text);
  const expectedLines = expected.split("\n");
  const actualLines = text.split("\n");
  let line = 0;
  while (line < expectedLines.length && expectedLines[line] === actualLines[line]) line += 1;
  throw new Error(
    `${name} differs from its golden file at line ${line + 1}:\n` +
      `  expected: ${expectedLines[line] ?? "(end of file)"}\n` +
      `  actual:   ${actualLines[line] ?? "(end of file)"}\n` +
      `The new output is in ${changed}: compare, and if it is right, move it over ${file}.`,
  );
}
