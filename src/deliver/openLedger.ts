import { closeSync, fsyncSync, ftruncateSync, openSync, writeSync } from "node:fs";
import { dirname } from "node:path";
import type { DeliveryEvent } from "../model.js";
import { readLedger } from "../archive/readLedger.js";
import { InternalError } from "../errors.js";

export interface Ledger {
  /** Events already in the file when it was opened. */
  readonly events: readonly DeliveryEvent[];
  /** Appends one event and syncs it to disk before returning. */
  append(event: DeliveryEvent): void;
  close(): void;
}

/**
 * Opens `deliveries.jsonl` for appending (creating it). A partial last line left by a killed run is
 * cut off first, with a warning, so that every line of the file stays a complete event.
 */
export function openLedger(file: string, warn: (text: string) => void): Ledger {
  const existing = readLedger(file);
  const fd = openSync(file, "a+");
  if (existing.partialLine) {
    ftruncateSync(fd, existing.completeBytes);
    fsyncSync(fd);
    warn(`${file}: removed an incomplete last line left by an interrupted run.`);
  }
  if (existing.unterminated) {
    // A whole last event without its newline: end its line, so the next event starts its own.
    writeSync(fd, "\n");
    fsyncSync(fd);
  }
  syncDirSync(dirname(file));
  let open = true;
  return {
    events: existing.events,
    append(event) {
      if (!open) throw new InternalError("the delivery ledger is closed");
      writeAll(fd, Buffer.from(JSON.stringify(event) + "\n"));
      fsyncSync(fd);
    },
    close() {
      if (!open) return;
      open = false;
      closeSync(fd);
    },
  };
}

/** Writes every byte: a short write (a disk filling up) goes on until it is done or throws (ENOSPC). */
function writeAll(fd: number, bytes: Buffer): void {
  for (let at = 0; at < bytes.length;) at += writeSync(fd, bytes, at, bytes.length - at);
}

/** Makes a new directory entry durable. */
export function syncDirSync(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, "r");
    fsyncSync(fd);
  } catch {
    // Some file systems cannot sync a directory; the file's own fsync still holds.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
