import { REPORT_LEVELS } from "../model.js";
import type { CommitPlan } from "./planCommit.js";
import { STAGING } from "./staging.js";

/** A journal entry that no build writes: which list, and the entry as it reads. */
export interface JournalBreak {
  list: "moves" | "installs" | "removes";
  entry: string;
  why: string;
}

const ARCHIVED = new RegExp(`^(${REPORT_LEVELS.join("|")})/[^/]+$`);
const SUPERSEDED = /^superseded\/([0-9a-f]{64})\.[a-z]+$/;

/**
 * Whether a commit plan read back from `.staging/journal.json` moves only what a build moves
 * (planCommit): installs bring `.staging/<file>` to `<file>`, a report or attachment its manifest
 * lists; moves take an archived report file to `superseded/<its sha256>.<ext>`, which the manifest
 * lists; removes name report files or superseded versions the manifest no longer lists (and
 * temporary files there). Never the manifest, the ledger, the outbox, public/ or anything else.
 * Null when every entry is one a build writes; else the first that is not. Pure.
 */
export function checkJournal(plan: CommitPlan): JournalBreak | null {
  const reports = [...plan.manifest.reports].flatMap((r) => [
    r.file,
    ...(r.attachments ?? []).map((a) => a.file),
  ]);
  const superseded = plan.manifest.superseded.flatMap((r) => [
    r.file,
    ...(r.attachments ?? []).map((a) => a.file),
  ]);
  const listed = new Set([...reports, ...superseded]);
  for (const install of plan.installs) {
    const entry = `${install.from} → ${install.to}`;
    if (install.from !== `${STAGING}/${install.to}` || !ARCHIVED.test(install.to))
      return {
        list: "installs",
        entry,
        why: "a build installs only .staging/<file> to <file> in a report folder",
      };
    if (!reports.includes(install.to))
      return { list: "installs", entry, why: "the journal's manifest does not list that file" };
  }
  for (const move of plan.moves) {
    const entry = `${move.from} → ${move.to}`;
    const to = SUPERSEDED.exec(move.to);
    if (!ARCHIVED.test(move.from) || !to || to[1] !== move.sha256)
      return {
        list: "moves",
        entry,
        why: "a build moves only a report file to superseded/<its sha256>",
      };
    if (!superseded.includes(move.to))
      return { list: "moves", entry, why: "the journal's manifest does not list it as superseded" };
  }
  for (const file of plan.removes) {
    if (!(ARCHIVED.test(file) || /^superseded\/[^/]+$/.test(file)))
      return {
        list: "removes",
        entry: file,
        why: "a build removes only files of the report folders and superseded/",
      };
    if (listed.has(file))
      return { list: "removes", entry: file, why: "the journal's own manifest lists that file" };
  }
  return null;
}
