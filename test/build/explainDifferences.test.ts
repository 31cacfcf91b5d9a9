import { describe, expect, it } from "@jest/globals";
import { explainDifferences, type InputCheck } from "../../src/build/explainDifferences.js";
import type { Manifest, ManifestReport } from "../../src/model.js";
import { makeManifest, makeReport } from "../helpers/manifest.js";

const sha = (c: string) => c.repeat(64);
const report = (code: string, bytes: string, key?: string): ManifestReport =>
  makeReport({ code, file: `district/${code}.pdf`, sha256: sha(bytes), ...(key ? { key: sha(key) } : {}) });
const manifest = (reports: ManifestReport[], over: Partial<Manifest> = {}): Manifest =>
  makeManifest(reports, {
    browser: "Chrome/156",
    tool: { name: "semaforo-reports", version: "0.1.0" },
    ...over,
  });
const same: InputCheck[] = [{ path: "results.csv", state: "same" }];

describe("explainDifferences", () => {
  it("names nothing when every PDF has the archived bytes", () => {
    const set = [report("010001", "a", "k"), report("010002", "b", "l")];
    expect(explainDifferences(manifest(set), manifest(set), same)).toEqual([]);
  });

  it("puts a difference down to the inputs, Chromium and the tool's version, all that differ", () => {
    const archived = manifest([report("010001", "a", "k")]);
    const rebuilt = manifest([report("010001", "b", "m")], {
      browser: "Chrome/157",
      tool: { name: "semaforo-reports", version: "0.2.0" },
    });
    expect(
      explainDifferences(archived, rebuilt, [
        { path: "results.csv", state: "changed" },
        { path: "schools.csv", state: "missing" },
      ]),
    ).toEqual([
      {
        file: "district/010001.pdf",
        why:
          "inputs changed (results.csv changed, schools.csv missing); " +
          "Chromium differs (archived with Chrome/156, rebuilt with Chrome/157); " +
          "tool version differs (archived with 0.1.0, rebuilt with 0.2.0)",
      },
    ]);
  });

  it("with nothing else different, tells a changed HTML from Chromium printing the same key differently", () => {
    const archived = manifest([
      report("010001", "a", "k"),
      report("010002", "b", "l"),
      report("010003", "c"),
    ]);
    const rebuilt = manifest([
      report("010001", "d", "k"),
      report("010002", "e", "m"),
      report("010003", "f", "n"),
    ]);
    expect(explainDifferences(archived, rebuilt, same).map((d) => [d.file, d.why])).toEqual([
      ["district/010001.pdf", expect.stringContaining("Chromium's output varied")],
      ["district/010002.pdf", expect.stringContaining("its HTML differs")],
      ["district/010003.pdf", expect.stringContaining("recorded no key")],
    ]);
  });

  it("says when the rebuild has no such report, or could not print it", () => {
    const archived = manifest([report("010001", "a", "k"), report("010002", "b", "l")]);
    const rebuilt = manifest([], {
      failures: [
        { level: "district", code: "010002", language: "es", error: "district 010002 (es): blank report" },
      ],
    });
    expect(explainDifferences(archived, rebuilt, same)).toEqual([
      { file: "district/010001.pdf", why: "the rebuild has no such report (the dataset no longer plans it)" },
      { file: "district/010002.pdf", why: "could not be rebuilt: district 010002 (es): blank report" },
    ]);
  });
});
