/**
 * Chromium's header and footer templates (pure). They are rendered by Chromium in a separate
 * document for every page, outside the report's CSS, so they carry their own inline styles and
 * use Chromium's `pageNumber` / `totalPages` classes. Every text is HTML-escaped: unit names are data.
 */

export interface HeaderFooterText {
  /** Left of the header, e.g. "UGEL Bongará". */
  unit: string;
  /** Right of the header, e.g. "octubre de 2026". */
  period: string;
  /** Footer page label with `{page}` and `{pages}` placeholders, e.g. "Página {page} de {pages}". */
  pageLabel: string;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

// Font size must be set explicitly: Chromium's default in these templates is tiny.
const BOX =
  "width:100%;margin:0 12mm;font-family:'Source Sans 3','DejaVu Sans',sans-serif;font-size:7.5pt;color:#555;display:flex;justify-content:space-between;";

/**
 * `fontCss`: our own @font-face rules (readFontCss), so the header and footer use the embedded font
 * too instead of a machine font: Chromium renders them as separate documents that cannot see the
 * report's fonts.
 */
export function headerTemplate(text: HeaderFooterText, fontCss = ""): string {
  return `${fontStyle(fontCss)}<div style="${BOX}"><span>${escapeHtml(text.unit)}</span><span>${escapeHtml(text.period)}</span></div>`;
}

export function footerTemplate(text: HeaderFooterText, fontCss = ""): string {
  const [before = "", afterPage = ""] = text.pageLabel.split("{page}");
  const [between = "", after = ""] = afterPage.split("{pages}");
  const label =
    `${escapeHtml(before)}<span class="pageNumber"></span>` +
    `${escapeHtml(between)}<span class="totalPages"></span>${escapeHtml(after)}`;
  return `${fontStyle(fontCss)}<div style="${BOX}justify-content:center;"><span>${label}</span></div>`;
}

const fontStyle = (fontCss: string) => (fontCss ? `<style>${fontCss}</style>` : "");

/** The page label of a locale when its messages lack `pdf.pageLabel`. */
export const DEFAULT_PAGE_LABEL = { es: "Página {page} de {pages}", en: "Page {page} of {pages}" } as const;
