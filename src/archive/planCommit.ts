import type { Manifest, ManifestReport, SupersededReport } from "../model.js";
import type { CommitPlan } from "../formats/journal.js";
import { sortReports } from "./mergeManifest.js";
import { STAGING } from "./staging.js";

/** What is on disk at a path the commit touches. */
export interface OnDisk {
  sha256: string;
  bytes: number;
  pages: number;
  /** When the file was written (its modification time). */
  createdAt?: string;
}

/** The steps that put a build in place, written to the journal before the first one runs (its schema: formats/journal.ts). */
export type { CommitPlan } from "../formats/journal.js";

/**
 * Decides how a build replaces the archived set (pure). A PDF on disk that the new manifest does
 * not list with the same bytes is either kept in `superseded/` — when its sha256 is a version
 * someone may hold (`held`, from the ledger) — or overwritten / removed. Decisions use the bytes on
 * disk (`onDisk`), not only the previous manifest, so a damaged manifest cannot make a delivered
 * PDF disappear.
 */
export function planCommit(input: {
  previous: Manifest | null;
  manifest: Manifest;
  written: ManifestReport[];
  held: ReadonlySet<string>;
  onDisk: ReadonlyMap<string, OnDisk>;
  leftovers: string[];
}): CommitPlan {
  const { previous, manifest, written, held, onDisk } = input;
  const next = new Map(manifest.reports.map((r) => [r.file, r]));
  const before = new Map((previous?.reports ?? []).map((r) => [r.file, r]));
  const superseded: SupersededReport[] = [...manifest.superseded];
  const kept = new Set(superseded.map((s) => s.sha256));
  const moves: CommitPlan["moves"] = [];
  const removes: string[] = [];
  const files = [...new Set([...before.keys(), ...written.map((r) => r.file)])].sort();
  for (const file of files) {
    const disk = onDisk.get(file);
    if (!disk) continue;
    const replacement = next.get(file);
    if (replacement && replacement.sha256 === disk.sha256) continue; // unchanged
    if (held.has(disk.sha256) && !kept.has(disk.sha256)) {
      const unit = (before.get(file) ?? replacement) as ManifestReport;
      const to = `superseded/${disk.sha256}.pdf`;
      moves.push({ from: file, to, sha256: disk.sha256 });
      kept.add(disk.sha256);
      // What was delivered with it (the team brief's CSV) is kept with it, under its own hash.
      const attachments = (before.get(file)?.attachments ?? []).flatMap((attachment) => {
        const found = onDisk.get(attachment.file);
        if (!found) return [];
        const to = `superseded/${found.sha256}${attachment.file.slice(attachment.file.lastIndexOf("."))}`;
        moves.push({ from: attachment.file, to, sha256: found.sha256 });
        return [{ file: to, sha256: found.sha256, bytes: found.bytes }];
      });
      superseded.push({
        level: unit.level,
        code: unit.code,
        name: unit.name,
        language: unit.language,
        file: to,
        sha256: disk.sha256,
        bytes: disk.bytes,
        pages: disk.pages,
        generatedAt: disk.createdAt ?? previous?.generatedAt ?? "",
        supersededAt: manifest.generatedAt,
        ...(attachments.length ? { attachments } : {}),
      });
    } else if (!replacement) {
      removes.push(file);
    }
  }
  // A report's attachments (the team brief's CSV) go with it: those the new manifest no longer lists are removed.
  const attached = new Set(manifest.reports.flatMap((r) => (r.attachments ?? []).map((a) => a.file)));
  for (const r of previous?.reports ?? [])
    for (const a of r.attachments ?? []) if (!attached.has(a.file)) removes.push(a.file);
  return {
    moves,
    installs: written.flatMap((r) =>
      [r, ...(r.attachments ?? [])].map((f) => ({
        from: `${STAGING}/${f.file}`,
        to: f.file,
        sha256: f.sha256,
      })),
    ),
    removes: [...removes, ...input.leftovers],
    // sortReports is stable: a unit's superseded versions stay oldest first.
    manifest: { ...manifest, superseded: sortReports(superseded) },
  };
}
