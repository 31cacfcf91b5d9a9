import cliProgress from "cli-progress";
import type { Io } from "./command.js";

export interface Progress {
  /**
   * One item done. `outcome` is counted and shown beside the count when given: `true` is
   * "failed"; a word ("reused", "unknown", "failed") is counted under that word, in the order the
   * words first came, so the line says what the summary will say ("3 reused, 1 unknown").
   */
  tick(label: string, outcome?: boolean | string): void;
  /** Removes the bar (the caller then prints its summary line). */
  stop(): void;
}

export interface ProgressOptions {
  json?: boolean;
  /** The clock, for tests. */
  now?: () => number;
  /** Without a terminal, a line at least this often (ms) while items complete. Default 10 s. */
  everyMs?: number;
}

/**
 * Progress on stderr, shared by build, send and verify; none under --json. On a terminal: a bar.
 * Without one (cron, systemd, a pipe): plain timestamped lines, one every tenth of the work or every
 * 10 s, whichever comes first, with the count, failures and an estimate of the time left, so a log
 * shows that the run is alive and when it will end.
 */
export function createProgress(io: Io, total: number, what: string, options: ProgressOptions = {}): Progress {
  // Under --json the output is for a program: nothing but the document (and errors).
  if (total === 0 || options.json || io.quiet) return { tick: () => {}, stop: () => {} };
  if (!io.isTTY) return logLines(io, total, what, options);
  const bar = new cliProgress.SingleBar(
    {
      stream: process.stderr,
      format: `${what} [{bar}] {value}/{total} {failedText}{label}`,
      barsize: 30,
      hideCursor: true,
      clearOnComplete: true,
      fps: 10,
    },
    cliProgress.Presets.shades_classic,
  );
  const counts = new Map<string, number>();
  bar.start(total, 0, { label: "", failedText: "" });
  return {
    tick(label, outcome) {
      count(counts, outcome);
      const text = describeCounts(counts);
      bar.increment(1, { label, failedText: text ? `(${text}) ` : "" });
    },
    stop() {
      bar.stop();
    },
  };
}

/** Timestamped progress lines for logs: `2026-12-03 08:05:10 Printing 26/257 (10%), ETA 58 s`. */
function logLines(io: Io, total: number, what: string, options: ProgressOptions): Progress {
  const now = options.now ?? Date.now;
  const everyMs = options.everyMs ?? 10_000;
  const step = Math.max(1, Math.ceil(total / 10));
  const started = now();
  let lastAt = started;
  let done = 0;
  const counts = new Map<string, number>();
  return {
    tick(_label, outcome) {
      done += 1;
      count(counts, outcome);
      const at = now();
      if (done < total && done % step !== 0 && at - lastAt < everyMs) return;
      lastAt = at;
      const left = ((at - started) / done) * (total - done);
      const parts = [
        `${what} ${done}/${total} (${Math.floor((done / total) * 100)}%)`,
        ...(counts.size ? [describeCounts(counts)] : []),
        ...(done < total ? [`ETA ${formatEta(left)}`] : []),
      ];
      io.err(`${timestamp(new Date(at))} ${parts.join(", ")}`);
    },
    stop() {},
  };
}

/** "45 s", "3 min 05 s": an estimate, so whole seconds. */
function formatEta(ms: number): string {
  const seconds = Math.max(1, Math.round(ms / 1000));
  return seconds < 60
    ? `${seconds} s`
    : `${Math.floor(seconds / 60)} min ${String(seconds % 60).padStart(2, "0")} s`;
}

/** Local time, to the second: what a cron or journal log line carries. */
function timestamp(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
}

/** "27.4 s", "850 ms". */
export function formatDuration(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

function count(counts: Map<string, number>, outcome: boolean | string | undefined): void {
  const word = outcome === true ? "failed" : outcome || undefined;
  if (word) counts.set(word, (counts.get(word) ?? 0) + 1);
}

/** `3 reused, 1 unknown`. */
function describeCounts(counts: Map<string, number>): string {
  return [...counts].map(([word, n]) => `${n} ${word}`).join(", ");
}
