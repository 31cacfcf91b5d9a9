import type { DeliveryEvent, DeliveryState, Locale, ReportLevel } from "../model.js";
import type { SmsSendReport } from "./sms/sendSmsSet.js";

/** Why a run stopped before the end: the deliveries not reached stay `pending`. */
export type SendStop =
  /** Credentials (535), TLS, the certificate or the host name: every further message would fail the same way. Exit 2. */
  | { kind: "config"; reason: string; reply: string }
  /** No connection to the server, after every retry: the next `send` tries again. Exit 5. */
  | { kind: "unreachable"; reason: string; reply: string };

/** What a run did with one delivery (or, for a dry run, would do). */
export type DeliveryAction =
  /** An SMTP server accepted it in this run. */
  | "sent"
  /** Written to the outbox in this run. */
  | "written"
  /** Handed over in this run, and it did not end sent (failed, unknown, pending). */
  | "attempted"
  /** Left alone by the plan. */
  | "skipped"
  /** The run stopped before it. */
  | "not-reached"
  /** Dry run: the real send would hand it over. */
  | "would-send"
  /** Dry run: the real send would refuse it (the reply says why, in its words). */
  | "refused";

export interface DeliveryResult {
  id: string;
  level: ReportLevel;
  code: string;
  /** The unit's name. */
  unit: string;
  language: Locale;
  email: string;
  file: string;
  bytes: number;
  /** State after this run (for a dry run: before it). */
  state: DeliveryState;
  /** The transport of the event that set the state. */
  transport?: DeliveryEvent["transport"];
  /** `sent` with an older build of the PDF than the manifest's. */
  outdated: boolean;
  /**
   * What this run did with it: `sent` (SMTP accepted), `written` (outbox), `attempted` (did not
   * end sent), `skipped`, `not-reached` (the run stopped first); a dry run says `would-send`, or
   * `refused` with the words the real send would record.
   */
  action: DeliveryAction;
  /** Why it was skipped or refused, or what the server said. */
  reply?: string;
}

export interface SendReport {
  period: string;
  dryRun: boolean;
  /** `smtp` or `outbox`. */
  transportKind: DeliveryEvent["transport"];
  transport: string;
  deliveries: DeliveryResult[];
  counts: Record<DeliveryState, number>;
  /** Deliveries an SMTP server accepted in this run. */
  sentNow: number;
  /** Deliveries written to the outbox in this run. */
  writtenNow: number;
  /** Why the run stopped before the end, or null when it did not. */
  stop: SendStop | null;
  /** The SMS channel's run (`send --channel sms|all`), when it ran. */
  sms?: SmsSendReport;
}
