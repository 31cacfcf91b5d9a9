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

/** A delivery's state after replaying the ledger. */
export interface LedgerEntry {
  state: DeliveryState;
  /** How many times the message was handed to a transport. */
  attempts: number;
  reply?: string;
  at?: string;
}

export type PlannedAction = "send" | "skip";

export interface PlannedDelivery extends Delivery {
  action: PlannedAction;
  /** State before this run. */
  previous: LedgerEntry;
  /** Why it is skipped or sent again. */
  why: "new" | "retry-pending" | "already-sent" | "failed" | "resend-failed" | "unknown" | "forced";
}

/** The outcome of handing one message to a transport. */
export type SendOutcome =
  /** Accepted: the server's reply (or the outbox file). */
  | { status: "sent"; reply: string }
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
  /** File name for the outbox: `<level>-<code>-<language>-<address>.eml`. */
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
