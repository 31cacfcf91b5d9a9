import type { SendLock } from "../archive/acquireSendLock.js";
import type { CommitPlan, OnDisk } from "../archive/planCommit.js";
import type { Manifest } from "../model.js";

/** One file of a report as it is archived: the PDF, or a file sent with it (the team brief's CSV). */
export interface ArchivedFile {
  /** Relative to the period folder, e.g. `district/010001-ugel-chachapoyas.es.pdf`. */
  file: string;
  sha256: string;
  bytes: number;
}

/**
 * The IO of printing and archiving one period (printAndArchive), passed in like the send's
 * effects: the period folder, its two locks, the ledger, the staging folder and the commit. The
 * real ones are defaultArchiveEffects; a test passes its own to reach any branch without a disk.
 * Every file name is relative to the period folder, and every method resolves it inside that
 * folder (resolveInPeriod: `outside-period`, exit 2, for any name that leads out). A file-system
 * error while writing is `archive-write-failed` (exit 2), naming the path.
 */
export interface ArchiveEffects {
  /** Makes the period folder. */
  makePeriodDir(periodDir: string): Promise<void>;
  /** The period's build lock (`.build.lock`): `build-running` while another build holds it. */
  lockBuilds(periodDir: string): SendLock;
  /** Send's lock (`.send.lock`), taken for the build: `send-running` while a send holds it. */
  lockSends(periodDir: string): SendLock;
  /** Rolls forward a commit a killed build left (`.staging/journal.json`) and clears `.staging/`. */
  completeCommit(periodDir: string): Promise<void>;
  /** Whether the period folder holds a manifest (a build that can reuse nothing starts the browser at once). */
  hasManifest(periodDir: string): boolean;
  /** The archived manifest; null when there is none. A damaged one throws `bad-manifest`. */
  readManifest(periodDir: string): Promise<Manifest | null>;
  /** The PDF versions someone may hold, per the ledger; `ledger-unreadable` when it cannot be read. */
  readHeld(periodDir: string): Set<string>;
  /** Whether every file is still on disk with the bytes its entry records. */
  stillArchived(periodDir: string, files: readonly ArchivedFile[]): Promise<boolean>;
  /** Makes `.staging/` and the folders of the files that will be staged there (checking every name first). */
  prepareStaging(periodDir: string, files: readonly string[]): Promise<void>;
  /** Writes one file, synced, to `.staging/<file>`. */
  stage(periodDir: string, file: string, bytes: Uint8Array): Promise<void>;
  /** Makes the staged names durable, before a journal points at them. */
  syncStaging(periodDir: string, files: readonly string[]): Promise<void>;
  /** Hash, size, pages and time of the files the commit may replace or remove, as they are on disk. */
  readOnDisk(periodDir: string, files: readonly string[]): Promise<Map<string, OnDisk>>;
  /** Files in the archive folders the manifest does not list. */
  listUnlisted(periodDir: string, manifest: Manifest): Promise<string[]>;
  /** Journals the plan, then runs it (`step` is called before each change; tests throw from it). */
  applyCommit(periodDir: string, plan: CommitPlan, step?: (what: string) => void): Promise<void>;
  /** Removes `.staging/`, unless a commit's journal is there (the next build completes it). Never throws. */
  discardStaging(periodDir: string): Promise<void>;
}
