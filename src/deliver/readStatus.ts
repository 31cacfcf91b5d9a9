import { loadManifest } from "../archive/manifest.js";
import { resolveFileInPeriod } from "../archive/resolveInPeriod.js";
import { buildStatusReport, type StatusReport } from "./buildStatusReport.js";
import { readLedger } from "./readLedger.js";
import { replayLedger } from "./replayLedger.js";
import { ledgerPath } from "../formats/ledger.js";

/**
 * Reads OUT/PERIOD's manifest (loadManifest) and ledger (readLedger, the reader `send` uses: a
 * damaged line stops status too, naming file:line) and computes the status of the set.
 */
export async function readStatus(dir: string): Promise<StatusReport & { dir: string; warnings: string[] }> {
  // The period's one path rule, as for send: nothing is read through a link leading out of it.
  resolveFileInPeriod(dir, "manifest.json", "status");
  const manifest = await loadManifest(dir);
  const file = ledgerPath(dir);
  resolveFileInPeriod(dir, "deliveries.jsonl", "status");
  const ledger = readLedger(file);
  const warnings = ledger.partialLine
    ? [
        `${file}: the last line is incomplete (an interrupted run); it is ignored, and the next send removes it.`,
      ]
    : [];
  return { dir, ...buildStatusReport(manifest, replayLedger(ledger.events)), warnings };
}
