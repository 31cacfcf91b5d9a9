import type { DeliveryEvent, DeliveryState, Level, Locale, Manifest, ManifestReport } from "../model.js";
import { LEVELS } from "../model.js";

/** Where one delivery (one report to one address) stands, from its last ledger event. */
export interface DeliveryStatus {
  email: string;
  /** `attempt` with no outcome after it counts as `unknown`; no event at all is `pending`. */
  state: DeliveryState;
  /** When the last event happened (absent when pending). */
  at?: string;
  /** The server's reply or the error of the last event, when there is one. */
  reply?: string;
  attempts: number;
  /** Sent, but a different build of the PDF than the one in the manifest (sha256 differs). */
  outdated: boolean;
}

export type StatusRow =
  | {
      built: true;
      level: Level;
      code: string;
      name: string;
      language: Locale;
      file: string;
      pages: number;
      bytes: number;
      deliveries: DeliveryStatus[];
    }
  | { built: false; level: Level; code: string; name: string; language: Locale; error: string };

export interface StatusTotals {
  /** Reports in the manifest. */
  built: number;
  /** Reports that could not be rendered in the last build. */
  notBuilt: number;
  pages: number;
  bytes: number;
  deliveries: Record<DeliveryState, number> & { total: number };
}

export interface StatusReport {
  period: string;
  generatedAt: string;
  rows: StatusRow[];
  totals: StatusTotals;
}

const STATES: readonly DeliveryState[] = ["sent", "failed", "unknown", "pending"];

/**
 * Joins the manifest (what should be delivered) with the ledger events (what happened), pure.
 * Events are taken in ledger order: a delivery's state is its last event's.
 */
export function computeStatus(manifest: Manifest, events: DeliveryEvent[]): StatusReport {
  const byRecipient = new Map<string, DeliveryEvent[]>();
  for (const event of events) {
    const key = recipientKey(event.level, event.code, event.email);
    const list = byRecipient.get(key) ?? [];
    list.push(event);
    byRecipient.set(key, list);
  }
  const reportsPerUnit = new Map<string, number>();
  for (const report of manifest.reports) {
    const unit = `${report.level}|${report.code}`;
    reportsPerUnit.set(unit, (reportsPerUnit.get(unit) ?? 0) + 1);
  }

  const rows: StatusRow[] = manifest.reports.map((report) => {
    const shared = (reportsPerUnit.get(`${report.level}|${report.code}`) ?? 0) > 1;
    const deliveries = [...report.recipients]
      .sort((a, b) => a.localeCompare(b))
      .map((email) => {
        const candidates = byRecipient.get(recipientKey(report.level, report.code, email)) ?? [];
        // Several reports for one unit (one per language): only this report's events count.
        const mine = shared ? candidates.filter((e) => sameFile(e.file, report.file)) : candidates;
        return deliveryStatus(email, report, mine);
      });
    return {
      built: true as const,
      level: report.level,
      code: report.code,
      name: report.name,
      language: report.language,
      file: report.file,
      pages: report.pages,
      bytes: report.bytes,
      deliveries,
    };
  });
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

  const deliveries = { sent: 0, failed: 0, unknown: 0, pending: 0, total: 0 };
  let pages = 0;
  let bytes = 0;
  for (const row of rows) {
    if (!row.built) continue;
    pages += row.pages;
    bytes += row.bytes;
    for (const d of row.deliveries) {
      deliveries[d.state] += 1;
      deliveries.total += 1;
    }
  }
  return {
    period: manifest.period,
    generatedAt: manifest.generatedAt,
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

function deliveryStatus(email: string, report: ManifestReport, events: DeliveryEvent[]): DeliveryStatus {
  const last = events[events.length - 1];
  const attempts = events.filter((e) => e.state === "attempt").length;
  if (!last) return { email, state: "pending", attempts, outdated: false };
  const state: DeliveryState = last.state === "attempt" ? "unknown" : last.state;
  const status: DeliveryStatus = {
    email,
    state,
    at: last.at,
    attempts,
    outdated: state === "sent" && last.sha256 !== report.sha256,
  };
  if (last.reply) status.reply = last.reply;
  else if (last.state === "attempt")
    status.reply = "no outcome recorded after the last attempt (interrupted?)";
  return status;
}

function recipientKey(level: Level, code: string, email: string): string {
  return `${level}|${code}|${email.trim().toLowerCase()}`;
}

function sameFile(a: string, b: string): boolean {
  const base = (p: string) => p.replace(/\\/g, "/").split("/").pop();
  return a === b || base(a) === base(b);
}

function compareRows(a: StatusRow, b: StatusRow): number {
  return (
    LEVELS.indexOf(a.level) - LEVELS.indexOf(b.level) ||
    (a.code < b.code ? -1 : a.code > b.code ? 1 : 0) ||
    (a.language < b.language ? -1 : a.language > b.language ? 1 : 0)
  );
}

export { STATES as DELIVERY_STATES };
