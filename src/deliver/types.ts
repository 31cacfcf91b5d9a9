import type { DeliveryEvent, DeliveryState, Locale, ManifestReport } from "../model.js";
import type { Transport } from "./transport.js";

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

/** Why this run sends a delivery (again). */
export type SendReason =
  | "new"
  | "retry-pending"
  /** Written to the outbox only: an SMTP run delivers it. */
  | "written"
  /** `--resend-failed`: it failed before. */
  | "resend-failed"
  /** `--force CODE`: an `unknown` delivery of that unit, sent again. */
  | "forced-unknown"
  /** `--force CODE --to ADDRESS`: sent again to that address whatever its state. */
  | "forced-to";

/** Why this run leaves a delivery alone. */
export type SkipReason =
  /** Written to the outbox, and this run writes to the outbox too. */
  | "already-written"
  | "already-sent"
  /** Sent, with an older build of the PDF: only `--force CODE --to ADDRESS` sends the new one. */
  | "outdated"
  /** Failed before, and no `--resend-failed`. */
  | "failed"
  /** May or may not have arrived, and no `--force`: never re-sent automatically. */
  | "unknown";

export type PlanReason = SendReason | SkipReason;

/** What a run does with a delivery and why: each reason belongs to exactly one action. */
export type PlanDecision = { action: "send"; why: SendReason } | { action: "skip"; why: SkipReason };

export type PlannedAction = PlanDecision["action"];

/** A delivery of the plan: its state before this run, and the decision (planDeliveries). */
export type PlannedDelivery = Delivery & {
  /** State before this run. */
  previous: LedgerEntry;
  outdated: boolean;
} & PlanDecision;

/** A delivery this run sends. */
export type PlannedSend = Extract<PlannedDelivery, { action: "send" }>;

export type { SendOutcome } from "./transport.js";

/** A message ready for a transport: the envelope and the encoded bytes. */
export interface OutgoingMessage {
  from: string;
  to: string;
  raw: Buffer;
  /** File name for the outbox, from safe parts only (see outboxName). */
  outboxName: string;
}

/** Where e-mail goes: the outbox folder or an SMTP server. */
export type MailTransport = Transport<OutgoingMessage>;
