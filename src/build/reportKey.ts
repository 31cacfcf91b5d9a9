import { createHash } from "node:crypto";
import { stringifySorted } from "../compute/stringifySorted.js";
import type { PdfInfo } from "../pdf/setPdfInfo.js";

/**
 * Bumped when what the key covers changes, or when what turns Chromium's output into the archived
 * PDF (setPdfInfo) changes its bytes without the tool's version changing. 2: the HTML's source
 * instead of the HTML.
 */
const STAMP_VERSION = 2;

/**
 * The cache key of one report: sha256 over everything that decides its PDF's bytes — the source of
 * its HTML (reportSource: the view, and the renderer's fingerprint, which covers the code,
 * templates, locale, fonts, dependencies and the run's map and date), Chromium's version, the print
 * options, viewport and launch flags, and the metadata stamped afterwards (which holds the tool's
 * version). Two builds with the same key print the same bytes, so the archived PDF is reused.
 */
export function reportKey(input: {
  /** reportSource(): sha256 of what the HTML is made from. */
  source: string;
  browser: string;
  print: Record<string, unknown>;
  info: PdfInfo;
  /** sha256 of each file archived and sent with the PDF (the team brief's CSV). */
  attachments?: string[];
}): string {
  const hash = createHash("sha256");
  hash.update(
    stringifySorted({
      stamp: STAMP_VERSION,
      browser: input.browser,
      print: input.print,
      info: { ...input.info, date: input.info.date.toISOString() },
      source: input.source,
      ...(input.attachments?.length ? { attachments: input.attachments } : {}),
    }),
  );
  return hash.digest("hex");
}
