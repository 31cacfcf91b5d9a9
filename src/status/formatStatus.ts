import { formatSize } from "../formatSize.js";
import { formatLocalTime } from "../locale/formatLocalTime.js";
import type { DeliveryStatus, StatusReport, StatusRow } from "../deliver/buildStatusReport.js";

/**
 * The text `semaforo status` prints (pure): a header, one line per report
 * (level, code, name, language, pages, size, each recipient's state: an e-mail by its address, an
 * SMS as `SMS +51…`), and the totals.
 */
export function formatStatus(
  report: StatusReport & { dir: string; shown?: number; filtered?: boolean },
): string[] {
  const nameWidth = Math.min(40, Math.max(4, ...report.rows.map((r) => r.name.length)));
  const codeWidth = Math.max(4, ...report.rows.map((r) => r.code.length));
  const lines = [
    `${report.dir}: period ${report.period}, built ${formatLocalTime(report.generatedAt, report.timeZone)}`,
    "",
  ];
  lines.push(
    [
      pad("level", 8),
      pad("code", codeWidth),
      pad("name", nameWidth),
      "lang",
      pad("pages", 5),
      pad("size", 8),
      hasSms(report) ? "deliveries (e-mail address, or SMS and phone)" : "deliveries",
    ].join("  "),
  );
  for (const row of report.rows) lines.push(formatRow(row, codeWidth, nameWidth));
  const t = report.totals;
  const d = t.deliveries;
  if (report.filtered)
    lines.push(
      "",
      `Showing ${report.rows.length} of ${t.built + t.notBuilt} reports; the totals are the whole period's.`,
    );
  lines.push(
    "",
    `Reports: ${t.built} built${t.notBuilt ? `, ${t.notBuilt} NOT built` : ""} (${t.pages} pages, ${formatSize(t.bytes)}).`,
    `Deliveries: ${d.sent} sent, ${d.written} written to the outbox, ${d.failed} failed, ${d.unknown} unknown, ${d.pending} pending (${d.total} in all${d.sms ? `: ${d.total - d.sms} e-mail, ${d.sms} SMS` : ""}).`,
  );
  if (d.written)
    lines.push(
      d.sms
        ? "Written deliveries are files in the outbox (.eml for an e-mail, outbox/sms/*.txt for an SMS): they reached nobody yet; `semaforo send --smtp URL` sends the e-mails, `--sms URL` the SMS."
        : "Written deliveries are .eml files in the outbox: they reached nobody yet; `semaforo send --smtp URL` sends them.",
    );
  if (d.outdated)
    lines.push(
      `${d.outdated} recipient(s) hold an older build of their PDF ("older build"): send them the new one with \`semaforo send … --force CODE --to ADDRESS --reason "…"\`.`,
    );
  if (t.notBuilt) lines.push("Rebuild the missing reports with `semaforo build … --only CODE`.");
  if (d.failed)
    lines.push("Failed deliveries: fix the address or the server, then `semaforo send … --resend-failed`.");
  if (d.unknown) {
    lines.push(
      `Unknown deliveries were handed to the ${d.sms ? "SMTP server, SMS centre or gateway" : "server"} but the outcome was not recorded: they are never re-sent automatically; check with the recipient, then \`semaforo send … --force CODE --reason "…"\`.`,
    );
  }
  if (d.pending) lines.push("Pending deliveries are not sent yet: run `semaforo send`.");
  return lines;
}

function formatRow(row: StatusRow, codeWidth: number, nameWidth: number): string {
  const head = [
    pad(row.level, 8),
    pad(row.code, codeWidth),
    pad(truncate(row.name, nameWidth), nameWidth),
    pad(row.language, 4),
  ];
  if (!row.built) return [...head, `NOT BUILT: ${row.error.split("\n")[0] ?? ""}`].join("  ");
  const deliveries = row.deliveries.length
    ? row.deliveries.map(formatDelivery).join(", ")
    : "(no recipients)";
  return [...head, padStart(String(row.pages), 5), padStart(formatSize(row.bytes), 8), deliveries].join("  ");
}

/**
 * `address state` for an e-mail, `SMS phone state` for an SMS, with the transport when it is not
 * the state's own, why when it matters, and an SMS's delivery receipt.
 */
function formatDelivery(d: DeliveryStatus): string {
  const notes: string[] = [];
  if (d.receipt === "delivered") notes.push("delivered to the phone");
  if (d.receipt === "undelivered")
    notes.push(`not delivered to the phone: ${truncate(d.reply ?? "receipt", 40)}`);
  if (d.state === "sent" && d.outdated) notes.push("older build of the PDF");
  if ((d.state === "failed" || d.state === "unknown") && d.reply)
    notes.push(truncate(d.reply.replace(/\s+/g, " "), 60));
  // `sent` is always SMTP (SMPP or HTTP for an SMS) and `written` always the outbox; a failure in an outbox run says so.
  if (d.state === "failed" && d.transport === "outbox") notes.push("outbox run");
  if (d.forced) notes.push(`forced by ${d.forced.by}: ${truncate(d.forced.reason, 40)}`);
  return `${d.channel === "sms" ? "SMS " : ""}${d.email} ${d.state}${notes.length ? ` (${notes.join("; ")})` : ""}`;
}

/** Whether the period has SMS deliveries (the header then says how each channel is shown). */
const hasSms = (report: StatusReport) => report.totals.deliveries.sms > 0;

const pad = (text: string, width: number) => text.padEnd(width);
const padStart = (text: string, width: number) => text.padStart(width);
const truncate = (text: string, width: number) =>
  text.length > width ? text.slice(0, width - 1) + "…" : text;
