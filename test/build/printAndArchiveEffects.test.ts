import { describe, expect, it } from "@jest/globals";
import { existsSync } from "node:fs";
import type { SendLock } from "../../src/archive/acquireSendLock.js";
import type { CommitPlan } from "../../src/archive/planCommit.js";
import type { ArchiveEffects } from "../../src/build/archiveEffects.js";
import { printAndArchive } from "../../src/build/printAndArchive.js";
import { errors } from "../../src/errors.js";
import { sha256Hex } from "../../src/formats/sha256Hex.js";
import type { Manifest } from "../../src/model.js";
import { fakePrinter, options, SET } from "../archive/fakeBuild.js";

/** A period folder that is never created: every read and write goes through the fake effects. */
const NOWHERE = "/nonexistent/semaforo-fake-archive/2026-10";

/**
 * ArchiveEffects in memory: the archive is a map of files, the manifest and held versions are
 * given, and every call is recorded in order.
 */
function memoryArchive(
  start: { manifest?: Manifest | null; held?: string[]; sendsLocked?: boolean; stageFails?: boolean } = {},
) {
  const calls: string[] = [];
  const staged = new Map<string, Uint8Array>();
  const locks = { builds: 0, sends: 0 };
  const plans: CommitPlan[] = [];
  let manifest = start.manifest ?? null;
  const files = new Map<string, string>(); // file → sha256 of what the archive holds
  const lock = (kind: "builds" | "sends"): SendLock => {
    locks[kind] += 1;
    return { file: kind, release: () => void (locks[kind] -= 1) };
  };
  const effects: ArchiveEffects = {
    makePeriodDir: () => (calls.push("makePeriodDir"), Promise.resolve()),
    lockBuilds: () => (calls.push("lockBuilds"), lock("builds")),
    lockSends: (periodDir) => {
      calls.push("lockSends");
      if (start.sendsLocked) throw errors.sendRunning(periodDir, "process 42 on host-a");
      return lock("sends");
    },
    completeCommit: () => (calls.push("completeCommit"), Promise.resolve()),
    hasManifest: () => manifest !== null,
    readManifest: () => (calls.push("readManifest"), Promise.resolve(manifest)),
    readHeld: () => (calls.push("readHeld"), new Set(start.held ?? [])),
    stillArchived: (_dir, list) => Promise.resolve(list.every((f) => files.get(f.file) === f.sha256)),
    prepareStaging: () => (calls.push("prepareStaging"), Promise.resolve()),
    stage: (periodDir, file, bytes) => {
      calls.push(`stage ${file}`);
      if (start.stageFails) throw errors.archiveWrite(`${periodDir}/.staging/${file}`, "ENOSPC", "full");
      staged.set(file, bytes);
      return Promise.resolve();
    },
    syncStaging: () => (calls.push("syncStaging"), Promise.resolve()),
    readOnDisk: (_dir, list) =>
      Promise.resolve(
        new Map(
          list.flatMap((file) => {
            const sha256 = files.get(file);
            return sha256 ? [[file, { sha256, bytes: 1, pages: 1 }] as const] : [];
          }),
        ),
      ),
    listUnlisted: () => Promise.resolve([]),
    applyCommit: (_dir, plan) => {
      calls.push("applyCommit");
      plans.push(plan);
      for (const { to } of plan.installs) {
        const bytes = staged.get(to);
        if (bytes) files.set(to, sha256Hex(bytes));
      }
      manifest = plan.manifest;
      return Promise.resolve();
    },
    discardStaging: () => (calls.push("discardStaging"), staged.clear(), Promise.resolve()),
  };
  return { effects, calls, staged, locks, plans, files, manifest: () => manifest };
}

describe("printAndArchive through its effects", () => {
  it("does every read and write through ArchiveEffects, in order, and touches no disk", async () => {
    const archive = memoryArchive();
    const printed: string[] = [];
    const result = await printAndArchive(
      SET,
      fakePrinter([], (job) => printed.push(job.id)),
      options(NOWHERE),
      archive.effects,
    );
    expect(existsSync("/nonexistent/semaforo-fake-archive")).toBe(false);
    expect(printed).toHaveLength(SET.length);
    expect(result.written.map((r) => r.file).sort()).toEqual(SET.map((j) => j.file).sort());
    // Prepared before anything is printed; committed after everything is staged.
    const order = archive.calls.filter((c) => !c.startsWith("stage "));
    expect(order).toEqual([
      "makePeriodDir",
      "lockBuilds",
      "completeCommit",
      "readManifest",
      "readHeld",
      "lockSends",
      "prepareStaging",
      "lockSends",
      "readHeld",
      "readManifest",
      "syncStaging",
      "applyCommit",
      "discardStaging",
    ]);
    expect(archive.calls.filter((c) => c.startsWith("stage ")).sort()).toEqual(
      SET.map((j) => `stage ${j.file}`).sort(),
    );
    // The plan installs every staged PDF, with the bytes the manifest records.
    const [plan] = archive.plans;
    expect(plan?.installs.map((i) => i.to).sort()).toEqual(SET.map((j) => j.file).sort());
    for (const report of result.manifest.reports) expect(archive.files.get(report.file)).toBe(report.sha256);
    expect(archive.staged.size).toBe(0); // discarded once committed
    expect(archive.locks).toEqual({ builds: 0, sends: 0 });
  });

  it("reuses what the archive still holds, and prints again what it no longer does", async () => {
    const archive = memoryArchive();
    await printAndArchive(SET, fakePrinter(), options(NOWHERE), archive.effects);
    const first = archive.manifest() as Manifest;
    // One archived PDF changed on disk: only that one is printed again.
    const changed = first.reports[2]?.file as string;
    archive.files.set(changed, "0".repeat(64));
    const printed: string[] = [];
    const again = await printAndArchive(
      SET,
      fakePrinter([], (job) => printed.push(job.id)),
      options(NOWHERE),
      archive.effects,
    );
    expect(again.written.map((r) => r.file)).toEqual([changed]);
    expect(again.reused).toHaveLength(SET.length - 1);
    expect(printed).toHaveLength(1);
  });

  it("stops before printing when a send holds the period, releasing the build lock", async () => {
    const archive = memoryArchive({ sendsLocked: true });
    const printed: string[] = [];
    await expect(
      printAndArchive(
        SET,
        fakePrinter([], (job) => printed.push(job.id)),
        options(NOWHERE),
        archive.effects,
      ),
    ).rejects.toMatchObject({ code: "send-running", exitCode: 2 });
    expect(printed).toEqual([]);
    expect(archive.calls).not.toContain("prepareStaging");
    expect(archive.locks.builds).toBe(0);
  });

  it("a write error while staging stops the build: nothing is committed, staging is discarded, both locks released", async () => {
    const archive = memoryArchive({ stageFails: true });
    await expect(
      printAndArchive(SET, fakePrinter(), options(NOWHERE), archive.effects),
    ).rejects.toMatchObject({ code: "archive-write-failed" });
    expect(archive.calls).not.toContain("applyCommit");
    expect(archive.calls.at(-1)).toBe("discardStaging");
    expect(archive.locks).toEqual({ builds: 0, sends: 0 });
  });

  it("keeps a PDF someone holds: the plan moves it to superseded/ before installing the new one", async () => {
    const archive = memoryArchive();
    await printAndArchive(SET, fakePrinter(), options(NOWHERE), archive.effects);
    const delivered = (archive.manifest() as Manifest).reports[0];
    const held = memoryArchive({ manifest: archive.manifest(), held: [delivered?.sha256 as string] });
    for (const [file, sha256] of archive.files) held.files.set(file, sha256);
    // Another date in every PDF: every report is printed again.
    await printAndArchive(
      SET,
      fakePrinter(),
      {
        ...options(NOWHERE),
        rebuild: { ...options(NOWHERE).rebuild, sourceDate: "2026-12-01T05:00:00.000Z" },
      },
      held.effects,
    );
    expect(held.plans[0]?.moves).toEqual([
      { from: delivered?.file, to: `superseded/${delivered?.sha256}.pdf`, sha256: delivered?.sha256 },
    ]);
  });
});
