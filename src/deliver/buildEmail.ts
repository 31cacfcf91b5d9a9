import { posix } from "node:path";
import type { MailComposerOptions } from "nodemailer/lib/mail-composer";
import { formatMonth } from "../locale/format.js";
import { translate } from "../locale/translate.js";
import type { Manifest, ManifestHeadline, Messages, Status } from "../model.js";
import { STATUS_ORDER, STATUS_STYLES } from "../render/palette.js";
import { checkAddress, checkHeaderText } from "../rules/checkAddress.js";
import type { Sender } from "./parseSender.js";
import { renderEmail, type EmailSummary, type EmailTemplates } from "./renderEmail.js";
import type { Delivery } from "./types.js";

export interface EmailInput {
  delivery: Delivery;
  manifest: Pick<Manifest, "period" | "dataset">;
  sender: Sender;
  templates: EmailTemplates;
  /** The report's PDF, already checked against the manifest's sha256. */
  pdf: Buffer;
  /** Files that go with the PDF (the team brief's CSV), already checked against the manifest. */
  extra?: { file: string; bytes: Buffer }[];
  /** The Date header (the run's clock). */
  date: Date;
}

export type BuiltEmail = { ok: true; mail: MailComposerOptions } | { ok: false; reason: string };

/**
 * The message for one delivery: To: the single recipient (with name), From/Reply-To: the dataset's
 * sender, subject and bodies from the recipient's language templates, the PDF as the only attachment.
 * Pure. A value that would be unsafe in a header is refused (never cleaned): the result says why.
 */
export function buildEmail(input: EmailInput): BuiltEmail {
  const { delivery, manifest, sender, templates } = input;
  const refuse = (reason: string): BuiltEmail => ({ ok: false, reason: `refused, nothing sent: ${reason}` });

  const addressProblem = checkAddress(delivery.email);
  if (addressProblem) return refuse(`recipient address ${JSON.stringify(delivery.email)}: ${addressProblem}`);
  const nameProblem = checkHeaderText(delivery.name);
  if (nameProblem) return refuse(`recipient name ${JSON.stringify(delivery.name)} ${nameProblem}`);
  const unitProblem = checkHeaderText(delivery.report.name);
  if (unitProblem) return refuse(`unit name ${JSON.stringify(delivery.report.name)} ${unitProblem}`);
  // The period in the name: every month's file stays apart in the recipient's downloads.
  const fileName = `${manifest.period}-${posix.basename(delivery.report.file)}`;
  const fileProblem = checkHeaderText(fileName) ?? (/["\\]/.test(fileName) ? "contains a quote" : null);
  if (fileProblem) return refuse(`file name ${JSON.stringify(fileName)} ${fileProblem}`);

  const rendered = renderEmail(templates, delivery.language, {
    name: delivery.name,
    named: delivery.named,
    unitName: delivery.report.name,
    periodLabel: formatMonth(manifest.period, delivery.language),
    fileName,
    datasetName: manifest.dataset.name,
    synthetic: manifest.dataset.synthetic,
    summary: delivery.report.headline
      ? buildSummary(delivery.report.headline, templates[delivery.language].messages)
      : null,
  });
  const subjectProblem = checkHeaderText(rendered.subject);
  if (subjectProblem) return refuse(`subject ${JSON.stringify(rendered.subject)} ${subjectProblem}`);

  return {
    ok: true,
    mail: {
      from: { name: sender.name, address: sender.address },
      to: { name: delivery.named ? delivery.name : "", address: delivery.email },
      ...(sender.replyTo ? { replyTo: sender.replyTo } : {}),
      subject: rendered.subject,
      messageId: delivery.messageId,
      date: input.date,
      text: rendered.text,
      html: rendered.html,
      attachments: [
        { filename: fileName, content: input.pdf, contentType: "application/pdf" },
        // Named like the PDF (period-prefixed base name); the name comes from reportFile, never from data.
        ...(input.extra ?? []).map((a) => ({
          filename: `${manifest.period}-${posix.basename(a.file)}`,
          content: a.bytes,
          contentType: "text/csv; charset=utf-8",
        })),
      ],
      headers: { "Auto-Submitted": "auto-generated", "X-Semaforo-Delivery": delivery.id },
      textEncoding: "quoted-printable",
      disableFileAccess: true,
      disableUrlAccess: true,
      xMailer: false,
    },
  };
}

const SYMBOLS = { circle: "●", triangle: "▲", square: "■", diamond: "◆", dash: "–" } as const;
const COUNTS: Record<Status, keyof Omit<ManifestHeadline, "text">> = {
  green: "green",
  amber: "amber",
  red: "red",
  referential: "referential",
  "no-data": "noData",
};

/** The counts by status in the report's words, symbols and palette, in the report's order. */
function buildSummary(headline: ManifestHeadline, messages: Messages): EmailSummary {
  return {
    text: headline.text,
    heading: translate(messages, "cover.counts"),
    rows: STATUS_ORDER.map((status) => ({
      label: translate(messages, `status.${status}`),
      count: headline[COUNTS[status]],
      symbol: SYMBOLS[STATUS_STYLES[status].shape],
      colour: STATUS_STYLES[status].stroke,
    })),
  };
}
