import { readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import { errors } from "../errors.js";
import { checkJournal } from "./checkJournal.js";
import { finishCommit } from "./finishCommit.js";
import { commitPlanSchema } from "../formats/journal.js";
import { describeIssues } from "../formats/describeIssues.js";
import type { CommitPlan } from "../formats/journal.js";
import { JOURNAL, STAGING } from "./staging.js";

/**
 * At the start of `build` and `verify`: rolls forward a commit that a killed build left in
 * `.staging/journal.json` and removes `.staging/`. Without a journal, `.staging/` holds only PDFs
 * printed by a build killed before its commit: removed when `tidy` (the next build), left alone
 * otherwise (verify only notes them). Returns whether an interrupted commit was completed.
 */
export async function completeCommit(periodDir: string, tidy: boolean): Promise<boolean> {
  const journal = join(periodDir, JOURNAL);
  let text: string | null = null;
  try {
    text = await readFile(journal, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== "ENOENT" && code !== "ENOTDIR") throw errors.unfinishedCommit(periodDir, `${code}`);
  }
  if (text !== null) await finishCommit(periodDir, parseJournal(periodDir, text));
  if (text === null && !tidy) return false;
  try {
    await rm(join(periodDir, STAGING), { recursive: true, force: true });
  } catch {
    // A read-only copy of a clean archive: nothing to remove that matters.
  }
  return text !== null;
}

function parseJournal(periodDir: string, text: string): CommitPlan {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw errors.unfinishedCommit(periodDir, `its journal is not valid JSON: ${(error as Error).message}`);
  }
  const plan = commitPlanSchema.safeParse(data);
  if (!plan.success)
    throw errors.unfinishedCommit(periodDir, `its journal is damaged: ${describeIssues(plan.error)}`);
  // A journal may only move what a build staged: anything else is refused, naming the entry.
  const broken = checkJournal(plan.data);
  if (broken) throw errors.badJournal(periodDir, broken.list, broken.entry, broken.why);
  return plan.data;
}
