import { describe, expect, it } from "@jest/globals";
import type { PDFOptions } from "puppeteer-core";
import type { PageWatch } from "../../src/pdf/guardPage.js";
import { classifyPrintFailure, printPage, type PrintablePage } from "../../src/pdf/printPage.js";
import { PDF_OPTIONS } from "../../src/pdf/printSettings.js";
import { ReportError } from "../../src/pdf/ReportError.js";
import { minimalPdf } from "./minimalPdf.js";

/** The page's visible text, and what Chromium would print. */
const SHOWN = "UGEL Bagua\nAsistencia de estudiantes\nDocentes ausentes";
const job = {
  id: "district 010002 (es)",
  html: "<h1>UGEL Bagua</h1>",
  mustContain: ["UGEL Bagua", "Docentes ausentes"],
};

interface FakeCalls {
  setContent: { html: string; options: unknown }[];
  evaluate: string[];
  pdf: PDFOptions[];
}

/**
 * A fake page (no Chromium): each step does what `steps` says, by default what a good report does.
 * `watch` is the guard's record, which the steps may change as Chromium's events would.
 */
function fakePage(
  watch: PageWatch,
  steps: {
    setContent?: () => Promise<void>;
    text?: () => Promise<unknown>;
    pdf?: () => Promise<Uint8Array>;
  } = {},
): { page: PrintablePage; calls: FakeCalls } {
  const calls: FakeCalls = { setContent: [], evaluate: [], pdf: [] };
  const page: PrintablePage = {
    setContent(html, options) {
      calls.setContent.push({ html, options });
      return steps.setContent?.() ?? Promise.resolve();
    },
    evaluate(expression) {
      calls.evaluate.push(expression);
      return steps.text?.() ?? Promise.resolve(SHOWN);
    },
    pdf(options) {
      calls.pdf.push(options);
      return steps.pdf?.() ?? Promise.resolve(new Uint8Array(minimalPdf(3)));
    },
  };
  return { page, calls };
}

const newWatch = (): PageWatch => ({ job: "", blocked: [], crashed: false });
const never = () => new Promise<never>(() => {});

async function failure(promise: Promise<unknown>): Promise<ReportError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof ReportError)) throw new Error(`expected a ReportError, got ${String(error)}`);
  return error;
}

describe("printPage, on a fake page", () => {
  it("prints a report that loads nothing and shows what it must: the PDF's bytes and page count", async () => {
    const watch = newWatch();
    watch.blocked.push("http://left.over/from-the-last-report");
    const { page, calls } = fakePage(watch);
    const printed = await printPage(page, watch, job, { timeoutMs: 5_000 });
    expect(printed.pages).toBe(3);
    expect(Buffer.from(printed.bytes)).toEqual(minimalPdf(3));
    expect(calls.setContent).toEqual([{ html: job.html, options: { waitUntil: "load", timeout: 5_000 } }]);
    expect(calls.evaluate).toEqual(['document.body ? document.body.innerText : ""']);
    expect(calls.pdf).toEqual([{ ...PDF_OPTIONS, timeout: 5_000 }]);
    // The watch now belongs to this report.
    expect(watch).toEqual({ job: job.id, blocked: [], crashed: false });
  });

  it("timeout: a report not printed within the time", async () => {
    const watch = newWatch();
    const { page, calls } = fakePage(watch, { setContent: never });
    const error = await failure(printPage(page, watch, job, { timeoutMs: 30 }));
    expect(error.kind).toBe("timeout");
    expect(error.message).toBe("district 010002 (es): not printed within 0.03 s");
    expect(calls.pdf).toEqual([]);
  });

  it("crashed: the page crashed while printing, whatever the step then reported", async () => {
    const watch = newWatch();
    const { page } = fakePage(watch, {
      setContent: () => {
        watch.crashed = true; // the page's "error" event
        return Promise.reject(new Error("Protocol error (Page.navigate): Target crashed\n    at stack"));
      },
    });
    const error = await failure(printPage(page, watch, job, { timeoutMs: 5_000 }));
    expect(error.kind).toBe("crashed");
    expect(error.message).toBe(
      "district 010002 (es): Chromium crashed: Protocol error (Page.navigate): Target crashed",
    );
    // A crashed page that then hangs is a crash too, not a timeout.
    const hung = newWatch();
    const stuck = fakePage(hung, {
      setContent: () => {
        hung.crashed = true;
        return never();
      },
    });
    expect((await failure(printPage(stuck.page, hung, job, { timeoutMs: 30 }))).kind).toBe("crashed");
  });

  it("blocked-request: the report tried to load something (every request is denied)", async () => {
    const watch = newWatch();
    const { page, calls } = fakePage(watch, {
      setContent: () => {
        watch.blocked.push("http://127.0.0.1:9/pixel.png", "file:///etc/passwd");
        return Promise.resolve();
      },
    });
    const error = await failure(printPage(page, watch, job, { timeoutMs: 5_000 }));
    expect(error.kind).toBe("blocked-request");
    expect(error.message).toBe(
      "district 010002 (es): the report tried to load http://127.0.0.1:9/pixel.png and 1 more; reports must be self-contained (every request is denied)",
    );
    expect(calls.pdf).toEqual([]);
  });

  it("blank: the laid-out page does not show the unit's name or an indicator", async () => {
    const watch = newWatch();
    const empty = fakePage(watch, { text: () => Promise.resolve("") });
    const error = await failure(printPage(empty.page, watch, job, { timeoutMs: 5_000 }));
    expect(error.kind).toBe("blank");
    expect(error.message).toBe(
      'district 010002 (es): blank or incomplete report: the page does not show "UGEL Bagua", "Docentes ausentes"',
    );
    expect(empty.calls.pdf).toEqual([]);
    const partial = fakePage(watch, { text: () => Promise.resolve("UGEL Bagua\nAsistencia") });
    await expect(printPage(partial.page, watch, job, { timeoutMs: 5_000 })).rejects.toMatchObject({
      kind: "blank",
      message: expect.stringMatching(/does not show "Docentes ausentes"$/),
    });
  });

  it("bad-pdf: Chromium produced an unreadable PDF, or one without pages", async () => {
    const watch = newWatch();
    const garbage = fakePage(watch, { pdf: () => Promise.resolve(new TextEncoder().encode("not a PDF")) });
    const error = await failure(printPage(garbage.page, watch, job, { timeoutMs: 5_000 }));
    expect(error.kind).toBe("bad-pdf");
    expect(error.message).toMatch(/^district 010002 \(es\): Chromium produced an unreadable PDF \(.+\)$/);
    const empty = fakePage(watch, { pdf: () => Promise.resolve(new Uint8Array(minimalPdf(0))) });
    await expect(printPage(empty.page, watch, job, { timeoutMs: 5_000 })).rejects.toMatchObject({
      kind: "bad-pdf",
      message: "district 010002 (es): the PDF has no pages",
    });
  });

  it("passes on what it cannot tell (a Puppeteer error) for classifyPrintFailure", async () => {
    const watch = newWatch();
    const { page } = fakePage(watch, { pdf: () => Promise.reject(new Error("Printing failed")) });
    await expect(printPage(page, watch, job, { timeoutMs: 5_000 })).rejects.toThrow(/^Printing failed$/);
  });
});

describe("classifyPrintFailure", () => {
  const at = { job: "district 010002 (es)", browserGone: false, printerClosed: false };

  it("keeps printPage's own failures as they are", () => {
    const blank = new ReportError("blank", "x: blank");
    expect(classifyPrintFailure(blank, { ...at, browserGone: true, printerClosed: true })).toBe(blank);
  });

  it("closed: the printer was closed under the report", () => {
    const error = classifyPrintFailure(new Error("Protocol error: Connection closed.\nstack"), {
      ...at,
      browserGone: true,
      printerClosed: true,
    });
    expect(error).toMatchObject({
      kind: "closed",
      message: "district 010002 (es): the printer was closed (Protocol error: Connection closed.)",
    });
  });

  it("crashed: the browser went away on its own", () => {
    expect(classifyPrintFailure(new Error("Target closed"), { ...at, browserGone: true })).toMatchObject({
      kind: "crashed",
      message: "district 010002 (es): Chromium crashed: Target closed",
    });
  });

  it("other: anything else, named by its first line", () => {
    expect(classifyPrintFailure(new Error("Printing failed\nstack"), at)).toMatchObject({
      kind: "other",
      message: "district 010002 (es): Printing failed",
    });
    expect(classifyPrintFailure("a string", at)).toMatchObject({
      kind: "other",
      message: "district 010002 (es): a string",
    });
  });
});
