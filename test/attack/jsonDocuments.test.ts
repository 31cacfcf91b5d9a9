import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { z } from "zod";
import { runBuild } from "../../src/cli/commands/build.js";
import {
  DOCTOR_DOCUMENT,
  INIT_DOCUMENT,
  PUBLISH_DOCUMENT,
  STATUS_DOCUMENT,
  VERIFY_DOCUMENT,
  VIEWS_DOCUMENT,
} from "../../src/cli/documents.js";
import { main } from "../../src/cli/main.js";
import { fakeBuildEffects } from "../archive/fakeBuild.js";
import { captureIo } from "../helpers/io.js";

// #28 item 7: the --json documents of verify, doctor, init, views, status and publish match the
// one schema per document (src/cli/documents.ts) that docs/contract.md describes.

const PERIOD = "2026-05";
let root = "";
const out = () => join(root, "out");

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), "semaforo-json-documents-"));
  expect(
    await runBuild(
      { data: "fixtures/tiny", period: PERIOD, out: out(), json: false },
      captureIo(),
      fakeBuildEffects(),
    ),
  ).toBe(0);
}, 60_000);

afterAll(() => rmSync(root, { recursive: true, force: true }));

async function document(argv: string[]): Promise<unknown> {
  const io = captureIo();
  await main([...argv, "--json"], io);
  return JSON.parse(io.stdout()) as unknown;
}

const check = (schema: z.ZodType, value: unknown) => {
  const parsed = schema.safeParse(value);
  expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
};

describe("--json documents match their documented shape", () => {
  it("publish (warnings a count, as everywhere; the sentences in warningMessages)", async () => {
    check(
      PUBLISH_DOCUMENT,
      await document(["publish", "--data", "fixtures/tiny", "--period", PERIOD, "--out", out()]),
    );
  }, 60_000);

  it("verify", async () => {
    check(VERIFY_DOCUMENT, await document(["verify", join(out(), PERIOD)]));
  }, 60_000);

  it("status", async () => {
    check(STATUS_DOCUMENT, await document(["status", join(out(), PERIOD)]));
  }, 30_000);

  it("views --out FILE", async () => {
    check(
      VIEWS_DOCUMENT,
      await document([
        "views",
        "--data",
        "fixtures/tiny",
        "--period",
        PERIOD,
        "--out",
        join(root, "views.json"),
      ]),
    );
  }, 30_000);

  it("init", async () => {
    check(INIT_DOCUMENT, await document(["init", join(root, "new-dataset")]));
  }, 30_000);

  it("doctor", async () => {
    check(DOCTOR_DOCUMENT, await document(["doctor"]));
  }, 60_000);
});

describe("one shape per concept across the --json documents", () => {
  it("validate's summary has the same keys for a valid and an unreadable dataset; warnings is a count", async () => {
    const valid = (await document(["validate", "--data", "fixtures/tiny"])) as {
      summary: Record<string, unknown>;
    };
    // An unreadable dataset (dataset.json is not JSON): exit 3, and no figures.
    const broken = join(root, "broken-dataset");
    cpSync("fixtures/tiny", broken, { recursive: true });
    writeFileSync(join(broken, "dataset.json"), "{ not json");
    const invalid = (await document(["validate", "--data", broken])) as {
      ok: boolean;
      summary?: Record<string, unknown>;
    };
    expect(invalid.ok).toBe(false);
    expect(Object.keys(invalid.summary ?? {}).sort()).toEqual(Object.keys(valid.summary).sort());
    expect(typeof valid.summary.warnings).toBe("number");
    const published = (await document([
      "publish",
      "--data",
      "fixtures/tiny",
      "--period",
      PERIOD,
      "--out",
      out(),
    ])) as {
      warnings: unknown;
    };
    expect(typeof published.warnings).toBe("number");
  }, 120_000);
});
