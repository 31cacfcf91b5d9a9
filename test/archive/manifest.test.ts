import { afterEach, beforeEach, describe, expect, it } from "@jest/globals";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { insidePeriod } from "../../src/formats/insidePeriod.js";
import { parseManifest, readManifest } from "../../src/archive/manifest.js";
import { main } from "../../src/cli/main.js";
import { captureIo } from "../helpers/io.js";
import { makeManifest, makeReport } from "../helpers/manifest.js";

let root: string;
let dir: string;
beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), "semaforo-manifest-"));
  dir = path.join(root, "out", "2026-10");
  await mkdir(dir, { recursive: true });
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

const good = makeManifest([makeReport({ code: "010001" })]);

/** Damaged manifests, each with the words the one error must contain. */
const DAMAGED: [string, string, string][] = [
  ["not JSON", '{"version": 1, "reports": [', "not valid JSON"],
  ["no reports", JSON.stringify({ ...good, reports: undefined }), "reports"],
  [
    "a report without sha256",
    JSON.stringify({ ...good, reports: [{ ...good.reports[0], sha256: 7 }] }),
    "sha256",
  ],
  [
    "a file outside the period",
    JSON.stringify({ ...good, reports: [{ ...good.reports[0], file: "../2026-04/district/x.pdf" }] }),
    "outside the period folder",
  ],
  [
    "an absolute file",
    JSON.stringify({ ...good, reports: [{ ...good.reports[0], file: "/etc/passwd" }] }),
    "outside the period folder",
  ],
  ["another version", JSON.stringify({ ...good, version: 2 }), "version"],
];

describe("the one manifest reader", () => {
  it("reads a good manifest and fills the lists older manifests lack", async () => {
    const { failures: _f, superseded: _s, ...older } = good;
    await writeFile(path.join(dir, "manifest.json"), JSON.stringify(older));
    const manifest = await readManifest(dir);
    expect(manifest?.reports).toHaveLength(1);
    expect(manifest?.failures).toEqual([]);
    expect(manifest?.superseded).toEqual([]);
  });

  it("returns null when there is no manifest", async () => {
    expect(await readManifest(dir)).toBeNull();
  });

  it.each(DAMAGED)("refuses %s with its reason", (_what, text, words) => {
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      return; // the JSON case is covered through the commands below
    }
    const parsed = parseManifest(data);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.why).toContain(words);
  });

  it.each(DAMAGED)(
    "status, verify and send give one answer for %s: exit 2, bad-manifest",
    async (_what, text, words) => {
      await writeFile(path.join(dir, "manifest.json"), text);
      const answers = [];
      for (const argv of [
        ["status", dir],
        ["verify", dir],
        ["send", "--out", path.join(root, "out"), "--period", "2026-10", "--dry-run"],
      ]) {
        const io = captureIo();
        const code = await main(argv, io);
        answers.push({ command: argv[0], code, stderr: io.stderr() });
      }
      for (const answer of answers) {
        expect(answer).toMatchObject({ code: 2 });
        expect(answer.stderr).toContain(`${path.join(dir, "manifest.json")} is damaged`);
        expect(answer.stderr).toContain(words);
        expect(answer.stderr).not.toMatch(/This is a bug|at .*\.ts:\d+/);
      }
    },
  );
});

describe("insidePeriod", () => {
  it("resolves paths inside the period folder and refuses any other", () => {
    expect(insidePeriod("/out/2026-10", "district/010001-ugel.pdf")).toBe(
      "/out/2026-10/district/010001-ugel.pdf",
    );
    expect(insidePeriod("/out/2026-10", "superseded/ab.pdf")).toBe("/out/2026-10/superseded/ab.pdf");
    for (const bad of [
      "../2026-04/district/010001.pdf",
      "district/../../2026-04/x.pdf",
      "/etc/passwd",
      "..",
      "",
      ".",
      "district\\..\\..\\x.pdf",
      "district/a\0.pdf",
    ])
      expect(insidePeriod("/out/2026-10", bad)).toBeNull();
  });
});
