import cliProgress from "cli-progress";
import type { Io } from "./command.js";

export interface Progress {
  /** One item done; `failed` names it when it did not succeed. */
  tick(label: string, failed?: boolean): void;
  /** Removes the bar (the caller then prints its summary line). */
  stop(): void;
}

/**
 * A progress bar on stderr when it is a terminal (and not under --json); silent otherwise, so logs
 * and pipes get only the final summary line. Shared by build and send.
 */
export function createProgress(
  io: Io,
  total: number,
  what: string,
  options: { json?: boolean } = {},
): Progress {
  if (!io.isTTY || options.json || total === 0) return { tick: () => {}, stop: () => {} };
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
  let failed = 0;
  bar.start(total, 0, { label: "", failedText: "" });
  return {
    tick(label, isFailed) {
      if (isFailed) failed++;
      bar.increment(1, { label, failedText: failed ? `(${failed} failed) ` : "" });
    },
    stop() {
      bar.stop();
    },
  };
}

/** "27.4 s", "850 ms". */
export function formatDuration(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}
