import { describe, expect, it } from "@jest/globals";
import { planCommit } from "../../src/archive/planCommit.js";
import type { ManifestReport } from "../../src/model.js";
import { makeManifest as manifest, makeReport } from "../helpers/manifest.js";

const sha = (c: string) => c.repeat(64);
const brief: ManifestReport = makeReport({
  level: "team",
  code: "PE",
  name: "Equipo de acompañamiento",
  file: "team/PE-equipo-de-acompanamiento.pdf",
  sha256: sha("a"),
  bytes: 10,
  pages: 2,
  recipients: ["equipo@example.org"],
  attachments: [{ file: "team/PE-equipo-de-acompanamiento.csv", sha256: sha("b"), bytes: 5 }],
});

describe("archiving the brief's CSV", () => {
  it("installs the staged CSV with its PDF", () => {
    const plan = planCommit({
      previous: null,
      manifest: manifest([brief]),
      written: [brief],
      held: new Set(),
      onDisk: new Map(),
      leftovers: [],
    });
    expect(plan.installs.map((i) => [i.from, i.to])).toEqual([
      [".staging/team/PE-equipo-de-acompanamiento.pdf", "team/PE-equipo-de-acompanamiento.pdf"],
      [".staging/team/PE-equipo-de-acompanamiento.csv", "team/PE-equipo-de-acompanamiento.csv"],
    ]);
  });

  it("removes the CSV with its PDF when the brief is no longer built", () => {
    const plan = planCommit({
      previous: manifest([brief]),
      manifest: manifest([]),
      written: [],
      held: new Set(),
      onDisk: new Map([[brief.file, { sha256: sha("a"), bytes: 10, pages: 2 }]]),
      leftovers: [],
    });
    expect(plan.removes).toEqual([
      "team/PE-equipo-de-acompanamiento.pdf",
      "team/PE-equipo-de-acompanamiento.csv",
    ]);
  });

  it("keeps the delivered CSV with its delivered PDF when a rebuild replaces the brief", () => {
    const rebuilt: ManifestReport = {
      ...brief,
      sha256: sha("c"),
      attachments: [{ file: "team/PE-equipo-de-acompanamiento.csv", sha256: sha("d"), bytes: 6 }],
    };
    const plan = planCommit({
      previous: manifest([brief]),
      manifest: manifest([rebuilt]),
      written: [rebuilt],
      held: new Set([sha("a")]),
      onDisk: new Map([
        [brief.file, { sha256: sha("a"), bytes: 10, pages: 2 }],
        ["team/PE-equipo-de-acompanamiento.csv", { sha256: sha("b"), bytes: 5, pages: 0 }],
      ]),
      leftovers: [],
    });
    expect(plan.moves).toEqual([
      { from: brief.file, to: `superseded/${sha("a")}.pdf`, sha256: sha("a") },
      { from: "team/PE-equipo-de-acompanamiento.csv", to: `superseded/${sha("b")}.csv`, sha256: sha("b") },
    ]);
    expect(plan.manifest.superseded).toEqual([
      expect.objectContaining({
        file: `superseded/${sha("a")}.pdf`,
        attachments: [{ file: `superseded/${sha("b")}.csv`, sha256: sha("b"), bytes: 5 }],
      }),
    ]);
    // The new CSV is installed in its place.
    expect(plan.installs.map((i) => i.to)).toContain("team/PE-equipo-de-acompanamiento.csv");
  });
});
