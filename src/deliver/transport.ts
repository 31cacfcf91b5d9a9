import type { DeliveryEvent } from "../model.js";

/**
 * What became of one message handed to a transport, in the words of the delivery model rather than
 * of a protocol: each transport (SMTP, the outbox; an SMS gateway next) sorts its own replies into
 * these, and the retry loop (deliverWithRetry) decides from them alone.
 */
export type SendOutcome =
  /** Accepted by the server: `reply` is its answer. */
  | { status: "sent"; reply: string }
  /** Written to the outbox as a file: it reached nobody yet. */
  | { status: "written"; reply: string }
  /** Refused for good (an SMTP 5xx): trying again cannot help this message. */
  | { status: "failed"; reply: string }
  /** Handed over, then the final answer never came: it may or may not have arrived. Never retried. */
  | { status: "unknown"; reply: string }
  /**
   * Not accepted this time, and it may work later (an SMTP 4xx, a refused connection). `reached`:
   * whether the server answered at all; a run whose last retry still reached nothing stops, since
   * every further message would meet the same closed door. `afterMs`: the server asked to wait at
   * least this long (a Retry-After).
   */
  | { status: "retry"; reply: string; reached: boolean; afterMs?: number }
  /** The server cannot be used as configured (credentials, TLS, certificate, host name): stop the run. */
  | { status: "stop"; reply: string };

/**
 * Where a channel's messages go: the narrow seam between a send and the network or the disk, like
 * the printer's `PrintablePage`. A test hands `send` a scripted one; each real one (createSmtpTransport,
 * createOutboxTransport) is tested against a real server or folder.
 */
export interface Transport<M> {
  /** Recorded on every ledger event this transport causes. */
  readonly kind: DeliveryEvent["transport"];
  /** Shown in the summary, without credentials. */
  readonly description: string;
  send(message: M): Promise<SendOutcome>;
  close(): Promise<void>;
}
