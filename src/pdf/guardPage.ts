import type { Page } from "puppeteer-core";

/**
 * What a guarded page saw during the report it prints: the requests it was refused and whether
 * the page crashed. Reset for every report (the page is reused).
 */
export interface PageWatch {
  /** The report printed on the page, for the `blocked` events. */
  job: string;
  blocked: string[];
  crashed: boolean;
}

/** The part of a Puppeteer page that guarding uses (tests pass a fake). */
export type GuardablePage = Pick<Page, "setRequestInterception" | "on">;

/**
 * Denies every request of the page (reports must be self-contained) and records, in the returned
 * watch, each one it denied and whether the page crashed; `onBlocked` hears of each denial.
 */
export async function guardPage(
  page: GuardablePage,
  onBlocked: (job: string, url: string) => void,
): Promise<PageWatch> {
  const watch: PageWatch = { job: "", blocked: [], crashed: false };
  await page.setRequestInterception(true);
  page.on("request", (request) => {
    const url = request.url();
    // data: URLs (the embedded fonts and images) are not network requests: Chromium decodes
    // them itself and does not pause them for interception. Everything else is denied.
    if (url.startsWith("data:")) return;
    watch.blocked.push(url);
    onBlocked(watch.job, url);
    request.abort("blockedbyclient").catch(() => {});
  });
  // Chromium refuses file: URLs from an about:blank document before they reach interception,
  // and says so only on its console.
  page.on("console", (message) => {
    const local = /Not allowed to load local resource: (\S+)/.exec(message.text());
    if (local?.[1]) {
      watch.blocked.push(local[1]);
      onBlocked(watch.job, local[1]);
    }
  });
  page.on("error", () => {
    watch.crashed = true;
  });
  return watch;
}
