import { join } from "node:path";
import { archiveWriteError } from "./archiveWriteError.js";
import { finishCommit } from "./finishCommit.js";
import type { CommitPlan } from "./planCommit.js";
import { resolveInPeriod } from "./resolveInPeriod.js";
import { JOURNAL } from "./staging.js";
import { writeFileAtomic } from "./writeFileAtomic.js";

/**
 * Puts a build in place. The plan is first written, synced, as `.staging/journal.json`: before that
 * nothing archived has changed (the previous set verifies); after it, `completeCommit` at the next
 * start rolls the plan forward, whatever moment a kill came at.
 */
export async function applyCommit(
  periodDir: string,
  plan: CommitPlan,
  step?: (what: string) => void,
): Promise<void> {
  // Every path is checked before the journal exists, so a refused one changes nothing.
  for (const step of [...plan.moves, ...plan.installs])
    for (const file of [step.from, step.to]) resolveInPeriod(periodDir, file, "the build plan");
  for (const file of plan.removes) resolveInPeriod(periodDir, file, "the build plan");
  const journal = join(periodDir, JOURNAL);
  try {
    await writeFileAtomic(journal, JSON.stringify(plan) + "\n");
  } catch (error) {
    throw archiveWriteError(journal, error);
  }
  await finishCommit(periodDir, plan, step);
}
