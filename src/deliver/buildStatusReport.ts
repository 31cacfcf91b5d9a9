import type { DeliveryEvent, DeliveryState, ReportLevel, Locale, Manifest } from "../model.js";
import { REPORT_LEVELS } from "../model.js";
import { listDeliveries } from "./listDeliveries.js";
import { listSmsDeliveries } from "./sms/listSmsDeliveries.js";
import type { LedgerEntry } from "./types.js";

/** Where one delivery (one report to one address) stands: the state model's entry, as shown. */
export interface DeliveryStatus {
  /** The delivery id (`period/level/code/language/address`). */
  id: string;
  email: string;
  state: DeliveryState;
  /** The transport of the event that set the state (absent when nothing was done yet). */
  transport?: DeliveryEvent["transport"];
  /** When the last event happened (absent when pending). */
  at?: string;
  /** The server's reply or the error of the last event, when there is one. */
  reply?: string;
  attempts: number;
  /** Sent, but a different build of the PDF than the one in the manifest (sha256 differs). */
  outdated: boolean;
  /** The last re-send asked for on purpose (`send --force`). */
  forced?: { by: string; reason: string; at: string };
  /** `sms` for an SMS (then `email` is the phone); absent for an e-mail. */
  channel?: "sms";
  /** SMS: the delivery receipt, when the centre sent one. */
  receipt?: "delivered" | "undelivered";
}

export type StatusRow =
  | {
      built: true;
      level: ReportLevel;
      code: string;
      name: string;
      language: Locale;
      file: string;
      pages: number;
      bytes: number;
      deliveries: DeliveryStatus[];
    }
  | { built: false; level: ReportLevel; code: string; name: string; language: Locale; error: string };

export interface StatusTotals {
  /** Reports in the manifest. */
  built: number;
  /** Reports that could not be rendered in the last build. */
  notBuilt: number;
  pages: number;
  bytes: number;
  /** Every delivery by state; `sms`: how many of `total` are SMS (the rest are e-mails). */
  deliveries: Record<DeliveryState, number> & { total: number; outdated: number; sms: number };
}

export interface StatusReport {
  period: string;
  generatedAt: string;
  /** The dataset's time zone, as the build recorded it (absent in older manifests). */
  timeZone?: string;
  rows: StatusRow[];
  totals: StatusTotals;
}

/**
 * Joins the manifest (what should be delivered) with the delivery states (replayLedger), pure. The
 * deliveries come from listDeliveries, the list `send` plans from, so status and send agree.
 */
export function buildStatusReport(
  manifest: Manifest,
  ledger: ReadonlyMap<string, LedgerEntry>,
): StatusReport {
  const byReport = new Map<string, DeliveryStatus[]>();
  for (const view of listDeliveries(manifest, ledger)) {
    const { entry } = view;
    const status: DeliveryStatus = {
      id: view.id,
      email: view.email,
      state: entry.state,
      ...(entry.transport ? { transport: entry.transport } : {}),
      ...(entry.at ? { at: entry.at } : {}),
      ...(entry.reply ? { reply: entry.reply } : {}),
      attempts: entry.attempts,
      outdated: view.outdated,
      ...(entry.forced ? { forced: entry.forced } : {}),
    };
    const list = byReport.get(view.report.file) ?? [];
    list.push(status);
    byReport.set(view.report.file, list);
  }

  // The SMS of each report (issue #25), from the same ledger and state model, after its e-mails.
  for (const view of listSmsDeliveries(manifest, ledger)) {
    const { entry } = view;
    const list = byReport.get(view.report.file) ?? [];
    list.push({
      id: view.id,
      email: view.sms.to,
      state: entry.state,
      ...(entry.transport ? { transport: entry.transport } : {}),
      ...(entry.at ? { at: entry.at } : {}),
      ...(entry.reply ? { reply: entry.reply } : {}),
      attempts: entry.attempts,
      outdated: false,
      ...(entry.forced ? { forced: entry.forced } : {}),
      channel: "sms",
      ...(entry.receipt ? { receipt: entry.receipt } : {}),
    });
    byReport.set(view.report.file, list);
  }

  const rows: StatusRow[] = manifest.reports.map((report) => ({
    built: true as const,
    level: report.level,
    code: report.code,
    name: report.name,
    language: report.language,
    file: report.file,
    pages: report.pages,
    bytes: report.bytes,
    deliveries: byReport.get(report.file) ?? [],
  }));
  for (const failure of manifest.failures ?? []) {
    rows.push({
      built: false,
      level: failure.level,
      code: failure.code,
      name: failure.code,
      language: failure.language,
      error: failure.error,
    });
  }
  rows.sort(compareRows);

  const deliveries = {
    sent: 0,
    written: 0,
    failed: 0,
    unknown: 0,
    pending: 0,
    total: 0,
    outdated: 0,
    sms: 0,
  };
  let pages = 0;
  let bytes = 0;
  for (const row of rows) {
    if (!row.built) continue;
    pages += row.pages;
    bytes += row.bytes;
    for (const d of row.deliveries) {
      deliveries[d.state] += 1;
      deliveries.total += 1;
      if (d.outdated) deliveries.outdated += 1;
      if (d.channel === "sms") deliveries.sms += 1;
    }
  }
  return {
    period: manifest.period,
    generatedAt: manifest.generatedAt,
    ...(manifest.dataset.timeZone ? { timeZone: manifest.dataset.timeZone } : {}),
    rows,
    totals: {
      built: manifest.reports.length,
      notBuilt: rows.length - manifest.reports.length,
      pages,
      bytes,
      deliveries,
    },
  };
}

function compareRows(a: StatusRow, b: StatusRow): number {
  return (
    REPORT_LEVELS.indexOf(a.level) - REPORT_LEVELS.indexOf(b.level) ||
    (a.code < b.code ? -1 : a.code > b.code ? 1 : 0) ||
    (a.language < b.language ? -1 : a.language > b.language ? 1 : 0)
  );
}
