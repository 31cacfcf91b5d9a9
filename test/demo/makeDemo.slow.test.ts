import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { createHash } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { makeDemo } from "../../src/demo/makeDemo.js";

/** Every file under `dir`, relative path → sha256. */
function hashTree(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (at: string) => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      const path = join(at, entry.name);
      if (entry.isDirectory()) walk(path);
      else files[relative(dir, path)] = createHash("sha256").update(readFileSync(path)).digest("hex");
    }
  };
  walk(dir);
  return files;
}

// The whole generation (about 2 s of CPU, 10 s and more on the loaded 2-core machine): in the
// slow project, so the fast one keeps its budget.
describe("the demo generator (npm run demo)", () => {
  let tmp: string;
  beforeAll(() => {
    tmp = mkdtempSync(join(tmpdir(), "semaforo-demo-"));
  });
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it("writes fixtures/demo byte for byte: the same files, the same bytes", async () => {
    const out = join(tmp, "demo");
    const summary = await makeDemo({ out });
    // A drift in the generator or in a project rule it uses (roll-up, target fallback, status)
    // shows here as the files that differ: run `npm run demo` and review the diff of fixtures/demo.
    expect(hashTree(out)).toEqual(hashTree("fixtures/demo"));
    // The statuses and alerts the reports show for the districts in the last month.
    expect(summary).toContain("224 districts in 26 regions, 16 months, 24668 results");
    expect(summary).toContain(
      'district statuses {"green":576,"amber":487,"red":354,"referential":130,"no-data":21}',
    );
    expect(summary).toContain(
      'district alerts {"fell":316,"red-streak":107,"below-minimum":247,"turned-green":230,"no-data":21,"referential":130}',
    );
  });
});
