/** One SMS ready for a transport: GSM-7 text (at most two segments) to one E.164 number. */
export interface SmsMessage {
  /** E.164, `+519XXXXXXXX`. */
  to: string;
  /** GSM-7 only, ending with the reference. */
  text: string;
  /** The 5-character reference from the delivery id (smsReference). */
  reference: string;
  /** File name for the outbox (`outbox/sms/`), from safe parts only. */
  outboxName: string;
}

/** The outcome of handing one SMS to a transport (the same kinds as an e-mail's SendOutcome). */
export type SmsOutcome =
  /** Accepted by the SMS centre or gateway: `ids` are its message ids (one per part over SMPP). */
  | { status: "sent"; reply: string; ids: string[] }
  /** Written to the outbox as a text file: reached nobody yet. */
  | { status: "written"; reply: string }
  /** Refused: permanent (`failed`), or temporary (throttled; retried after `retryAfterMs`). */
  | { status: "rejected"; permanent: boolean; reply: string; retryAfterMs?: number }
  /** Not handed over. `fatal`: retrying cannot help (bind refused, bad credentials). */
  | { status: "not-sent"; fatal: boolean; reply: string }
  /** Handed over, no definite answer (timeout, connection closed): it may have reached the phone. */
  | { status: "lost"; reply: string };

/** A delivery receipt: the state the SMS centre reports for one of its message ids. */
export interface SmsReceipt {
  messageId: string;
  /** `delivered` (DELIVRD), `undelivered` (UNDELIV, REJECTD, EXPIRED, DELETED); other states are ignored. */
  state: "delivered" | "undelivered";
  /** The receipt's stat and err, as sent. */
  detail: string;
}

/** Where SMS go: an SMPP centre, an HTTP gateway, or the outbox folder. */
export interface SmsTransport {
  readonly kind: "smpp" | "http" | "outbox";
  /** Shown in the summary, without credentials. */
  readonly description: string;
  send(message: SmsMessage): Promise<SmsOutcome>;
  /** Receipts that arrive while the transport is open (SMPP only). */
  onReceipt?(listener: (receipt: SmsReceipt) => void): void;
  close(): Promise<void>;
}
