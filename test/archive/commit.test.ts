import { describe, expect, it } from "@jest/globals";
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import {
  appendFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { hostname } from "node:os";
import { join } from "node:path";
import { completeCommit } from "../../src/archive/completeCommit.js";
import { readManifest, writeManifest } from "../../src/archive/manifest.js";
import { verifyArchive } from "../../src/archive/verifyArchive.js";
import { printAndArchive } from "../../src/build/printAndArchive.js";
import { acquireSendLock } from "../../src/archive/acquireSendLock.js";
import { main } from "../../src/cli/main.js";
import type { DeliveryEvent, Manifest } from "../../src/model.js";
import { captureIo } from "../helpers/io.js";
import { minimalPdf } from "../pdf/minimalPdf.js";
import { fakePrinter, job, options, rebuildOf, SET, tmp } from "./fakeBuild.js";

const sha = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");
/** A later build whose PDFs differ from the first's (their date inside differs). */
const later = (day: number) => ({
  generatedAt: new Date(`2026-11-${String(day).padStart(2, "0")}T00:00:00Z`),
  rebuild: rebuildOf(`2026-11-${String(day).padStart(2, "0")}T00:00:00.000Z`),
});

/** One ledger line saying `file` (as it is on disk now) went to an address. */
function deliver(
  dir: string,
  file: string,
  state: DeliveryEvent["state"],
  transport: "smtp" | "outbox" = "smtp",
) {
  const event: DeliveryEvent = {
    id: `2026-10/${file}/${state}`,
    messageId: `<${state}@test>`,
    at: "2026-11-05T16:00:00Z",
    level: "district",
    code: file.split("/")[1]?.split("-")[0] ?? "",
    email: "directora@example.org",
    file,
    sha256: sha(readFileSync(join(dir, file))),
    state,
    transport,
  };
  appendFileSync(join(dir, "deliveries.jsonl"), JSON.stringify(event) + "\n");
  return event.sha256;
}

/** Every file under the period folder, relative, sorted (hidden ones included). */
function tree(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => join(d.parentPath, d.name).slice(dir.length + 1))
    .sort();
}

describe("a rebuild after send keeps every version someone received", () => {
  it("moves a sent PDF that a rebuild changes to superseded/<sha256>.pdf, listed, and verify resolves the ledger", async () => {
    const dir = tmp();
    await printAndArchive(SET, fakePrinter(), options(dir));
    const made = new Date("2026-11-05T15:30:00Z"); // when the sent copy was printed
    utimesSync(join(dir, "district/010002-ugel-bagua.pdf"), made, made);
    const sent = readFileSync(join(dir, "district/010002-ugel-bagua.pdf"));
    const sentSha = deliver(dir, "district/010002-ugel-bagua.pdf", "sent");
    deliver(dir, "district/010001-ugel-chachapoyas.pdf", "sent", "outbox"); // reached no one

    const result = await printAndArchive(SET, fakePrinter(), { ...options(dir), ...later(9) });
    expect(result.superseded).toEqual(["district/010002-ugel-bagua.pdf"]);
    expect(readFileSync(join(dir, `superseded/${sentSha}.pdf`))).toEqual(sent);
    expect(sha(readFileSync(join(dir, "district/010002-ugel-bagua.pdf")))).not.toBe(sentSha);
    const manifest = (await readManifest(dir)) as Manifest;
    expect(manifest.superseded).toEqual([
      {
        level: "district",
        code: "010002",
        name: "UGEL Bagua",
        language: "es",
        file: `superseded/${sentSha}.pdf`,
        sha256: sentSha,
        bytes: sent.byteLength,
        pages: 2,
        generatedAt: "2026-11-05T15:30:00.000Z",
        supersededAt: "2026-11-09T00:00:00.000Z",
      },
    ]);
    expect((await verifyArchive(dir, null)).problems).toEqual([]);

    // A third build keeps the superseded copy, and adds nothing for a version no one received.
    await printAndArchive(SET, fakePrinter(), { ...options(dir), ...later(10) });
    expect(((await readManifest(dir)) as Manifest).superseded.map((s) => s.sha256)).toEqual([sentSha]);
    expect((await verifyArchive(dir, null)).problems).toEqual([]);
  });

  it("keeps an `unknown` delivery's PDF when the unit is no longer built, and removes one nobody received", async () => {
    const dir = tmp();
    await printAndArchive(SET, fakePrinter(), options(dir));
    const heldSha = deliver(dir, "district/010002-ugel-bagua.en.pdf", "unknown");
    const fewer = SET.filter((j) => j.code !== "010002" && j.code !== "010001");
    const result = await printAndArchive(fewer, fakePrinter(), { ...options(dir), ...later(9) });
    expect(result.superseded).toEqual(["district/010002-ugel-bagua.en.pdf"]);
    expect(result.removed.sort()).toEqual([
      "district/010001-ugel-chachapoyas.pdf",
      "district/010002-ugel-bagua.pdf",
    ]);
    expect(tree(dir)).toEqual([
      "deliveries.jsonl",
      "manifest.json",
      "national/PE-peru.pdf",
      "region/010000-dre-amazonas.pdf",
      `superseded/${heldSha}.pdf`,
    ]);
    expect((await verifyArchive(dir, null)).problems).toEqual([]);
  });

  it("records when the superseded copy was made (when its file was written), even after a partial build", async () => {
    const dir = tmp();
    await printAndArchive(SET, fakePrinter(), options(dir));
    const made = new Date("2026-11-05T15:30:00Z");
    utimesSync(join(dir, "district/010002-ugel-bagua.pdf"), made, made);
    const national = (r: { code: string }) => r.code === "PE";
    await printAndArchive(SET.filter(national), fakePrinter(), { ...options(dir, national), ...later(7) });
    deliver(dir, "district/010002-ugel-bagua.pdf", "sent");
    await printAndArchive(SET, fakePrinter(), { ...options(dir), ...later(9) });
    expect(
      ((await readManifest(dir)) as Manifest).superseded.map((s) => [s.generatedAt, s.supersededAt]),
    ).toEqual([["2026-11-05T15:30:00.000Z", "2026-11-09T00:00:00.000Z"]]);
  });

  it("a second build of the same period at the same time stops before printing (exit 2)", async () => {
    const dir = tmp();
    await printAndArchive(SET, fakePrinter(), options(dir));
    const lock = acquireSendLock(join(dir, ".build.lock"));
    let printed = 0;
    try {
      await expect(
        printAndArchive(
          SET,
          fakePrinter([], () => printed++),
          { ...options(dir), ...later(9) },
        ),
      ).rejects.toMatchObject({
        code: "build-running",
        exitCode: 2,
        message: expect.stringContaining(`(process ${process.pid} on ${hostname()}, started `),
      });
    } finally {
      lock.release();
    }
    expect(printed).toBe(0);
    // A lock left by a dead process is taken over.
    writeFileSync(
      join(dir, ".build.lock"),
      JSON.stringify({ pid: 2 ** 22 + 1, hostname: hostname(), startedAt: "x" }),
    );
    await printAndArchive(SET, fakePrinter(), { ...options(dir), ...later(9) });
    expect(existsSync(join(dir, ".build.lock"))).toBe(false);
  });

  it("does not commit while a send is running (its lock is held): exit 2, nothing archived changed", async () => {
    const dir = tmp();
    await printAndArchive(SET, fakePrinter(), options(dir));
    const before = tree(dir).map((f) => `${f} ${sha(readFileSync(join(dir, f)))}`);
    const lock = acquireSendLock(join(dir, ".send.lock"));
    try {
      await expect(
        printAndArchive(SET, fakePrinter(), { ...options(dir), ...later(9) }),
      ).rejects.toMatchObject({
        code: "send-running",
        exitCode: 2,
        message: expect.stringContaining(`process ${process.pid}`),
      });
    } finally {
      lock.release();
    }
    expect(tree(dir).map((f) => `${f} ${sha(readFileSync(join(dir, f)))}`)).toEqual(before);
    await printAndArchive(SET, fakePrinter(), { ...options(dir), ...later(9) });
    expect(existsSync(join(dir, ".send.lock"))).toBe(false);
  });

  it("a full rebuild over a damaged manifest still keeps a delivered PDF (judged by the bytes on disk)", async () => {
    const dir = tmp();
    await printAndArchive(SET, fakePrinter(), options(dir));
    const made = new Date("2026-11-05T15:30:00Z"); // when the sent copy was printed
    utimesSync(join(dir, "district/010002-ugel-bagua.pdf"), made, made);
    const sent = readFileSync(join(dir, "district/010002-ugel-bagua.pdf"));
    const sentSha = deliver(dir, "district/010002-ugel-bagua.pdf", "sent");
    writeFileSync(join(dir, "manifest.json"), '{"version": 1, "reports": [');
    const result = await printAndArchive(SET, fakePrinter(), { ...options(dir), ...later(9) });
    expect(result.superseded).toEqual(["district/010002-ugel-bagua.pdf"]);
    expect(readFileSync(join(dir, `superseded/${sentSha}.pdf`))).toEqual(sent);
    expect((await verifyArchive(dir, null)).problems).toEqual([]);
  });

  it("verify names a delivered version the archive lost (the ledger's sha256 must resolve)", async () => {
    const dir = tmp();
    await printAndArchive(SET, fakePrinter(), options(dir));
    const heldSha = deliver(dir, "district/010002-ugel-bagua.pdf", "sent");
    // What a build before this fix did: replace the PDF and its manifest entry.
    const replaced = minimalPdf(3, "rebuilt");
    writeFileSync(join(dir, "district/010002-ugel-bagua.pdf"), replaced);
    const manifest = (await readManifest(dir)) as Manifest;
    await writeManifest(dir, {
      ...manifest,
      reports: manifest.reports.map((r) =>
        r.code === "010002" && r.language === "es"
          ? { ...r, sha256: sha(replaced), bytes: replaced.byteLength, pages: 3 }
          : r,
      ),
    });
    const { problems } = await verifyArchive(dir, null);
    expect(problems.map((p) => `${p.file} ${p.kind}`)).toEqual(["deliveries.jsonl delivered-missing"]);
    expect(problems[0]?.detail).toContain(heldSha);
    expect(problems[0]?.detail).toContain("directora@example.org");
  });
});

describe("a build killed at any moment of its commit", () => {
  /**
   * The set, a delivery of one PDF, then a rebuild that supersedes it, replaces all and drops one
   * unit; or (`incremental`) one that prints only the delivered report, changed, and a new unit,
   * and reuses the others.
   */
  async function scenario(dir: string, commitStep?: (what: string) => void, incremental = false) {
    await printAndArchive(SET, fakePrinter(), options(dir));
    const made = new Date("2026-11-05T15:30:00Z"); // the superseded entry records it
    utimesSync(join(dir, "district/010002-ugel-bagua.pdf"), made, made);
    deliver(dir, "district/010002-ugel-bagua.pdf", "sent");
    const next = [...SET.filter((j) => j.code !== "010001"), job("district", "010003", "UGEL Bongará")];
    if (!incremental)
      return printAndArchive(next, fakePrinter(), { ...options(dir), ...later(9), commitStep });
    // The fake printer's bytes do not follow the HTML; the stamped metadata does.
    const changed = next.map((j) =>
      j.file === "district/010002-ugel-bagua.pdf" ? { ...j, info: { ...j.info, subject: "corrected" } } : j,
    );
    const result = await printAndArchive(changed, fakePrinter(), {
      ...options(dir),
      generatedAt: later(9).generatedAt,
      commitStep,
    });
    expect(result.written.map((r) => r.file).sort()).toEqual([
      "district/010002-ugel-bagua.pdf",
      "district/010003-ugel-bongara.pdf",
    ]);
    expect(result.reused).toHaveLength(3);
    return result;
  }

  it.each([
    ["a full rebuild", false],
    ["an incremental rebuild (some PDFs reused)", true],
  ])(
    "is completed by the next verify (or build), into exactly the set an uninterrupted build makes: %s",
    async (_name, incremental) => {
      const reference = tmp();
      const steps: string[] = [];
      await scenario(reference, (what) => steps.push(what), incremental);
      const expected = tree(reference);
      const expectedManifest = await readManifest(reference);
      expect(steps.length).toBeGreaterThan(incremental ? 5 : 8);
      expect(expectedManifest?.superseded.map((s) => s.code)).toEqual(["010002"]);

      for (let k = 0; k < steps.length; k++) {
        const dir = tmp();
        const killed = new Error(`killed before ${steps[k]}`);
        let count = 0;
        await expect(
          scenario(
            dir,
            () => {
              if (count++ === k) throw killed;
            },
            incremental,
          ),
        ).rejects.toBe(killed);
        // Until the commit is completed, nothing reads the half-changed folder as a set.
        await expect(readManifest(dir)).rejects.toMatchObject({ code: "unfinished-build", exitCode: 2 });
        const { problems, notes } = await verifyArchive(dir, null);
        expect({ step: steps[k], problems }).toEqual({ step: steps[k], problems: [] });
        expect(notes[0]).toContain("completed the commit");
        expect(tree(dir)).toEqual(expected);
        expect(await readManifest(dir)).toEqual(expectedManifest);
      }
    },
  );

  it("leaves the previous set as it was when killed before the journal (while printing)", async () => {
    const dir = tmp();
    await printAndArchive(SET, fakePrinter(), options(dir));
    const before = tree(dir).map((f) => `${f} ${sha(readFileSync(join(dir, f)))}`);
    // A kill mid-print leaves staged PDFs behind (as SIGKILL would).
    mkdirSync(join(dir, ".staging/district"), { recursive: true });
    writeFileSync(join(dir, ".staging/district/010001-ugel-chachapoyas.pdf"), "half a PDF");
    const result = await verifyArchive(dir, null);
    expect(result.problems).toEqual([]);
    expect(result.notes).toEqual([
      ".staging/: printed files of an interrupted build (ignored; the next build removes them)",
    ]);
    // …but completeCommit (the start of the next build) removes them.
    expect(await completeCommit(dir, true)).toBe(false);
    expect(existsSync(join(dir, ".staging"))).toBe(false);
    expect(tree(dir).map((f) => `${f} ${sha(readFileSync(join(dir, f)))}`)).toEqual(before);
  });

  it("an old-style temporary file in a level folder is a note for verify and removed by the next build", async () => {
    const dir = tmp();
    await printAndArchive(SET, fakePrinter(), options(dir));
    const leftover = "region/.010000-dre-amazonas.pdf.11357-0a1b2c3d.tmp";
    writeFileSync(join(dir, leftover), "partial");
    const result = await verifyArchive(dir, null);
    expect(result.problems).toEqual([]);
    expect(result.notes.join("\n")).toContain(leftover);
    const rebuilt = await printAndArchive(SET, fakePrinter(), { ...options(dir), ...later(9) });
    expect(rebuilt.removed).toEqual([leftover]);
    expect(existsSync(join(dir, leftover))).toBe(false);
  });
});

describe("verify on bad archive content", () => {
  it("reports folders, links, garbage and a damaged ledger as problems, never a crash", async () => {
    const dir = tmp();
    await printAndArchive(SET, fakePrinter(), options(dir));
    rmSync(join(dir, "national/PE-peru.pdf"));
    mkdirSync(join(dir, "national/PE-peru.pdf"));
    rmSync(join(dir, "region/010000-dre-amazonas.pdf"));
    const { symlinkSync } = await import("node:fs");
    symlinkSync("/etc/hostname", join(dir, "region/010000-dre-amazonas.pdf"));
    writeFileSync(join(dir, "district/010001-ugel-chachapoyas.pdf"), Buffer.from([0, 255, 1, 2, 3]));
    writeFileSync(join(dir, "deliveries.jsonl"), "{not json\n");
    const { problems } = await verifyArchive(dir, null);
    expect(problems.map((p) => `${p.file} ${p.kind}`)).toEqual([
      "deliveries.jsonl ledger",
      "district/010001-ugel-chachapoyas.pdf sha256",
      "district/010001-ugel-chachapoyas.pdf size",
      "district/010001-ugel-chachapoyas.pdf unreadable",
      "national/PE-peru.pdf unreadable",
      "region/010000-dre-amazonas.pdf unreadable",
    ]);
    expect(problems[3]?.detail).toMatch(/^not a PDF/);
    expect(problems[4]?.detail).toBe("is a folder, not a PDF");
    expect(problems[5]?.detail).toBe("is a symbolic link, not a PDF");
    expect(problems[0]?.detail).toContain("deliveries.jsonl:1");
  });

  it("the verify command exits 4 (never 1) on a FIFO, a folder for the ledger or superseded/ as a file; 2 on a folder for the manifest", async () => {
    const dir = tmp();
    await printAndArchive(SET, fakePrinter(), options(dir));
    deliver(dir, "district/010002-ugel-bagua.pdf", "sent");
    await printAndArchive(SET, fakePrinter(), { ...options(dir), ...later(9) });
    const [kept] = ((await readManifest(dir)) as Manifest).superseded;
    rmSync(join(dir, kept?.file as string));
    execFileSync("mkfifo", [join(dir, kept?.file as string)]); // reading it would block forever
    rmSync(join(dir, "deliveries.jsonl"));
    mkdirSync(join(dir, "deliveries.jsonl"));
    const io = captureIo();
    expect(await main(["verify", dir, "--json"], io)).toBe(4);
    const result = JSON.parse(io.stdout()) as { problems: { file: string; kind: string; detail: string }[] };
    expect(result.problems.map((p) => `${p.file} ${p.kind}: ${p.detail}`)).toEqual([
      "deliveries.jsonl ledger: cannot be read (EISDIR)",
      `${kept?.file} unreadable: is not a regular file, not a PDF`,
    ]);

    rmSync(join(dir, "manifest.json"));
    mkdirSync(join(dir, "manifest.json"));
    const damaged = captureIo();
    expect(await main(["verify", dir], damaged)).toBe(2);
    expect(damaged.stderr()).toContain("manifest.json is damaged: it cannot be read (EISDIR)");
  });

  it("a damaged ledger stops a build before anything is printed (exit 2): no delivered PDF is replaced blindly", async () => {
    const dir = tmp();
    await printAndArchive(SET, fakePrinter(), options(dir));
    appendFileSync(join(dir, "deliveries.jsonl"), "not a delivery\n");
    const before = tree(dir).map((f) => `${f} ${sha(readFileSync(join(dir, f)))}`);
    let printed = 0;
    await expect(
      printAndArchive(
        SET,
        fakePrinter([], () => printed++),
        { ...options(dir), ...later(9) },
      ),
    ).rejects.toMatchObject({ code: "ledger-unreadable", exitCode: 2 });
    expect(printed).toBe(0);
    expect(tree(dir).map((f) => `${f} ${sha(readFileSync(join(dir, f)))}`)).toEqual(before);
  });
});
