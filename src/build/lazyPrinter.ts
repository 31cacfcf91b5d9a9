import { errors, InternalError } from "../errors.js";
import type { PrintedPdf, Printer, PrintJob } from "../pdf/launchPrinter.js";
import { versionNumber } from "../pdf/chromiumVersion.js";

/** A printer that starts its browser at the first report it must print, and never if there is none. */
export type LazyPrinter = Omit<Printer, "browserVersion"> & {
  /**
   * Starts the browser now, in the background, when it is sure to be needed (a build that can
   * reuse nothing): its start-up then overlaps the views. A failure is reported by the first print.
   */
  warm(): void;
};

/**
 * Wraps `launch` so that the browser starts on the first `print` (a rebuild that reuses every PDF
 * starts none). The launched browser must be the version the keys were made with (`expected`,
 * read with `--version` beforehand); if the binary changed in between, `browser-changed` stops
 * the build rather than archiving PDFs under keys that name another browser. A browser that cannot
 * start stops it too (the CliError of launchPrinter), as it did before anything was reused.
 */
export function lazyPrinter(
  launch: () => Promise<Printer>,
  options: {
    concurrency: number;
    expected: Promise<string>;
    onLaunch?: (printer: Printer, ms: number) => void;
  },
): LazyPrinter {
  let started: Promise<Printer> | undefined;
  let live: Printer | undefined;
  let closed = false;
  const start = (): Promise<Printer> => {
    if (closed) return Promise.reject(new InternalError("the printer is closed"));
    started ??= (async () => {
      const t = performance.now();
      const printer = await launch();
      live = printer;
      options.onLaunch?.(printer, Math.round(performance.now() - t));
      const expected = await options.expected;
      if (versionNumber(printer.browserVersion) !== versionNumber(expected))
        throw errors.browserChanged(expected, printer.browserVersion);
      return printer;
    })();
    return started;
  };
  return {
    concurrency: options.concurrency,
    print: async (job: PrintJob): Promise<PrintedPdf> => (await start()).print(job),
    close: async () => {
      closed = true;
      if (!started) return;
      await started.then(
        (printer) => printer.close(),
        () => live?.close(),
      );
    },
    kill: () => live?.kill(),
    pids: () => live?.pids() ?? [],
    warm: () => {
      start().catch(() => {}); // reported by the first print, which awaits the same promise
    },
  };
}
