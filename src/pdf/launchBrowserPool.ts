import type { Browser, Page } from "puppeteer-core";
import { guardPage, type PageWatch } from "./guardPage.js";
import { openPrintPage } from "./openPrintPage.js";
import { ReportError } from "./ReportError.js";

export type PrinterEvent =
  | { kind: "launch"; version: string; pid: number | undefined }
  | { kind: "crash"; pid: number | undefined }
  | { kind: "restart"; printed: number }
  | { kind: "retry"; job: string; reason: string }
  | { kind: "blocked"; job: string; url: string };

export interface BrowserPoolOptions {
  /** Launches one browser; `n` counts the launches from 1. Its errors reach the caller as they are. */
  launch: (n: number) => Promise<Browser>;
  /** Retire a browser after this many reports (bounds Chromium's memory); 0 = never. */
  restartEvery: number;
  emit: (event: PrinterEvent) => void;
}

/** A page lent for one report, guarded (every request denied, crashes noted in `watch`). */
export interface PooledPage {
  page: Page;
  watch: PageWatch;
  /**
   * Gives the page back, once: `reuse` keeps it for the next report (after a clean print),
   * `discard` closes it (after any failure), `retire` also retires its browser (after a timeout:
   * Chromium may be stuck).
   */
  release(outcome: "reuse" | "discard" | "retire"): void;
}

/** One live browser of the pool. */
export interface PooledBrowser {
  /** Disconnected without being asked to, or no longer connected. */
  gone(): boolean;
  /** Counts a report started on this browser and lends it a page (a kept one or a new one). */
  openPage(job: string): Promise<PooledPage>;
}

export interface BrowserPool {
  /** "Chrome/156.0.8078.79", of the first browser: for the manifest. */
  readonly browserVersion: string;
  /** close() or kill() was called. */
  readonly closed: boolean;
  /** The browser that takes new work, launched when the last one died or was retired. */
  liveBrowser(): Promise<PooledBrowser>;
  /** Closes every browser it launched (each killed if it has not closed within 5 s). Idempotent. */
  close(): Promise<void>;
  /** Kills every browser at once, synchronously: for signal handlers. */
  kill(): void;
  /** PIDs of the live browser processes. */
  pids(): number[];
}

interface Session {
  browser: Browser;
  idle: Page[];
  watches: WeakMap<Page, PageWatch>;
  inFlight: number;
  /** Reports started on this browser. */
  started: number;
  /** Disconnected without being asked to. */
  dead: boolean;
  /** Takes no new work; closed when its last report is done. */
  retiring: boolean;
  closing: boolean;
}

/**
 * Launches the first browser and keeps one live browser for new work: after `restartEvery`
 * reports, a timeout or a crash, the next report gets a fresh one, while the old one finishes its
 * reports and is then closed.
 *
 * Each browser keeps its idle pages and lends one per report, which replaces its document for every
 * report (`setContent`): a new page costs ~100 ms here, against ~40 ms for printing a report, and a
 * page with JavaScript off, no storage and every request denied carries nothing from one report to
 * the next. A page is thrown away after any error, and all of them with their browser.
 */
export async function launchBrowserPool(options: BrowserPoolOptions): Promise<BrowserPool> {
  const { restartEvery, emit } = options;
  const sessions = new Set<Session>();
  let closed = false;
  let launches = 0;

  async function launchSession(): Promise<Session> {
    const browser = await options.launch(++launches);
    const session: Session = {
      browser,
      idle: [],
      watches: new WeakMap(),
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
    const watch = await guardPage(page, (job, url) => emit({ kind: "blocked", job, url }));
    session.watches.set(page, watch);
    return page;
  }

  /** A report is over on this session: its page kept or closed, the session closed if retired and idle. */
  function finish(session: Session, page: Page | undefined, outcome: "reuse" | "discard" | "retire"): void {
    if (outcome === "retire") session.retiring = true;
    session.inFlight--;
    if (page && outcome === "reuse" && !session.retiring && !session.dead) session.idle.push(page);
    else if (page && !session.dead) page.close().catch(() => {});
    if (session.retiring && session.inFlight === 0 && !session.closing) void closeSession(session);
  }

  function pooled(session: Session): PooledBrowser {
    return {
      gone: () => session.dead || !session.browser.connected,
      async openPage(job) {
        session.inFlight++;
        // Counted when a report starts, so each browser prints exactly `restartEvery` reports.
        if (restartEvery > 0 && ++session.started >= restartEvery && !session.retiring) {
          session.retiring = true;
          emit({ kind: "restart", printed: session.started });
        }
        let page: Page;
        try {
          page = session.idle.pop() ?? (await newPage(session));
        } catch (error) {
          finish(session, undefined, "discard");
          throw error;
        }
        const watch = session.watches.get(page) as PageWatch;
        watch.job = job;
        let released = false;
        return {
          page,
          watch,
          release(outcome) {
            if (released) return;
            released = true;
            finish(session, page, outcome);
          },
        };
      },
    };
  }

  return {
    browserVersion,
    get closed() {
      return closed;
    },
    async liveBrowser() {
      return pooled(await liveSession());
    },
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
