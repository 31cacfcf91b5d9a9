import { availableParallelism } from "node:os";
import { join } from "node:path";
import puppeteer, { type Browser, type HTTPRequest, type Page } from "puppeteer-core";
import { errors } from "../errors.js";
import { findChromium } from "./findChromium.js";
import { inspectPdf } from "./inspectPdf.js";
import { checkVisibleText } from "./checkVisibleText.js";

/** Flags for a headless Chromium that prints and does nothing else. */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
  "--disable-extensions",
  "--disable-default-apps",
  "--mute-audio",
];

/**
 * Page margins of every report, where the reports' own running header and footer are (`@page`
 * margin boxes). They equal the templates' `@page { margin: 14mm 12mm 16mm 12mm }`
 * (partials/styles.hbs): keep the two the same.
 */
export const PAGE_MARGINS = { top: "14mm", right: "12mm", bottom: "16mm", left: "12mm" } as const;

/**
 * The worker pages' viewport: A4's printable area in CSS px (186 × 267 mm at 96 px per inch), with
 * print media emulated. The document is then laid out once, as it will be printed: with Chromium's
 * default 800 px screen viewport, printing laid every report out again twice more (trace: 5 style
 * + layout passes per report instead of 3, about a third of the print time of a district report).
 */
export const PRINT_VIEWPORT = { width: Math.round((186 / 25.4) * 96), height: Math.round((267 / 25.4) * 96) };

/** How the printer launches Chromium (the bench's floor launches it the same way). */
export const BROWSER_LAUNCH = {
  headless: true,
  args: CHROMIUM_ARGS,
  // CDP over a pipe instead of a WebSocket: no frame masking or socket for ≈100 MB of HTML and PDF
  // a run.
  pipe: true,
} as const;

/** The options of every `page.pdf()` (the bench's floor prints with the same). */
export const PDF_OPTIONS = {
  format: "A4",
  printBackground: true,
  tagged: true,
  outline: true,
  // The running header and footer are the report's own @page margin boxes.
  displayHeaderFooter: false,
  margin: PAGE_MARGINS,
} as const;

/**
 * A page set up for printing reports: JavaScript off, print media at A4's printable width
 * (PRINT_VIEWPORT), in a background tab: hidden, so Chromium neither lays it out for the screen nor
 * rasterizes and composites its frames; printing lays it out itself. About 80 ms less Chromium CPU
 * per district report than a visible page, for the same PDF (BENCHMARKS.md).
 */
export async function openPrintPage(browser: Browser): Promise<Page> {
  const page = await browser.newPage({ background: true });
  await page.setJavaScriptEnabled(false);
  await page.emulateMediaType("print");
  await page.setViewport(PRINT_VIEWPORT);
  return page;
}

/**
 * Chromium's memory grows over a long batch; a fresh browser every 64 reports kept the demo set's
 * peak (Node + Chromium) at 1.2 GB instead of 1.56 GB, at no measurable cost in time (BENCHMARKS.md).
 */
export const DEFAULT_RESTART_EVERY = 64;

export interface PrintJob {
  /** Names the report in messages, e.g. "district 010003 (es)". */
  id: string;
  html: string;
  /** Texts the rendered page must show (the unit's name, every indicator's label). */
  mustContain: string[];
}

export interface PrintedPdf {
  bytes: Uint8Array;
  pages: number;
  /** Wall time of the successful attempt. */
  ms: number;
  attempts: number;
}

export type PrinterEvent =
  | { kind: "launch"; version: string; pid: number | undefined }
  | { kind: "crash"; pid: number | undefined }
  | { kind: "restart"; printed: number }
  | { kind: "retry"; job: string; reason: string }
  | { kind: "blocked"; job: string; url: string };

export interface PrinterOptions {
  /** Default: findChromium(). */
  executablePath?: string;
  /** Reports printed at once. Default: the number of cores. */
  concurrency?: number;
  /** Per report. Puppeteer's protocol timeout is set below it. Default 60 s. */
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

/** Why a report could not be printed. */
export type ReportErrorKind =
  /** Not printed within the per-report timeout. */
  | "timeout"
  /** Chromium (the page or the whole browser) crashed or disconnected. */
  | "crashed"
  /** The report tried to load something: reports must be self-contained. */
  | "blocked-request"
  /** The laid-out page does not show the unit's name or an indicator. */
  | "blank"
  /** Chromium produced an unreadable PDF, or one without pages. */
  | "bad-pdf"
  /** The printer was closed (Ctrl-C, or the build stopped). */
  | "closed"
  /** Anything else Chromium or Puppeteer reported. */
  | "other";

/**
 * One report could not be printed: a render error (exit 4), not a crash of the tool. `kind` says
 * why, so callers decide (retry a crash, retire a browser after a timeout) without reading the
 * message.
 */
export class ReportError extends Error {
  override name = "ReportError";
  constructor(
    readonly kind: ReportErrorKind,
    message: string,
  ) {
    super(message);
  }
}

interface Session {
  browser: Browser;
  idle: Page[];
  inFlight: number;
  /** Reports started on this browser. */
  started: number;
  /** Disconnected without being asked to. */
  dead: boolean;
  /** Takes no new work; closed when its last report is done. */
  retiring: boolean;
  closing: boolean;
}

interface PageState {
  job: string;
  blocked: string[];
  crashed: boolean;
}

/**
 * Launches one headless Chromium and returns a printer that runs up to `concurrency` reports at once.
 *
 * Each worker slot keeps one page and replaces its document for every report (`setContent`): a new
 * page costs ~100 ms here, against ~40 ms for printing a report, and a page with JavaScript off, no
 * storage and every request denied carries nothing from one report to the next. A page is thrown
 * away after any error, and all of them when the browser is restarted.
 */
export async function launchPrinter(options: PrinterOptions = {}): Promise<Printer> {
  const executablePath = options.executablePath ?? findChromium().path;
  const concurrency = Math.max(1, options.concurrency ?? availableParallelism());
  const timeoutMs = options.timeoutMs ?? 60_000;
  const protocolTimeout = Math.max(1_000, Math.floor(timeoutMs * 0.8));
  const restartEvery = options.restartEvery ?? DEFAULT_RESTART_EVERY;
  const emit = options.onEvent ?? (() => {});
  const sessions = new Set<Session>();
  const pageStates = new WeakMap<Page, PageState>();
  let closed = false;
  let launches = 0;

  async function launchSession(): Promise<Session> {
    let browser: Browser;
    try {
      browser = await puppeteer.launch({
        ...BROWSER_LAUNCH,
        executablePath,
        protocolTimeout,
        // A restarted browser may overlap the one it replaces: each gets its own profile.
        userDataDir: options.userDataDir ? join(options.userDataDir, `session-${++launches}`) : undefined,
        // The printer installs no signal handlers of its own: the CLI does, and calls kill().
        // Puppeteer still kills the browser when Node exits.
        handleSIGINT: false,
        handleSIGTERM: false,
        handleSIGHUP: false,
      });
    } catch (error) {
      throw errors.browserLaunchFailed(
        executablePath,
        error instanceof Error ? (error.message.split("\n")[0] ?? "") : String(error),
      );
    }
    const session: Session = {
      browser,
      idle: [],
      inFlight: 0,
      started: 0,
      dead: false,
      retiring: false,
      closing: false,
    };
    sessions.add(session);
    browser.on("disconnected", () => {
      if (!session.closing) {
        session.dead = true;
        emit({ kind: "crash", pid: browser.process()?.pid });
      }
      sessions.delete(session);
    });
    emit({ kind: "launch", version: await browser.version(), pid: browser.process()?.pid });
    return session;
  }

  let current: Promise<Session> = launchSession();
  const first = await current;
  const browserVersion = await first.browser.version();

  async function liveSession(): Promise<Session> {
    for (;;) {
      const pending = current;
      const session = await pending;
      if (!session.dead && !session.retiring && session.browser.connected) return session;
      if (closed) throw new ReportError("closed", "the printer is closed");
      if (current === pending) current = launchSession();
    }
  }

  async function closeSession(session: Session): Promise<void> {
    session.closing = true;
    sessions.delete(session);
    await Promise.race([
      session.browser.close().catch(() => {}),
      new Promise((resolve) => setTimeout(resolve, 5_000).unref()),
    ]);
    killSession(session);
  }

  function killSession(session: Session): void {
    session.closing = true;
    const pid = session.browser.process()?.pid;
    if (pid === undefined) return;
    try {
      process.kill(-pid, "SIGKILL"); // the whole process group: Puppeteer launches it detached
    } catch {
      try {
        process.kill(pid, "SIGKILL");
      } catch {
        // already gone
      }
    }
  }

  async function newPage(session: Session): Promise<Page> {
    const page = await openPrintPage(session.browser);
    const state: PageState = { job: "", blocked: [], crashed: false };
    pageStates.set(page, state);
    await page.setRequestInterception(true);
    page.on("request", (request: HTTPRequest) => {
      const url = request.url();
      // data: URLs (the embedded fonts and images) are not network requests: Chromium decodes
      // them itself and does not pause them for interception. Everything else is denied.
      if (url.startsWith("data:")) return;
      state.blocked.push(url);
      emit({ kind: "blocked", job: state.job, url });
      request.abort("blockedbyclient").catch(() => {});
    });
    // Chromium refuses file: URLs from an about:blank document before they reach interception,
    // and says so only on its console.
    page.on("console", (message) => {
      const local = /Not allowed to load local resource: (\S+)/.exec(message.text());
      if (local?.[1]) {
        state.blocked.push(local[1]);
        emit({ kind: "blocked", job: state.job, url: local[1] });
      }
    });
    page.on("error", () => {
      state.crashed = true;
    });
    return page;
  }

  async function printOnce(session: Session, job: PrintJob): Promise<PrintedPdf> {
    const started = performance.now();
    session.inFlight++;
    // Counted when a report starts, so each browser prints exactly `restartEvery` reports.
    if (restartEvery > 0 && ++session.started >= restartEvery && !session.retiring) {
      session.retiring = true;
      emit({ kind: "restart", printed: session.started });
    }
    let page: Page | undefined;
    let reusable = false;
    let timer: NodeJS.Timeout | undefined;
    try {
      page = session.idle.pop() ?? (await newPage(session));
      const state = pageStates.get(page) as PageState;
      state.job = job.id;
      state.blocked = [];
      const work = render(page, state, job);
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new ReportError("timeout", `${job.id}: not printed within ${timeoutMs / 1000} s`)),
          timeoutMs,
        );
      });
      work.catch(() => {}); // if the timeout wins, the late failure is not unhandled
      const { bytes, pages } = await Promise.race([work, timeout]);
      reusable = true;
      return { bytes, pages, ms: performance.now() - started, attempts: 1 };
    } catch (error) {
      if (error instanceof ReportError && error.kind === "timeout") session.retiring = true;
      const state = page ? pageStates.get(page) : undefined;
      if (state?.crashed && !(error instanceof ReportError && error.kind === "crashed")) {
        const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
        throw new ReportError("crashed", `${job.id}: Chromium crashed: ${reason}`);
      }
      throw error;
    } finally {
      clearTimeout(timer);
      session.inFlight--;
      if (page && reusable && !session.retiring && !session.dead) session.idle.push(page);
      else if (page && !session.dead) page.close().catch(() => {});
      if (session.retiring && session.inFlight === 0 && !session.closing) void closeSession(session);
    }
  }

  async function render(
    page: Page,
    state: PageState,
    job: PrintJob,
  ): Promise<{ bytes: Uint8Array; pages: number }> {
    // Nothing is loaded from outside, so "load" (not network idle) is the moment the document,
    // its data: fonts and images are ready.
    await page.setContent(job.html, { waitUntil: "load", timeout: timeoutMs });
    if (state.blocked.length > 0) {
      throw new ReportError(
        "blocked-request",
        `${job.id}: the report tried to load ${state.blocked[0]}${state.blocked.length > 1 ? ` and ${state.blocked.length - 1} more` : ""}; reports must be self-contained (every request is denied)`,
      );
    }
    // The check "no blank report" reads the text of the laid-out page, before printing. The CDP
    // evaluation works with the page's JavaScript off (the page's own scripts never run).
    // innerText is what is rendered: display:none and visibility:hidden text are left out.
    // Reading it costs a few ms; extracting the text of the printed PDF (pdftotext) would cost
    // ~30 ms and a process per report. The slow tests check, with pdftotext, that what this check
    // sees is in the PDF; after printing, the PDF's own page count must be above zero.
    const visible = String(await page.evaluate('document.body ? document.body.innerText : ""'));
    const missing = checkVisibleText(visible, job.mustContain);
    if (missing.length > 0) {
      throw new ReportError(
        "blank",
        `${job.id}: blank or incomplete report: the page does not show ${missing.map((m) => JSON.stringify(m)).join(", ")}`,
      );
    }
    const bytes = await page.pdf({ ...PDF_OPTIONS, timeout: timeoutMs });
    let pages: number;
    try {
      pages = inspectPdf(bytes).pages;
    } catch (error) {
      throw new ReportError(
        "bad-pdf",
        `${job.id}: Chromium produced an unreadable PDF (${(error as Error).message})`,
      );
    }
    if (pages < 1) throw new ReportError("bad-pdf", `${job.id}: the PDF has no pages`);
    return { bytes, pages };
  }

  // A counting semaphore: at most `concurrency` reports in Chromium at once.
  let free = concurrency;
  const waiting: (() => void)[] = [];
  const acquire = (): Promise<void> => {
    if (free > 0) {
      free--;
      return Promise.resolve();
    }
    return new Promise((resolve) => waiting.push(resolve));
  };
  const release = (): void => {
    const next = waiting.shift();
    if (next) next();
    else free++;
  };

  async function print(job: PrintJob): Promise<PrintedPdf> {
    await acquire();
    try {
      for (let attempt = 1; ; attempt++) {
        if (closed) throw new ReportError("closed", `${job.id}: the printer was closed`);
        const session = await liveSession();
        try {
          const printed = await printOnce(session, job);
          return { ...printed, attempts: attempt };
        } catch (error) {
          const crashed =
            session.dead ||
            !session.browser.connected ||
            (error instanceof ReportError && error.kind === "crashed");
          const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
          if (crashed && attempt < 2 && !closed) {
            emit({ kind: "retry", job: job.id, reason: reason ?? "" });
            continue;
          }
          if (error instanceof ReportError) throw error;
          throw new ReportError(
            crashed ? "crashed" : "other",
            `${job.id}: ${crashed ? "Chromium crashed: " : ""}${reason}`,
          );
        }
      }
    } finally {
      release();
    }
  }

  return {
    browserVersion,
    concurrency,
    print,
    async close() {
      closed = true;
      const all = [...sessions];
      await Promise.all(all.map(closeSession));
      await current.then(closeSession, () => {});
    },
    kill() {
      closed = true;
      for (const session of sessions) killSession(session);
    },
    pids() {
      return [...sessions].flatMap((s) =>
        s.browser.process()?.pid === undefined ? [] : [s.browser.process()!.pid!],
      );
    },
  };
}
