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
