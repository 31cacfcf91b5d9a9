import type { PDFOptions } from "puppeteer-core";
import { checkVisibleText } from "./checkVisibleText.js";
import type { PageWatch } from "./guardPage.js";
import { inspectPdf } from "./inspectPdf.js";
import { PDF_OPTIONS } from "./printSettings.js";
import { ReportError } from "./ReportError.js";

export interface PrintJob {
  /** Names the report in messages, e.g. "district 010003 (es)". */
  id: string;
  html: string;
  /** Texts the rendered page must show (the unit's name, every indicator's label). */
  mustContain: string[];
}

/** The part of a Puppeteer page that printing one report uses (tests pass a fake). */
export interface PrintablePage {
  setContent(html: string, options: { waitUntil: "load"; timeout: number }): Promise<void>;
  evaluate(expression: string): Promise<unknown>;
  pdf(options: PDFOptions): Promise<Uint8Array>;
}

export interface PrintedPage {
  bytes: Uint8Array;
  pages: number;
}

/**
 * Prints one report on a guarded page (guardPage): sets the document, checks that it loaded
 * nothing and shows what it must, prints, and checks the PDF. Rejects with a ReportError whose
 * kind says why: `timeout` (not done within `timeoutMs`), `blocked-request`, `blank`, `bad-pdf`,
 * `crashed` (the page crashed meanwhile), or what classifyPrintFailure makes of anything else.
 * After a failure the page is not to be reused.
 */
export async function printPage(
  page: PrintablePage,
  watch: PageWatch,
  job: PrintJob,
  options: { timeoutMs: number },
): Promise<PrintedPage> {
  watch.job = job.id;
  watch.blocked = [];
  let timer: NodeJS.Timeout | undefined;
  try {
    const work = printChecked(page, watch, job, options.timeoutMs);
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () =>
          reject(new ReportError("timeout", `${job.id}: not printed within ${options.timeoutMs / 1000} s`)),
        options.timeoutMs,
      );
    });
    work.catch(() => {}); // if the timeout wins, the late failure is not unhandled
    return await Promise.race([work, timeout]);
  } catch (error) {
    if (watch.crashed && !(error instanceof ReportError && error.kind === "crashed")) {
      throw new ReportError("crashed", `${job.id}: Chromium crashed: ${firstLine(error)}`);
    }
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

async function printChecked(
  page: PrintablePage,
  watch: PageWatch,
  job: PrintJob,
  timeoutMs: number,
): Promise<PrintedPage> {
  // Nothing is loaded from outside, so "load" (not network idle) is the moment the document,
  // its data: fonts and images are ready.
  await page.setContent(job.html, { waitUntil: "load", timeout: timeoutMs });
  if (watch.blocked.length > 0) {
    throw new ReportError(
      "blocked-request",
      `${job.id}: the report tried to load ${watch.blocked[0]}${watch.blocked.length > 1 ? ` and ${watch.blocked.length - 1} more` : ""}; reports must be self-contained (every request is denied)`,
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

/** Where the failure of one print attempt happened: what the page, browser and printer had become. */
export interface FailureContext {
  job: string;
  /** The browser disconnected without being asked to. */
  browserGone: boolean;
  /** The printer was closed (close() or kill()). */
  printerClosed: boolean;
}

/**
 * Any failure of a print attempt as a ReportError: printPage's own are kept; anything else
 * (Puppeteer's errors while opening a page or talking to it) is `closed` once the printer is
 * closed, `crashed` when the browser went away, and `other` otherwise.
 */
export function classifyPrintFailure(error: unknown, at: FailureContext): ReportError {
  if (error instanceof ReportError) return error;
  if (at.printerClosed)
    return new ReportError("closed", `${at.job}: the printer was closed (${firstLine(error)})`);
  if (at.browserGone) return new ReportError("crashed", `${at.job}: Chromium crashed: ${firstLine(error)}`);
  return new ReportError("other", `${at.job}: ${firstLine(error)}`);
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message.split("\n")[0] : String(error)) ?? "";
}
