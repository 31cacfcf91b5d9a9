import { availableParallelism } from "node:os";
import { join } from "node:path";
import puppeteer, { type Browser } from "puppeteer-core";
import { errors } from "../errors.js";
import { createSemaphore } from "./createSemaphore.js";
import { requireChromium } from "./findChromium.js";
import { launchBrowserPool, type PooledPage, type PrinterEvent } from "./launchBrowserPool.js";
import { classifyPrintFailure, printPage, type PrintJob } from "./printPage.js";
import { BROWSER_LAUNCH, BROWSER_START_TIMEOUT_MS, DEFAULT_RESTART_EVERY } from "./printSettings.js";
import { ReportError } from "./ReportError.js";

// The printer's parts, exported from here as one interface for the rest of the tool.
export {
  A4_MM,
  BROWSER_LAUNCH,
  CHROMIUM_ARGS,
  DEFAULT_RESTART_EVERY,
  PAGE_MARGINS,
  PAGE_MARGINS_MM,
  PDF_OPTIONS,
  PRINT_VIEWPORT,
} from "./printSettings.js";
export { openPrintPage } from "./openPrintPage.js";
export { ReportError, type ReportErrorKind } from "./ReportError.js";
export type { PrintJob } from "./printPage.js";
export type { PrinterEvent } from "./launchBrowserPool.js";

export interface PrintedPdf {
  bytes: Uint8Array;
  pages: number;
  /** Wall time of the successful attempt. */
  ms: number;
  attempts: number;
}

export interface PrinterOptions {
  /** Default: requireChromium(). */
  executablePath?: string;
  /** Reports printed at once. Default: the number of cores. */
  concurrency?: number;
  /** Per report's printing. Chromium's start-up has its own limit (BROWSER_START_TIMEOUT_MS). Default 60 s. */
  timeoutMs?: number;
  /** Restart the browser after this many reports (bounds Chromium's memory); 0 = never. Default 64. */
  restartEvery?: number;
  /** Folder for the browser profiles (one sub-folder per launch); default: temporary ones made and removed by Puppeteer. */
  userDataDir?: string;
  onEvent?: (event: PrinterEvent) => void;
}

export interface Printer {
  /** "Chrome/156.0.8078.79": for the manifest. */
  readonly browserVersion: string;
  readonly concurrency: number;
  /** Prints one report; rejects with ReportError when it cannot (the batch goes on). */
  print(job: PrintJob): Promise<PrintedPdf>;
  /** Closes every browser it launched. Idempotent. */
  close(): Promise<void>;
  /** Kills every browser at once, synchronously: for signal handlers. */
  kill(): void;
  /** PIDs of the live browser processes (for tests and diagnostics). */
  pids(): number[];
}

/** Reports printed at once: `requested` (`--concurrency`), or one per core; at least 1. */
export function printerConcurrency(requested?: number): number {
  return Math.max(1, requested ?? availableParallelism());
}

/**
 * Launches one headless Chromium and returns a printer that runs up to `concurrency` reports at
 * once. It composes the parts: a browser pool (launchBrowserPool: launch, restart every N reports,
 * close, kill, the guarded pages), the print of one report on one page with its checks
 * (printPage), a semaphore, and one retry of a report whose browser crashed under it.
 */
export async function launchPrinter(options: PrinterOptions = {}): Promise<Printer> {
  const executablePath = options.executablePath ?? requireChromium().path;
  const concurrency = printerConcurrency(options.concurrency);
  const timeoutMs = options.timeoutMs ?? 60_000;
  // `--timeout` bounds one report's printing (printPage's own timer); Chromium's start-up and the
  // calls that follow it get their own generous limit, so a short --timeout on a loaded machine is
  // a report that timed out (exit 4), never a browser that "did not start" (exit 2).
  const protocolTimeout = Math.max(BROWSER_START_TIMEOUT_MS, timeoutMs);
  const emit = options.onEvent ?? (() => {});

  async function launchBrowser(launch: number): Promise<Browser> {
    try {
      return await puppeteer.launch({
        ...BROWSER_LAUNCH,
        executablePath,
        protocolTimeout,
        timeout: BROWSER_START_TIMEOUT_MS,
        // A restarted browser may overlap the one it replaces: each gets its own profile.
        userDataDir: options.userDataDir ? join(options.userDataDir, `session-${launch}`) : undefined,
        // The printer installs no signal handlers of its own: the CLI does, and calls kill().
        // Puppeteer still kills the browser when Node exits.
        handleSIGINT: false,
        handleSIGTERM: false,
        handleSIGHUP: false,
      });
    } catch (error) {
      const timedOut = error instanceof Error && error.name === "TimeoutError";
      throw errors.browserLaunchFailed(
        executablePath,
        timedOut
          ? `it did not answer within ${BROWSER_START_TIMEOUT_MS / 1000} s (is the machine overloaded?)`
          : error instanceof Error
            ? (error.message.split("\n")[0] ?? "")
            : String(error),
      );
    }
  }

  const pool = await launchBrowserPool({
    launch: launchBrowser,
    restartEvery: options.restartEvery ?? DEFAULT_RESTART_EVERY,
    emit,
  });
  // At most `concurrency` reports in Chromium at once.
  const slots = createSemaphore(concurrency);

  async function print(job: PrintJob): Promise<PrintedPdf> {
    for (let attempt = 1; ; attempt++) {
      if (pool.closed) throw new ReportError("closed", `${job.id}: the printer was closed`);
      const browser = await pool.liveBrowser();
      const started = performance.now();
      let lent: PooledPage | undefined;
      try {
        lent = await browser.openPage(job.id);
        const { bytes, pages } = await printPage(lent.page, lent.watch, job, { timeoutMs });
        lent.release("reuse");
        return { bytes, pages, ms: performance.now() - started, attempts: attempt };
      } catch (caught) {
        // After a timeout Chromium may be stuck: its browser takes no more work.
        lent?.release(caught instanceof ReportError && caught.kind === "timeout" ? "retire" : "discard");
        const gone = browser.gone();
        const error = classifyPrintFailure(caught, {
          job: job.id,
          browserGone: gone,
          printerClosed: pool.closed,
        });
        // A report whose browser crashed under it is tried once more, on a fresh browser.
        if ((gone || error.kind === "crashed") && attempt < 2 && !pool.closed) {
          emit({ kind: "retry", job: job.id, reason: error.message.split("\n")[0] ?? "" });
          continue;
        }
        throw error;
      }
    }
  }

  return {
    browserVersion: pool.browserVersion,
    concurrency,
    print: (job) => slots.use(() => print(job)),
    close: () => pool.close(),
    kill: () => pool.kill(),
    pids: () => pool.pids(),
  };
}
