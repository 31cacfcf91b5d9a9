import smpp, { type PDU, type Session } from "smpp";
import { computeBackoff, type RetryPolicy } from "../computeBackoff.js";
import { splitGsm7 } from "./gsm7.js";
import type { SmsSettings } from "./parseSmsUrl.js";
import type { SmsMessage, SmsOutcome, SmsReceipt, SmsTransport } from "./types.js";

type SmppSettings = Extract<SmsSettings, { kind: "smpp" }>;

export interface SmppOptions {
  /** How long to wait for a bind or submit response, in ms (the `smpp` package has no timeout of its own). */
  responseTimeoutMs?: number;
  /** How long to wait for the TCP connection, in ms. */
  connectTimeoutMs?: number;
  /** ESME_RTHROTTLED / ESME_RMSGQFUL: submits of one part, the first included, and their backoff. */
  throttle?: RetryPolicy;
  /** Bind as transceiver to receive delivery receipts (default: transmitter, as the issue asks). */
  transceiver?: boolean;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

const THROTTLED = new Set([smpp.errors.ESME_RTHROTTLED, smpp.errors.ESME_RMSGQFUL]);
const STATUS_NAMES = new Map(Object.entries(smpp.errors).map(([name, code]) => [code, name]));
const DEFAULT_THROTTLE: RetryPolicy = { attempts: 5, baseMs: 1000, maxMs: 30_000 };

/** `ESME_RTHROTTLED (0x58)`. */
export function smppStatusName(status: number): string {
  return `${STATUS_NAMES.get(status) ?? "status"} (0x${status.toString(16).toUpperCase().padStart(2, "0")})`;
}

/** Why a connection could not carry a submit: before anything was written, or after. */
class NotConnected extends Error {
  constructor(
    message: string,
    readonly fatal: boolean,
  ) {
    super(message);
  }
}

type SubmitResult =
  | { kind: "response"; pdu: PDU }
  | { kind: "timeout" }
  | { kind: "closed"; why: string }
  | { kind: "not-written" };

/**
 * SMS through an SMPP 3.4 centre (`smpp://system_id:password@host:port?source=SENDER`), with the
 * `smpp` package: one session, bound as transmitter on the first message; each part a `submit_sm`
 * with `data_coding` 0 and the GSM-7 septets as bytes (never left to the package, which would pick
 * IA5 or Latin-1), a two-part message with the concatenation UDH `05 00 03 ref 02 n` and
 * `esm_class` 0x40; destination TON/NPI 1/1 (international, E.164 without the +).
 *
 * Outcomes: every part ESME_ROK → `sent` (with the centre's message ids); ESME_RTHROTTLED or
 * ESME_RMSGQFUL → the same part again after a backoff, then `rejected` (temporary) if it never
 * passes; another status for the first part → `rejected` (permanent); a submit written with no
 * response (the timeout fired, the connection closed) → `lost` (the delivery is `unknown`), and the
 * session is dropped so a late response cannot be taken for another message's. No connection →
 * `not-sent`; a refused bind → `not-sent`, fatal (bad credentials: the run stops, exit 2).
 */
export function createSmppTransport(settings: SmppSettings, options: SmppOptions = {}): SmsTransport {
  const responseTimeoutMs = options.responseTimeoutMs ?? 10_000;
  const connectTimeoutMs = options.connectTimeoutMs ?? 10_000;
  const throttle = options.throttle ?? DEFAULT_THROTTLE;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const random = options.random ?? Math.random;
  const receiptListeners: ((receipt: SmsReceipt) => void)[] = [];
  let session: Promise<Session> | null = null;
  /** Settles every submit waiting on the current session when it closes. */
  let onClose = new Set<(why: string) => void>();
  let reference = Math.floor(random() * 256);
  const alphanumeric = /[^0-9+]/.test(settings.source);
  const source = {
    source_addr: settings.source.replace(/^\+/, ""),
    source_addr_ton: settings.source === "" ? 0 : alphanumeric ? 5 : 1,
    source_addr_npi: settings.source === "" || alphanumeric ? 0 : 1,
  };

  function open(): Promise<Session> {
    return new Promise<Session>((resolve, reject) => {
      const s = smpp.connect({ host: settings.host, port: settings.port });
      const closers = new Set<(why: string) => void>();
      onClose = closers;
      let settled = false;
      let connected = false;
      const fail = (error: NotConnected) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        s.destroy();
        reject(error);
      };
      const timer = setTimeout(
        () =>
          fail(
            new NotConnected(
              connected
                ? `no bind response from ${settings.display} within ${responseTimeoutMs / 1000} s`
                : `no connection to ${settings.display} within ${connectTimeoutMs / 1000} s`,
              false,
            ),
          ),
        connectTimeoutMs + responseTimeoutMs,
      );
      s.on("error", (error: Error & { code?: string }) => {
        fail(
          new NotConnected(`cannot connect to ${settings.display}: ${error.code ?? error.message}`, false),
        );
      });
      s.on("close", () => {
        fail(new NotConnected(`${settings.display} closed the connection before the bind`, false));
        if (session) session = null;
        for (const close of closers) close("the SMPP connection closed");
        closers.clear();
      });
      s.on("enquire_link", (pdu: PDU) => s.send(pdu.response()));
      s.on("unbind", (pdu: PDU) => {
        s.send(pdu.response());
        s.close();
      });
      s.on("deliver_sm", (pdu: PDU) => {
        s.send(pdu.response());
        const receipt = parseReceipt(pdu);
        if (receipt) for (const listener of receiptListeners) listener(receipt);
      });
      s.on("connect", () => {
        connected = true;
        const bind = options.transceiver ? s.bind_transceiver.bind(s) : s.bind_transmitter.bind(s);
        bind({ system_id: settings.systemId, password: settings.password }, (pdu: PDU) => {
          if (settled) return;
          if (pdu.command_status !== 0) {
            fail(
              new NotConnected(
                `${settings.display} refused the bind: ${smppStatusName(pdu.command_status)}; check the system_id and password`,
                true,
              ),
            );
            return;
          }
          settled = true;
          clearTimeout(timer);
          resolve(s);
        });
      });
    });
  }

  function drop(s: Session, why: string): void {
    session = null;
    for (const close of onClose) close(why);
    onClose.clear();
    s.destroy();
  }

  function submit(s: Session, fields: Record<string, unknown>): Promise<SubmitResult> {
    return new Promise<SubmitResult>((resolve) => {
      let done = false;
      const closers = onClose;
      const settle = (result: SubmitResult) => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        closers.delete(closed);
        resolve(result);
      };
      const closed = (why: string) => settle({ kind: "closed", why });
      closers.add(closed);
      const timer = setTimeout(() => settle({ kind: "timeout" }), responseTimeoutMs);
      const written = s.submit_sm(fields, (pdu: PDU) => settle({ kind: "response", pdu }));
      if (!written) settle({ kind: "not-written" });
    });
  }

  async function sendOnce(message: SmsMessage): Promise<SmsOutcome> {
    let s: Session;
    try {
      session ??= open();
      s = await session;
    } catch (error) {
      session = null;
      const e = error as NotConnected;
      return { status: "not-sent", fatal: e.fatal === true, reply: e.message };
    }
    const parts = splitGsm7(message.text);
    if (parts.length > 2) {
      return {
        status: "rejected",
        permanent: true,
        reply: `the text needs ${parts.length} SMS parts; at most 2 are sent`,
      };
    }
    // This message's concatenation reference, taken once: other messages go out while its parts wait.
    reference = (reference + 1) % 256;
    const ref = reference;
    const ids: string[] = [];
    for (let index = 0; index < parts.length; index++) {
      const part = parts[index] as Buffer;
      const udh = parts.length > 1 ? Buffer.from([0x05, 0x00, 0x03, ref, parts.length, index + 1]) : null;
      const fields = {
        ...source,
        destination_addr: message.to.replace(/^\+/, ""),
        dest_addr_ton: 1,
        dest_addr_npi: 1,
        esm_class: udh ? 0x40 : 0,
        registered_delivery: 1,
        data_coding: 0,
        short_message: udh ? Buffer.concat([udh, part]) : part,
      };
      const partName = parts.length > 1 ? ` (part ${index + 1} of ${parts.length})` : "";
      for (let attempt = 1; ; attempt++) {
        const result = await submit(s, fields);
        if (result.kind === "not-written") {
          drop(s, "not writable");
          return index === 0
            ? {
                status: "not-sent",
                fatal: false,
                reply: `the SMPP connection to ${settings.display} was not writable`,
              }
            : {
                status: "lost",
                reply: `part 1 was accepted, then the connection could not take part ${index + 1}`,
              };
        }
        if (result.kind === "timeout") {
          drop(s, "a response timed out");
          return {
            status: "lost",
            reply: `no submit_sm_resp${partName} within ${responseTimeoutMs / 1000} s`,
          };
        }
        if (result.kind === "closed") {
          return { status: "lost", reply: `${result.why} before the submit_sm_resp${partName}` };
        }
        const status = result.pdu.command_status;
        if (status === 0) {
          const id = result.pdu.message_id;
          ids.push(typeof id === "string" || typeof id === "number" ? String(id) : "");
          break;
        }
        if (THROTTLED.has(status) && attempt < throttle.attempts) {
          await sleep(computeBackoff(attempt, throttle, random()));
          continue;
        }
        const words = `${smppStatusName(status)}${partName}`;
        if (THROTTLED.has(status) && index === 0) {
          return { status: "rejected", permanent: false, reply: `${words}, ${attempt} times` };
        }
        if (index > 0) {
          return {
            status: "rejected",
            permanent: true,
            reply: `${words}; part 1 was accepted (${ids.join(", ")}): the phone may show half the message`,
          };
        }
        return { status: "rejected", permanent: true, reply: words };
      }
    }
    return { status: "sent", reply: `accepted by ${settings.display}: ${ids.join(", ")}`, ids };
  }

  return {
    kind: "smpp",
    description: settings.display,
    send: sendOnce,
    onReceipt(listener) {
      receiptListeners.push(listener);
    },
    async close() {
      const pending = session;
      session = null;
      if (!pending) return;
      let s: Session;
      try {
        s = await pending;
      } catch {
        return;
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          s.destroy();
          resolve();
        }, 2000);
        const done = () => {
          clearTimeout(timer);
          s.close(() => resolve());
        };
        if (!s.unbind(done)) {
          clearTimeout(timer);
          s.destroy();
          resolve();
        }
      });
    },
  };
}

const UNDELIVERED = new Set(["UNDELIV", "REJECTD", "EXPIRED", "DELETED"]);
const MESSAGE_STATE: Record<number, string> = {
  2: "DELIVRD",
  3: "EXPIRED",
  4: "DELETED",
  5: "UNDELIV",
  8: "REJECTD",
};

/**
 * A delivery receipt (`deliver_sm` with esm_class bit 0x04): the id from the
 * `receipted_message_id` TLV or the text's `id:`, the state from `message_state` or `stat:`.
 */
export function parseReceipt(pdu: PDU): SmsReceipt | null {
  if (((pdu.esm_class as number) & 0x04) === 0) return null;
  const raw = pdu.short_message;
  const text =
    typeof raw === "string"
      ? raw
      : Buffer.isBuffer(raw)
        ? raw.toString("latin1")
        : raw && typeof raw === "object" && "message" in raw
          ? String(raw.message)
          : "";
  const id = (pdu.receipted_message_id as string | undefined) ?? /\bid:(\S+)/i.exec(text)?.[1];
  const stat =
    (typeof pdu.message_state === "number" ? MESSAGE_STATE[pdu.message_state] : undefined) ??
    /\bstat:(\S+)/i.exec(text)?.[1]?.toUpperCase();
  if (!id || !stat) return null;
  const err = /\berr:(\S+)/i.exec(text)?.[1];
  const detail = `stat:${stat}${err ? ` err:${err}` : ""}`;
  if (stat === "DELIVRD") return { messageId: id.trim(), state: "delivered", detail };
  if (UNDELIVERED.has(stat)) return { messageId: id.trim(), state: "undelivered", detail };
  return null;
}
