import { readFile } from "node:fs/promises";
import path from "node:path";
import { loadManifest } from "../archive/manifest.js";
import { computeStatus, type StatusReport } from "./computeStatus.js";
import { parseLedger } from "./parseLedger.js";

/** Reads OUT/PERIOD/manifest.json and deliveries.jsonl and computes the status of the set. */
export async function readStatus(dir: string): Promise<StatusReport & { dir: string; warnings: string[] }> {
  const manifest = await loadManifest(dir);

  let ledger = "";
  try {
    ledger = await readFile(path.join(dir, "deliveries.jsonl"), "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  const { events, warnings } = parseLedger(ledger, path.join(dir, "deliveries.jsonl"));
  return { dir, ...computeStatus(manifest, events), warnings };
}
