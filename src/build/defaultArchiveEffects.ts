import { existsSync } from "node:fs";
import { readFile, rename, rm } from "node:fs/promises";
import { dirname, join } from "node:path";
import { acquireSendLock } from "../archive/acquireSendLock.js";
import { applyCommit } from "../archive/applyCommit.js";
import { archiveWriteError } from "../archive/archiveWriteError.js";
import { completeCommit } from "../archive/completeCommit.js";
import { listUnlisted } from "../archive/listUnlisted.js";
import { lockBuilds } from "../archive/lockBuilds.js";
import { MANIFEST, readManifest } from "../archive/manifest.js";
import { readHeldVersions } from "../archive/readHeldVersions.js";
import { readOnDisk } from "../archive/readOnDisk.js";
import { resolveInPeriod } from "../archive/resolveInPeriod.js";
import { JOURNAL, STAGING } from "../archive/staging.js";
import { syncDir, writeSynced } from "../archive/writeFileAtomic.js";
import { errors } from "../errors.js";
import { checkAgainstEntry } from "../formats/sha256Hex.js";
import { makeDirs } from "../makeDirs.js";
import type { ArchiveEffects } from "./archiveEffects.js";

/** The real IO of archiving a build: the period folder on disk, its lock files and its ledger. */
export function defaultArchiveEffects(): ArchiveEffects {
  const inside = (periodDir: string, file: string) => resolveInPeriod(periodDir, file, "the build plan");
  /** The folders the files go in inside `.staging/` (one per report level). */
  const stagingDirs = (periodDir: string, files: readonly string[]) => [
    ...new Set(files.map((file) => dirname(inside(periodDir, `${STAGING}/${file}`)))),
  ];
  return {
    makePeriodDir: (periodDir) => writing(periodDir, () => makeDirs(periodDir)),
    lockBuilds: (periodDir) => lockBuilds(periodDir),
    lockSends: (periodDir) => {
      const file = join(periodDir, ".send.lock");
      try {
        return acquireSendLock(file, { command: "build", held: (who) => errors.sendRunning(periodDir, who) });
      } catch (error) {
        throw archiveWriteError(file, error);
      }
    },
    completeCommit: async (periodDir) => void (await completeCommit(periodDir, true)),
    hasManifest: (periodDir) => existsSync(join(periodDir, MANIFEST)),
    readManifest,
    readHeld: readHeldVersions,
    stillArchived: async (periodDir, files) => {
      for (const entry of files) {
        // A name leading out of the period folder stops the build (outside-period), not only the reuse.
        const path = inside(periodDir, entry.file);
        let bytes: Buffer;
        try {
          bytes = await readFile(path);
        } catch {
          return false;
        }
        if (!checkAgainstEntry(bytes, entry).matches) return false;
      }
      return true;
    },
    prepareStaging: async (periodDir, files) => {
      // Every name is checked before any folder is made.
      const dirs = [join(periodDir, STAGING), ...stagingDirs(periodDir, files)];
      for (const dir of dirs) await writing(dir, () => makeDirs(dir));
    },
    stage: async (periodDir, file, bytes) => {
      const staged = inside(periodDir, `${STAGING}/${file}`);
      await writing(staged, async () => rename(await writeSynced(staged, bytes), staged));
    },
    syncStaging: async (periodDir, files) => {
      for (const dir of stagingDirs(periodDir, files)) await writing(dir, () => syncDir(dir));
    },
    readOnDisk: (periodDir, files) => readOnDisk(periodDir, [...files]),
    listUnlisted,
    applyCommit,
    discardStaging: async (periodDir) => {
      if (!existsSync(join(periodDir, JOURNAL)))
        await rm(join(periodDir, STAGING), { recursive: true, force: true }).catch(() => {});
    },
  };
}

/** Runs a write; a file-system error becomes `archive-write-failed`, naming `path`. */
async function writing<T>(path: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    throw archiveWriteError(path, error);
  }
}
