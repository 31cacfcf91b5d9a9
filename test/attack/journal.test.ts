import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runBuild } from "../../src/cli/commands/build.js";
import { main } from "../../src/cli/main.js";
import type { Manifest } from "../../src/model.js";
import { fakeBuildEffects } from "../archive/fakeBuild.js";
import { captureIo } from "../helpers/io.js";

// #27 item 8: a hand-edited .staging/journal.json may only move what a build staged. Anything
// else is refused (exit 2) naming the entry, and nothing is changed.

const PERIOD = "2026-05";
let out = "";
const periodDir = () => join(out, PERIOD);
const LEDGER_LINE = '{"note":"a ledger line"}\n';

beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), "semaforo-journal-"));
  expect(
    await runBuild(
      { data: "fixtures/tiny", period: PERIOD, out, json: false },
      captureIo(),
      fakeBuildEffects(),
    ),
  ).toBe(0);
}, 60_000);

afterAll(() => rmSync(out, { recursive: true, force: true }));

function writeJournal(edit: (plan: Record<string, unknown>, manifest: Manifest) => void): void {
  const manifest = JSON.parse(readFileSync(join(periodDir(), "manifest.json"), "utf8")) as Manifest;
  const plan: Record<string, unknown> = { moves: [], installs: [], removes: [], manifest };
  edit(plan, manifest);
  mkdirSync(join(periodDir(), ".staging"), { recursive: true });
  writeFileSync(join(periodDir(), ".staging", "journal.json"), JSON.stringify(plan));
}

const pdf = "district/010001-ugel-chachapoyas.pdf";

describe("verify and build refuse a journal that asks for what no build does", () => {
  it.each([
    [
      "removes the ledger and the manifest",
      (p: Record<string, unknown>) => (p.removes = ["deliveries.jsonl", "manifest.json"]),
      /remove "deliveries\.jsonl"/,
    ],
    [
      "removes the public site",
      (p: Record<string, unknown>) => (p.removes = ["public/index.html"]),
      /remove "public\/index\.html"/,
    ],
    [
      "removes a report its manifest lists",
      (p: Record<string, unknown>) => (p.removes = [pdf]),
      /remove "district\/010001-ugel-chachapoyas\.pdf".*lists that file/,
    ],
    [
      "moves the ledger into superseded/",
      (p: Record<string, unknown>) =>
        (p.moves = [
          { from: "deliveries.jsonl", to: `superseded/${"a".repeat(64)}.pdf`, sha256: "a".repeat(64) },
        ]),
      /move "deliveries\.jsonl → superseded\//,
    ],
    [
      "installs something over the manifest",
      (p: Record<string, unknown>) =>
        (p.installs = [{ from: ".staging/x.pdf", to: "manifest.json", sha256: "b".repeat(64) }]),
      /install "\.staging\/x\.pdf → manifest\.json"/,
    ],
  ])(
    "one that %s: exit 2 naming the entry; nothing changed",
    async (_what, edit, named) => {
      writeFileSync(join(periodDir(), "deliveries.jsonl"), LEDGER_LINE);
      const manifestBefore = readFileSync(join(periodDir(), "manifest.json"));
      const pdfBefore = readFileSync(join(periodDir(), pdf));
      writeJournal(edit);
      for (const command of [
        ["verify", periodDir()],
        ["verify", periodDir(), "--json"],
      ]) {
        const io = captureIo();
        expect(await main(command, io)).toBe(2);
        const text = command.includes("--json")
          ? (JSON.parse(io.stdout()) as { error: { code: string; message: string } }).error.message
          : io.stderr();
        expect(text).toMatch(named);
        expect(text).toMatch(/no build does.*Nothing was changed/);
      }
      expect(readFileSync(join(periodDir(), "deliveries.jsonl"), "utf8")).toBe(LEDGER_LINE);
      expect(readFileSync(join(periodDir(), "manifest.json"))).toEqual(manifestBefore);
      expect(readFileSync(join(periodDir(), pdf))).toEqual(pdfBefore);
      expect(existsSync(join(periodDir(), ".staging", "journal.json"))).toBe(true);
      rmSync(join(periodDir(), ".staging"), { recursive: true });
      rmSync(join(periodDir(), "deliveries.jsonl"));
      expect(await main(["verify", periodDir()], captureIo())).toBe(0);
    },
    60_000,
  );
});
