import { describe, expect, it } from "@jest/globals";
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  fingerprintTool,
  plainJson,
  rendererFingerprint,
  reportSource,
} from "../../src/build/rendererFingerprint.js";

/** A copy of the tool's templates and locales with a package.json, a code folder and one dependency. */
function tool(): { root: string; code: string } {
  const root = mkdtempSync(join(tmpdir(), "semaforo-tool-"));
  cpSync("templates", join(root, "templates"), { recursive: true });
  writeFileSync(
    join(root, "package.json"),
    JSON.stringify({ version: "1.0.0", dependencies: { handlebars: "^4" } }),
  );
  mkdirSync(join(root, "node_modules/handlebars"), { recursive: true });
  writeFileSync(join(root, "node_modules/handlebars/package.json"), JSON.stringify({ version: "4.7.8" }));
  const code = join(root, "dist");
  mkdirSync(join(code, "render"), { recursive: true });
  writeFileSync(join(code, "render/renderReport.js"), "export const x = 1;\n");
  return { root, code };
}

describe("the renderer's fingerprint (part of every report's key)", () => {
  it("changes with a template, a locale file, the code, a dependency's version or the tool's version", () => {
    const { root, code } = tool();
    const seen = new Set([fingerprintTool(root, code)]);
    const change = (file: string, text: string) => {
      writeFileSync(join(root, file), text);
      const now = fingerprintTool(root, code);
      expect(seen.has(now)).toBe(false);
      seen.add(now);
    };
    change("templates/partials/styles.hbs", "<style>body{color:red}</style>");
    change("templates/locales/es.json", "{}");
    change("dist/render/renderReport.js", "export const x = 2;\n");
    change("node_modules/handlebars/package.json", JSON.stringify({ version: "4.7.9" }));
    change("package.json", JSON.stringify({ version: "1.0.1", dependencies: { handlebars: "^4" } }));
    // Nothing changed: the same fingerprint.
    expect(fingerprintTool(root, code)).toBe(fingerprintTool(root, code));
  });

  it("changes with what the run gives the renderer, and the source with the view", () => {
    const a = rendererFingerprint({ messages: { "a.b": "uno" }, generatedAt: "2026-11-01T05:00:00.000Z" });
    expect(rendererFingerprint({ messages: { "a.b": "uno" }, generatedAt: "2026-11-01T05:00:00.000Z" })).toBe(
      a,
    );
    expect(
      rendererFingerprint({ messages: { "a.b": "dos" }, generatedAt: "2026-11-01T05:00:00.000Z" }),
    ).not.toBe(a);
    expect(reportSource(a, { name: "UGEL Bagua" })).not.toBe(reportSource(a, { name: "UGEL Bagua Alta" }));
  });

  it("refuses a view holding what JSON would drop or flatten", () => {
    expect(() => plainJson({ schools: new Map([["1", "x"]]) })).toThrow(/Map at "schools"/);
    expect(() => plainJson({ codes: new Set(["1"]) })).toThrow(/Set at "codes"/);
    expect(() => plainJson({ format: () => "x" })).toThrow(/function at "format"/);
    expect(plainJson({ when: new Date(0), list: [1, null], nested: { a: undefined } })).toBe(
      '{"when":"1970-01-01T00:00:00.000Z","list":[1,null],"nested":{}}',
    );
  });
});
