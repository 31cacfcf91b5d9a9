import type { Locale, Messages } from "../model.js";

/** One line of the e-mail's status summary: the report's own word, count, symbol and colour. */
export interface EmailStatusRow {
  label: string;
  count: number;
  /** The status's shape in the report (● ▲ ■ ◆ –), so the line reads without colour too. */
  symbol: string;
  /** The palette's colour for the status on white (render/palette.ts). */
  colour: string;
}

export interface EmailSummary {
  /** The headline sentence of the report's cover. */
  text: string;
  /** The cover's heading for the counts ("Indicadores por estado"). */
  heading: string;
  rows: EmailStatusRow[];
}

/** What the e-mail templates see: plain values, everything worded and formatted already. */
export interface EmailContext {
  subject: string;
  /** Recipient's name (or address when unnamed) and whether it is a real name. */
  name: string;
  named: boolean;
  unitName: string;
  /** "octubre de 2026" / "October 2026". */
  periodLabel: string;
  fileName: string;
  datasetName: string;
  synthetic: boolean;
  summary: EmailSummary | null;
}

type Template = (context: EmailContext) => string;

/** Compiled templates per locale, with that locale's report messages (see readEmailTemplates). */
export type EmailTemplates = Record<
  Locale,
  { subject: Template; text: Template; html: Template; messages: Messages }
>;

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

/** Renders subject, text and HTML bodies in one locale. Pure. */
export function renderEmail(
  templates: EmailTemplates,
  locale: Locale,
  context: Omit<EmailContext, "subject">,
): RenderedEmail {
  const set = templates[locale];
  // The template file ends with a newline; a line break inside comes from data and is refused later.
  const subject = set.subject({ ...context, subject: "" }).replace(/\n$/, "");
  const full = { ...context, subject };
  return {
    subject,
    text: tidyText(set.text(full)),
    html: set.html(full),
  };
}

/** At most one blank line in a row, and one final newline. */
function tidyText(text: string): string {
  return text.replace(/\n{3,}/g, "\n\n").trim() + "\n";
}
