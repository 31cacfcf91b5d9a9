import { existsSync } from "node:fs";
import { makeDirs } from "../makeDirs.js";
import { readFile, rename, rm } from "node:fs/promises";
import { dirname, join } from "node:path";
import { errors } from "../errors.js";
import { archiveWriteError } from "./archiveWriteError.js";
import { writeManifest } from "./manifest.js";
import type { CommitPlan } from "./planCommit.js";
import { resolveInPeriod } from "./resolveInPeriod.js";
import { JOURNAL } from "./staging.js";
import { syncDir } from "./writeFileAtomic.js";
import { sha256Hex } from "../formats/sha256Hex.js";

/**
 * Runs a journaled commit to its end: moves held PDFs to `superseded/`, renames the staged PDFs
 * into place, writes the manifest, removes what it no longer lists, then the journal. Every step
 * can run again after a kill at any point (a rename whose source is gone is done; one whose
 * target already holds the superseded copy is done), so the next command rolls it forward.
 * `step` is called before each change, so a test can stop the commit anywhere.
 */
export async function finishCommit(
  periodDir: string,
  plan: CommitPlan,
  step: (what: string) => void = () => {},
): Promise<void> {
  const inside = (file: string) => resolveInPeriod(periodDir, file, "the build's journal");
  const touched = new Set<string>();
  const act = async (path: string, what: string, fn: () => Promise<unknown>) => {
    step(what);
    try {
      await fn();
    } catch (error) {
      throw archiveWriteError(path, error, true);
    }
  };

  for (const move of plan.moves) {
    const from = inside(move.from);
    const to = inside(move.to);
    if (!existsSync(from)) continue; // moved already (or was never there)
    if (existsSync(to)) {
      // The superseded copy exists (an earlier build kept it): `from` goes only if it is still
      // those same bytes — after a kill, `from` may already hold the new PDF.
      if ((await sha256Of(from)) === move.sha256 && (await sha256Of(to)) === move.sha256)
        await act(from, `drop ${move.from}`, () => rm(from, { force: true }));
      continue;
    }
    await act(to, `move ${move.from}`, async () => {
      await makeDirs(dirname(to));
      await rename(from, to);
    });
    touched.add(dirname(to)).add(dirname(from));
  }
  for (const install of plan.installs) {
    const from = inside(install.from);
    const to = inside(install.to);
    if (!existsSync(from)) {
      if (existsSync(to)) continue;
      throw errors.unfinishedCommit(periodDir, `the staged ${install.from} is missing`);
    }
    await act(to, `install ${install.to}`, async () => {
      await makeDirs(dirname(to));
      await rename(from, to);
    });
    touched.add(dirname(to));
  }
  for (const dir of touched) await act(dir, `sync ${dir}`, () => syncDir(dir));
  await act(join(periodDir, "manifest.json"), "manifest", () => writeManifest(periodDir, plan.manifest));
  for (const file of plan.removes) {
    const path = inside(file);
    await act(path, `remove ${file}`, () => rm(path, { force: true }));
  }
  await act(join(periodDir, JOURNAL), "journal", () => rm(join(periodDir, JOURNAL), { force: true }));
}

async function sha256Of(path: string): Promise<string | null> {
  try {
    return sha256Hex(await readFile(path));
  } catch {
    return null;
  }
}
