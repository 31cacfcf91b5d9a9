import type { DeliveryEvent, DeliveryState, Locale, ManifestReport } from "../model.js";

/** One report to one recipient address. */
export interface Delivery {
  /** `period/level/code/language/address`: the same delivery always has the same id. */
  id: string;
  /** `<hash@sender-domain>`, deterministic (see deliveryIds). */
  messageId: string;
  report: ManifestReport;
  email: string;
  /** From the manifest's recipientNames; the address when unknown. */
  name: string;
  /** True when `name` came from the dataset (not the address fallback). */
  named: boolean;
  language: Locale;
}

/** A delivery's state after replaying the ledger (replayLedger, the one state model). */
export interface LedgerEntry {
  state: DeliveryState;
  /** The transport of the event that set the state (absent before any event). */
  transport?: DeliveryEvent["transport"];
  /** How many times the message was handed to a transport. */
  attempts: number;
  reply?: string;
  at?: string;
  /** The PDF version (sha256) of the event that set the state. */
  sha256?: string;
  /** The PDF version an SMTP server last accepted: what the recipient holds. */
  sentSha256?: string;
  /** When a message was last written to the outbox (also when SMTP delivered it since). */
  written?: string;
  /** The last re-send asked for on purpose: who, why, when. */
  forced?: { by: string; reason: string; at: string };
  /** SMS: the last delivery receipt of the message (any part undelivered: `undelivered`). */
  receipt?: "delivered" | "undelivered";
}

/** A delivery of the manifest with its state: what `status` shows and `send` plans from. */
export interface DeliveryView extends Omit<Delivery, "messageId"> {
  entry: LedgerEntry;
  /** `sent`, but an older build of the PDF than the manifest's (the recipient holds that one). */
  outdated: boolean;
}

export type PlannedAction = "send" | "skip";

export type PlanReason =
  | "new"
  | "retry-pending"
  /** Written to the outbox only: an SMTP run delivers it. */
  | "written"
  | "already-written"
  | "already-sent"
  /** Sent, with an older build of the PDF: only `--force CODE --to ADDRESS` sends the new one. */
  | "outdated"
  | "failed"
  | "resend-failed"
  | "unknown"
  /** `--force CODE`: an `unknown` delivery of that unit, sent again. */
  | "forced-unknown"
  /** `--force CODE --to ADDRESS`: sent again to that address whatever its state. */
  | "forced-to";

export interface PlannedDelivery extends Delivery {
  action: PlannedAction;
  /** State before this run. */
  previous: LedgerEntry;
  outdated: boolean;
  /** Why it is skipped or sent (again). */
  why: PlanReason;
}

/** The outcome of handing one message to a transport. */
export type SendOutcome =
  /** Accepted by the SMTP server: its reply. */
  | { status: "sent"; reply: string }
  /** Written to the outbox as an .eml file: reached nobody yet. */
  | { status: "written"; reply: string }
  /** The server answered with an error code: permanent (5xx) or transient (4xx). */
  | { status: "rejected"; permanent: boolean; reply: string }
  /** Not handed over (could not connect, connection lost before DATA). `fatal`: retrying cannot help (bad credentials, TLS). */
  | { status: "not-sent"; fatal: boolean; reply: string }
  /** Handed over, then the connection broke before the final reply: it may or may not have arrived. */
  | { status: "lost"; reply: string };

/** A message ready for a transport: the envelope and the encoded bytes. */
export interface OutgoingMessage {
  from: string;
  to: string;
  raw: Buffer;
  /** File name for the outbox, from safe parts only (see outboxName). */
  outboxName: string;
}

/** Where messages go: the outbox folder or an SMTP server. */
export interface MailTransport {
  readonly kind: DeliveryEvent["transport"];
  /** Shown in the summary, without credentials. */
  readonly description: string;
  send(message: OutgoingMessage): Promise<SendOutcome>;
  close(): Promise<void>;
}
