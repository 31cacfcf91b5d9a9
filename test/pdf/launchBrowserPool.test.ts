import { describe, expect, it } from "@jest/globals";
import { EventEmitter } from "node:events";
import type { Browser } from "puppeteer-core";
import { launchBrowserPool, type PrinterEvent } from "../../src/pdf/launchBrowserPool.js";
import { ReportError } from "../../src/pdf/ReportError.js";

/** A fake browser (no Chromium, no process): counts its pages and can be made to crash. */
class FakeBrowser extends EventEmitter {
  connected = true;
  closed = false;
  pagesOpened = 0;
  pagesClosed = 0;
  constructor(readonly n: number) {
    super();
  }
  version() {
    return Promise.resolve("Chrome/999.0.0.0");
  }
  process() {
    return null; // no PID: nothing to kill
  }
  close() {
    this.closed = true;
    this.connected = false;
    this.emit("disconnected");
    return Promise.resolve();
  }
  crash() {
    this.connected = false;
    this.emit("disconnected");
  }
  newPage() {
    this.pagesOpened++;
    const page = Object.assign(new EventEmitter(), {
      id: `${this.n}.${this.pagesOpened}`,
      setJavaScriptEnabled: () => Promise.resolve(),
      emulateMediaType: () => Promise.resolve(),
      setViewport: () => Promise.resolve(),
      setRequestInterception: () => Promise.resolve(),
      close: () => {
        this.pagesClosed++;
        return Promise.resolve();
      },
    });
    return Promise.resolve(page);
  }
}

async function fakePool(restartEvery = 0) {
  const browsers: FakeBrowser[] = [];
  const events: PrinterEvent[] = [];
  const pool = await launchBrowserPool({
    launch: (n) => {
      const browser = new FakeBrowser(n);
      browsers.push(browser);
      return Promise.resolve(browser as unknown as Browser);
    },
    restartEvery,
    emit: (event) => events.push(event),
  });
  return { pool, browsers, events };
}

const idOf = (page: unknown) => (page as { id: string }).id;
const tick = () => new Promise((resolve) => setImmediate(resolve));

describe("launchBrowserPool, with fake browsers", () => {
  it("lends a kept page again after a clean print, and closes one after a failure", async () => {
    const { pool, browsers, events } = await fakePool();
    expect(pool.browserVersion).toBe("Chrome/999.0.0.0");
    const browser = await pool.liveBrowser();
    const a = await browser.openPage("a");
    expect(a.watch).toEqual({ job: "a", blocked: [], crashed: false });
    a.release("reuse");
    const b = await browser.openPage("b");
    expect(idOf(b.page)).toBe(idOf(a.page));
    expect(b.watch.job).toBe("b");
    b.release("discard");
    b.release("reuse"); // a second release does nothing
    const c = await browser.openPage("c");
    expect(idOf(c.page)).not.toBe(idOf(a.page));
    c.release("reuse");
    expect(browsers[0]).toMatchObject({ pagesOpened: 2, pagesClosed: 1 });
    expect(events.map((e) => e.kind)).toEqual(["launch"]);
    await pool.close();
  });

  it("restarts the browser after every N reports, closing the old one when its last report is done", async () => {
    const { pool, browsers, events } = await fakePool(2);
    const first = await pool.liveBrowser();
    const one = await first.openPage("1");
    const two = await first.openPage("2"); // the second report: the browser retires
    expect(events.filter((e) => e.kind === "restart")).toEqual([{ kind: "restart", printed: 2 }]);
    const second = await pool.liveBrowser(); // new work goes to a new browser…
    expect(browsers).toHaveLength(2);
    one.release("reuse");
    await tick();
    expect(browsers[0]!.closed).toBe(false); // …while the old one finishes its reports
    two.release("reuse");
    await tick();
    expect(browsers[0]!.closed).toBe(true);
    expect(browsers[0]!.pagesClosed).toBe(2); // a retiring browser keeps no page
    (await second.openPage("3")).release("reuse");
    expect(events.filter((e) => e.kind === "crash")).toEqual([]);
    await pool.close();
  });

  it("retires a browser after a timeout, and replaces a crashed one", async () => {
    const { pool, browsers, events } = await fakePool();
    const first = await pool.liveBrowser();
    (await first.openPage("slow")).release("retire");
    await tick();
    expect(browsers[0]!.closed).toBe(true);
    const second = await pool.liveBrowser();
    expect(browsers).toHaveLength(2);
    const lent = await second.openPage("x");
    browsers[1]!.crash();
    expect(second.gone()).toBe(true);
    expect(events.filter((e) => e.kind === "crash")).toHaveLength(1);
    lent.release("discard");
    expect(browsers[1]!.pagesClosed).toBe(0); // nothing to close on a dead browser
    await pool.liveBrowser();
    expect(browsers).toHaveLength(3);
    expect(events.filter((e) => e.kind === "launch")).toHaveLength(3);
    await pool.close();
  });

  it("closes every browser, and then lends nothing", async () => {
    const { pool, browsers } = await fakePool();
    await pool.liveBrowser();
    expect(pool.closed).toBe(false);
    await pool.close();
    expect(pool.closed).toBe(true);
    expect(browsers.every((b) => b.closed)).toBe(true);
    await expect(pool.liveBrowser()).rejects.toThrow(ReportError);
    await expect(pool.liveBrowser()).rejects.toMatchObject({ kind: "closed" });
    await pool.close(); // idempotent
  });
});
