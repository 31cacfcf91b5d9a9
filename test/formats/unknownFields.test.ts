import { afterAll, describe, expect, it } from "@jest/globals";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { completeCommit } from "../../src/archive/completeCommit.js";
import { readManifest } from "../../src/archive/manifest.js";
import { JOURNAL } from "../../src/archive/staging.js";
import { buildReportSet } from "../../src/build/buildReportSet.js";
import { runPublish } from "../../src/cli/commands/publish.js";
import { findProjectRoot } from "../../src/dataset/findProjectRoot.js";
import { readLedger } from "../../src/deliver/readLedger.js";
import { LEDGER } from "../../src/formats/ledger.js";
import { makeDirs } from "../../src/makeDirs.js";
import type { Manifest } from "../../src/model.js";
import { fakeBuildEffects } from "../archive/fakeBuild.js";
import { captureIo } from "../helpers/io.js";

const TINY = join(findProjectRoot(), "fixtures", "tiny");
const PERIOD = "2026-05";
const scratch = mkdtempSync(join(tmpdir(), "semaforo-unknown-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const readJson = (file: string) => JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>;
const writeJson = (file: string, data: unknown) => writeFileSync(file, JSON.stringify(data, null, 2) + "\n");

/** What a newer version of the tool (or a careful hand) adds to the manifest. */
const ADDED = { signedBy: "archivo@minedu.example", retention: { years: 10 } };

function build(out: string, only?: string[]) {
  return buildReportSet(
    { dataDir: TINY, period: PERIOD, outDir: out, lang: "es", ...(only ? { only } : {}) },
    fakeBuildEffects(),
  );
}

describe("a field this version does not know", () => {
  it("stays in the manifest through a publish and a partial build (top level, a kept and a reused report)", async () => {
    const out = join(scratch, "out");
    const periodDir = join(out, PERIOD);
    expect((await build(out)).kind).toBe("built");

    const file = join(periodDir, "manifest.json");
    const manifest = readJson(file) as unknown as Manifest & Record<string, unknown>;
    const region = manifest.reports.findIndex((r) => r.code === "010000");
    const district = manifest.reports.findIndex((r) => r.code === "010001");
    writeJson(file, {
      ...manifest,
      ...ADDED,
      dataset: { ...manifest.dataset, licence: "CC-BY-4.0" },
      reports: manifest.reports.map((r, i) =>
        i === region
          ? { ...r, printedBy: "imprenta-a" }
          : i === district
            ? { ...r, printedBy: "imprenta-b" }
            : r,
      ),
    });

    const io = captureIo();
    expect(await runPublish({ data: TINY, period: PERIOD, out, json: false }, io)).toBe(0);
    const published = readJson(file);
    expect(published).toMatchObject({ ...ADDED, dataset: { licence: "CC-BY-4.0" } });
    expect(published.public).toBeDefined();

    // --only 010001: the district is rebuilt (reused: the same PDF), the region kept as it was.
    const partial = await build(out, ["010001"]);
    expect(partial.kind === "built" && partial.reused.map((r) => r.code)).toEqual(["010001"]);
    const after = readJson(file) as unknown as Manifest & Record<string, unknown>;
    expect(after).toMatchObject(ADDED);
    expect(after.dataset).toMatchObject({ licence: "CC-BY-4.0" });
    expect(after.reports.find((r) => r.code === "010000")).toMatchObject({ printedBy: "imprenta-a" });
    expect(after.reports.find((r) => r.code === "010001")).toMatchObject({ printedBy: "imprenta-b" });
    expect(after.public).toEqual(published.public);
    // And through the reader every command uses.
    expect(await readManifest(periodDir)).toMatchObject(ADDED);

    // A known field of the wrong type is refused, naming it, never dropped or guessed.
    writeJson(file, { ...after, reports: after.reports.map((r) => ({ ...r, pages: "two" })) });
    await expect(readManifest(periodDir)).rejects.toMatchObject({
      code: "bad-manifest",
      message: expect.stringContaining("reports.0.pages") as unknown as string,
    });
  }, 120_000);

  it("stays in a journal's manifest when a killed build's commit is completed", async () => {
    const out = join(scratch, "journal");
    const periodDir = join(out, PERIOD);
    expect((await build(out)).kind).toBe("built");
    const manifest = readJson(join(periodDir, "manifest.json"));
    await makeDirs(join(periodDir, ".staging"));
    writeJson(join(periodDir, JOURNAL), {
      moves: [],
      installs: [],
      removes: [],
      manifest: { ...manifest, ...ADDED },
      writtenBy: "a newer build",
    });
    expect(await completeCommit(periodDir, true)).toBe(true);
    expect(readJson(join(periodDir, "manifest.json"))).toMatchObject(ADDED);
  }, 120_000);

  it("stays on a ledger event as read, and a line missing a field is refused with its line number", async () => {
    const dir = join(scratch, "ledger");
    await makeDirs(dir);
    const event = {
      id: "2026-05/district/010001/es/a@example.org",
      messageId: "<m@example.org>",
      at: "2026-06-01T10:00:00.000Z",
      level: "district",
      code: "010001",
      language: "es",
      email: "a@example.org",
      file: "district/010001-x.pdf",
      sha256: "a".repeat(64),
      state: "sent",
      transport: "smtp",
      channel: "email",
    };
    writeFileSync(join(dir, LEDGER), JSON.stringify(event) + "\n");
    expect(readLedger(join(dir, LEDGER)).events).toEqual([event]);
    const { transport: _dropped, ...withoutTransport } = event;
    writeFileSync(join(dir, LEDGER), JSON.stringify(event) + "\n" + JSON.stringify(withoutTransport) + "\n");
    expect(() => readLedger(join(dir, LEDGER))).toThrow(
      /deliveries\.jsonl:2: not a delivery event \(transport: /,
    );
  });
});
