import { afterAll, describe, expect, it } from "@jest/globals";
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../src/cli/main.js";
import { captureIo } from "../helpers/io.js";
import { makeArchive, removeArchives, PERIOD, TINY_REPORTS } from "./makeArchive.js";

// #27 item 5: `send` reads and writes nothing through a symbolic link leading out of the period
// folder — the same rule build and verify apply (src/archive/resolveInPeriod.ts).

const outside: string[] = [];
afterAll(() => {
  removeArchives();
  for (const dir of outside.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const elsewhere = () => {
  const dir = mkdtempSync(join(tmpdir(), "semaforo-elsewhere-"));
  outside.push(dir);
  return dir;
};

const send = async (out: string, ...flags: string[]) => {
  const io = captureIo();
  const code = await main(["send", "--out", out, "--period", PERIOD, ...flags], io);
  return { code, stdout: io.stdout(), stderr: io.stderr() };
};

describe("send and symbolic links out of the period folder", () => {
  it("refuses an outbox/ linked elsewhere (exit 2) and writes nothing there or in the ledger", async () => {
    const { out, periodDir } = makeArchive([TINY_REPORTS[3]!, TINY_REPORTS[4]!]);
    const away = elsewhere();
    symlinkSync(away, join(periodDir, "outbox"));
    const run = await send(out);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/"outbox", which lies outside the period folder/);
    expect(readdirSync(away)).toEqual([]);
    expect(existsSync(join(periodDir, "deliveries.jsonl"))).toBe(false);
  });

  it("refuses a deliveries.jsonl linked to an outside file, in the send and in its dry run", async () => {
    const { out, periodDir } = makeArchive([TINY_REPORTS[3]!]);
    const file = join(elsewhere(), "notes.txt");
    writeFileSync(file, "not yours\n");
    symlinkSync(file, join(periodDir, "deliveries.jsonl"));
    for (const flags of [[], ["--dry-run"]]) {
      const run = await send(out, ...flags);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/"deliveries\.jsonl", which lies outside the period folder/);
    }
    const status = captureIo();
    expect(await main(["status", "--out", out, "--period", PERIOD], status)).toBe(2);
    expect(status.stderr()).toMatch(/"deliveries\.jsonl", which lies outside the period folder/);
    expect(readFileSync(file, "utf8")).toBe("not yours\n");
    expect(existsSync(join(periodDir, "outbox"))).toBe(false);
  });

  it("refuses a dangling deliveries.jsonl link, which would create its target", async () => {
    const { out, periodDir } = makeArchive([TINY_REPORTS[3]!]);
    const target = join(elsewhere(), "created.jsonl");
    symlinkSync(target, join(periodDir, "deliveries.jsonl"));
    expect((await send(out)).code).toBe(2);
    expect(existsSync(target)).toBe(false);
  });

  it("refuses a manifest.json linked to an outside file", async () => {
    const { out, periodDir } = makeArchive([TINY_REPORTS[3]!]);
    const file = join(elsewhere(), "manifest.json");
    renameSync(join(periodDir, "manifest.json"), file);
    symlinkSync(file, join(periodDir, "manifest.json"));
    const run = await send(out, "--dry-run");
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/"manifest\.json", which lies outside the period folder/);
  });

  it("does not read a district/ linked elsewhere: the dry run refuses those deliveries (exit 5), the send sends none", async () => {
    const { out, periodDir } = makeArchive([TINY_REPORTS[3]!, TINY_REPORTS[4]!]);
    const away = join(elsewhere(), "district");
    renameSync(join(periodDir, "district"), away);
    symlinkSync(away, join(periodDir, "district"));
    const dry = await send(out, "--dry-run");
    expect(dry.code).toBe(5);
    expect(dry.stdout).toMatch(/REFUSE +ugel\.chachapoyas@example\.org .*points outside the period folder/);
    expect(dry.stdout).toMatch(/0 of 2 deliveries would be written to the outbox, 2 would be refused/);
    const real = await send(out);
    expect(real.code).toBe(5);
    expect(existsSync(join(periodDir, "outbox"))).toBe(false);
    expect(real.stdout).toMatch(
      /failed +district 010001 → ugel\.chachapoyas@example\.org: refused, nothing sent: district\/010001-es-report\.pdf points outside the period folder/,
    );
  });

  it("does not attach a report file linked to an outside file, even one whose sha256 the manifest holds", async () => {
    const { out, periodDir } = makeArchive([TINY_REPORTS[3]!, TINY_REPORTS[4]!]);
    const pdf = join(periodDir, "district/010001-es-report.pdf");
    const copy = join(elsewhere(), "copy.pdf");
    copyFileSync(pdf, copy);
    rmSync(pdf);
    symlinkSync(copy, pdf);
    const run = await send(out);
    expect(run.code).toBe(5);
    const written = readdirSync(join(periodDir, "outbox"));
    expect(written).toHaveLength(1);
    expect(written[0]).toMatch(/^district-010002-/);
    expect(run.stdout).toMatch(/010001-es-report\.pdf points outside the period folder/);
  });

  it("still reads a link that stays inside the period folder", async () => {
    const { out, periodDir } = makeArchive([TINY_REPORTS[3]!]);
    const pdf = join(periodDir, "district/010001-es-report.pdf");
    mkdirSync(join(periodDir, "kept"));
    renameSync(pdf, join(periodDir, "kept/report.pdf"));
    symlinkSync("../kept/report.pdf", pdf);
    const run = await send(out);
    expect(run.code).toBe(0);
    expect(readdirSync(join(periodDir, "outbox"))).toHaveLength(1);
  });
});
