import { planCommit, type CommitPlan } from "../archive/planCommit.js";
import type { Manifest } from "../model.js";
import type { ArchiveEffects } from "./archiveEffects.js";
import { buildManifest, type RunReports } from "./buildManifest.js";
import type { ArchiveOptions } from "./printAndArchive.js";

/** A temporary file of a build killed before staging existed (`.name.pdf.PID-RANDOM.tmp`). */
const LEFTOVER = /(^|\/)\.[^/]*\.tmp$/;

/**
 * Puts this run's staged PDFs in place: reads what the commit depends on (the ledger's held
 * versions, the previous manifest, the files on disk), plans it (buildManifest, then planCommit:
 * pure) and applies the plan (journaled). It runs holding send's lock, so the ledger cannot gain a
 * delivery between the moment it is read here and the moment the PDFs are replaced (a send that is
 * running stops the build: `send-running`). `staged`: the files whose folders hold staged names.
 */
export async function commitBuild(
  effects: ArchiveEffects,
  options: ArchiveOptions,
  browser: string,
  run: RunReports,
  staged: readonly string[],
): Promise<CommitPlan> {
  const { periodDir } = options;
  const lock = effects.lockSends(periodDir);
  try {
    const held = effects.readHeld(periodDir);
    let previous: Manifest | null = null;
    try {
      previous = await effects.readManifest(periodDir);
    } catch (error) {
      if (options.covers) throw error; // a partial build needs the previous manifest intact
    }
    const manifest = buildManifest(options, browser, previous, run);
    const plan = planCommit({
      previous,
      manifest,
      written: run.written,
      held,
      onDisk: await effects.readOnDisk(
        periodDir,
        [...(previous?.reports ?? []), ...run.written].flatMap((r) => [
          r.file,
          ...(r.attachments ?? []).map((a) => a.file),
        ]),
      ),
      leftovers: (await effects.listUnlisted(periodDir, manifest)).filter((file) => LEFTOVER.test(file)),
    });
    // The staged names must be durable before the journal that points at them.
    await effects.syncStaging(periodDir, staged);
    await effects.applyCommit(periodDir, plan, options.commitStep);
    return plan;
  } finally {
    lock.release();
  }
}
