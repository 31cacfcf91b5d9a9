import type { Browser, Page } from "puppeteer-core";
import { PRINT_VIEWPORT } from "./printSettings.js";

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
