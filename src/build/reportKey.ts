import { stringifySorted } from "../compute/stringifySorted.js";
import type { PdfInfo } from "../pdf/setPdfInfo.js";
import { sha256Hex } from "../formats/sha256Hex.js";

/**
 * Bumped when what turns Chromium's output into the archived PDF (setPdfInfo) changes its bytes
 * without the tool's version changing.
 */
const STAMP_VERSION = 2;

/** What is hashed besides the content: the same for a report's key and its source key. */
interface KeyParts {
  browser: string;
  print: Record<string, unknown>;
  info: PdfInfo;
  /** sha256 of each file archived and sent with the PDF (the team brief's CSV). */
  attachments?: string[];
}

/**
 * The cache key of one report: sha256 over everything that decides its PDF's bytes — the final
 * HTML (data, templates, locale, fonts and styles are all in it), Chromium's version, the print
 * options, viewport and launch flags, and the metadata stamped afterwards (which holds the tool's
 * version). Two builds with the same key print the same bytes, so the archived PDF is reused.
 */
export function reportKey(input: KeyParts & { html: string }): string {
  return keyOf(input, { html: sha256Hex(input.html) });
}

/**
 * The same with the source of the HTML (reportSource: the view and the renderer's fingerprint) in
 * place of the HTML. Rendering is pure, so an unchanged source key means an unchanged HTML and key:
 * the build then reuses the PDF without rendering the report. A changed source key says nothing —
 * a view can change where its HTML does not (a rounded figure, a field no template shows) — so the
 * report is rendered and its key compared.
 */
export function sourceKey(input: KeyParts & { source: string }): string {
  return keyOf(input, { source: input.source });
}

function keyOf(input: KeyParts, content: { html: string } | { source: string }): string {
  return sha256Hex(
    stringifySorted({
      stamp: STAMP_VERSION,
      browser: input.browser,
      print: input.print,
      info: { ...input.info, date: input.info.date.toISOString() },
      ...content,
      ...(input.attachments?.length ? { attachments: input.attachments } : {}),
    }),
  );
}
