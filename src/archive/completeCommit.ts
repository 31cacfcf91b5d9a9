import { readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import { errors } from "../errors.js";
import { checkJournal } from "./checkJournal.js";
import { finishCommit } from "./finishCommit.js";
import { parseManifest } from "./manifest.js";
import type { CommitPlan } from "./planCommit.js";
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
  let data: Partial<CommitPlan>;
  try {
    data = JSON.parse(text) as Partial<CommitPlan>;
  } catch (error) {
    throw errors.unfinishedCommit(periodDir, `its journal is not valid JSON: ${(error as Error).message}`);
  }
  const manifest = parseManifest(data.manifest);
  const steps = (list: unknown) =>
    Array.isArray(list) &&
    list.every((step: unknown) => {
      const { from, to } = (step ?? {}) as { from?: unknown; to?: unknown };
      return typeof from === "string" && typeof to === "string";
    });
  if (!manifest.ok || !steps(data.moves) || !steps(data.installs) || !Array.isArray(data.removes))
    throw errors.unfinishedCommit(
      periodDir,
      `its journal is damaged${manifest.ok ? "" : `: ${manifest.why}`}`,
    );
  const plan: CommitPlan = {
    moves: data.moves as CommitPlan["moves"],
    installs: data.installs as CommitPlan["installs"],
    removes: (data.removes as unknown[]).filter((r): r is string => typeof r === "string"),
    manifest: manifest.manifest,
  };
  // A journal may only move what a build staged: anything else is refused, naming the entry.
  const broken = checkJournal(plan);
  if (broken) throw errors.badJournal(periodDir, broken.list, broken.entry, broken.why);
  return plan;
}
