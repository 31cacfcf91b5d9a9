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

/** A4 portrait, in mm: the paper of every report (`@page { size: A4 portrait }`). */
export const A4_MM = { width: 210, height: 297 } as const;

/**
 * Page margins of every report in mm, where the reports' own running header and footer are
 * (`@page` margin boxes). They equal `@page { margin: 14mm 12mm 16mm 12mm }` in
 * templates/styles/page.css; a test (test/pdf/printSettings.test.ts) holds the two together.
 */
export const PAGE_MARGINS_MM = { top: 14, right: 12, bottom: 16, left: 12 } as const;

/** PAGE_MARGINS_MM as page.pdf() takes them. */
export const PAGE_MARGINS = {
  top: `${PAGE_MARGINS_MM.top}mm`,
  right: `${PAGE_MARGINS_MM.right}mm`,
  bottom: `${PAGE_MARGINS_MM.bottom}mm`,
  left: `${PAGE_MARGINS_MM.left}mm`,
} as const;

const CSS_PX_PER_MM = 96 / 25.4;

/**
 * The worker pages' viewport: A4's printable area (A4 less PAGE_MARGINS_MM: 186 × 267 mm) in CSS px
 * at 96 px per inch, with print media emulated. The document is then laid out once, as it will be
 * printed: with Chromium's default 800 px screen viewport, printing laid every report out again
 * twice more (trace: 5 style + layout passes per report instead of 3, about a third of the print
 * time of a district report).
 */
export const PRINT_VIEWPORT = {
  width: Math.round((A4_MM.width - PAGE_MARGINS_MM.left - PAGE_MARGINS_MM.right) * CSS_PX_PER_MM),
  height: Math.round((A4_MM.height - PAGE_MARGINS_MM.top - PAGE_MARGINS_MM.bottom) * CSS_PX_PER_MM),
};

/** How the printer launches Chromium (the bench's floor launches it the same way). */
/**
 * How long Chromium may take to start and answer its first calls: its own limit, apart from
 * `--timeout` (which bounds one report's printing). Generous, because a loaded 2-core machine has
 * been seen to take tens of seconds; a browser that does not start within it is `browser-launch-failed`.
 */
export const BROWSER_START_TIMEOUT_MS = 120_000;

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
 * Chromium's memory grows over a long batch; a fresh browser every 64 reports kept the demo set's
 * peak (Node + Chromium) at 1.2 GB instead of 1.56 GB, at no measurable cost in time (BENCHMARKS.md).
 */
export const DEFAULT_RESTART_EVERY = 64;
