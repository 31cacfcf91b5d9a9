import { Readable } from "node:stream";
import type { NodemailerError } from "nodemailer";
import SMTPConnection from "nodemailer/lib/smtp-connection";
import type { SmtpSettings } from "./parseSmtpUrl.js";
import { lostReply } from "./sendWords.js";
import type { MailTransport, SendOutcome } from "./types.js";

export interface SmtpTransportOptions {
  /** At most this many messages per second (0 or undefined: no limit). */
  rate?: number;
  /** A connection is reused for this many messages, then a new one is opened. Default 100. */
  maxMessagesPerConnection?: number;
  /** Socket timeouts in ms. */
  timeouts?: { connection?: number; greeting?: number; socket?: number };
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

/** Errors on which every further message would fail the same way: stop the run. */
const FATAL = new Set(["EAUTH", "ENOAUTH", "ETLS", "EREQUIRETLS", "ECONFIG", "EDNS"]);
/** A temporary DNS failure is retried like a refused connection. */
const TEMPORARY_DNS = new Set(["EAI_AGAIN"]);
/** Certificate and TLS handshake failures reported by the socket (Node's and OpenSSL's codes). */
const TLS_FAILURE = /CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY|UNABLE_TO_GET_ISSUER/;

/**
 * SMTP delivery over one pooled (kept-alive, reused) connection, one message at a time, with
 * certificate checks on (Node's defaults; never disabled). Messages go one after another on
 * purpose: if the run dies, at most one message is in flight, so at most one delivery is `unknown`.
 *
 * Each message is handed over as a stream that the connection reads only after the server has
 * accepted DATA. Whether that stream was read tells, on a broken connection, whether the message may
 * have reached the server (`lost` → unknown) or certainly did not (`not-sent` → retried).
 */
export function createSmtpTransport(
  settings: SmtpSettings,
  options: SmtpTransportOptions = {},
): MailTransport {
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const now = options.now ?? Date.now;
  const interval = options.rate && options.rate > 0 ? 1000 / options.rate : 0;
  const maxMessages = options.maxMessagesPerConnection ?? 100;
  let current: { connection: SMTPConnection; messages: number; alive: boolean } | null = null;
  let lastStart = -Infinity;

  const drop = () => {
    if (current) {
      current.alive = false;
      current.connection.close();
      current = null;
    }
  };

  const open = async () => {
    const connection = new SMTPConnection({
      host: settings.host,
      port: settings.port,
      secure: settings.secure,
      requireTLS: settings.requireTLS,
      connectionTimeout: options.timeouts?.connection ?? 30_000,
      greetingTimeout: options.timeouts?.greeting ?? 30_000,
      socketTimeout: options.timeouts?.socket ?? 120_000,
      logger: false,
    });
    const state = { connection, messages: 0, alive: true };
    // A failed connect or login closes the connection at once: otherwise the socket stays open
    // until its timeout (120 s) and keeps the process from exiting.
    const failed = (error: unknown) => {
      state.alive = false;
      connection.close();
      throw error;
    };
    await new Promise<void>((resolve, reject) => {
      let settled = false;
      const settle = (error?: Error) => {
        if (settled) return;
        settled = true;
        if (error) reject(error);
        else resolve();
      };
      connection.on("error", (error: Error) => {
        state.alive = false;
        settle(error);
      });
      connection.on("end", () => {
        state.alive = false;
        settle(Object.assign(new Error("Connection closed before it was ready"), { code: "ECONNECTION" }));
      });
      connection.connect((error) => {
        if (error) return settle(error);
        if (!settings.auth) return settle();
        connection.login(settings.auth, (loginError) => settle(loginError ?? undefined));
      });
    }).catch(failed);
    return state;
  };

  return {
    kind: "smtp",
    description: settings.display,
    async send(message): Promise<SendOutcome> {
      const wait = lastStart + interval - now();
      if (wait > 0) await sleep(wait);
      lastStart = now();
      if (current && (!current.alive || current.messages >= maxMessages)) {
        if (current.alive) current.connection.quit();
        current = null;
      }
      if (!current) {
        try {
          current = await open();
        } catch (error) {
          drop();
          return classify(error as NodemailerError, false);
        }
      }
      const state = current;
      state.messages += 1;
      const stream = Readable.from([message.raw]);
      return new Promise<SendOutcome>((resolve) => {
        state.connection.send(
          { from: message.from, to: [message.to], size: message.raw.length },
          stream,
          (error, info) => {
            if (error) {
              drop();
              resolve(classify(error, stream.readableDidRead));
              return;
            }
            resolve({ status: "sent", reply: info.response });
          },
        );
      });
    },
    async close() {
      const state = current;
      current = null;
      if (!state) return;
      if (!state.alive) return state.connection.close();
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          state.connection.close();
          resolve();
        }, 2000);
        state.connection.once("end", () => {
          clearTimeout(timer);
          resolve();
        });
        state.connection.quit();
      });
    },
  };
}

/**
 * Sorts a failure into the delivery model's outcomes: refused for good (failed), to try again later
 * (retry: a 4xx reply, or no connection), handed over without a final reply (unknown), or a server
 * that cannot be used as configured (stop).
 */
export function classify(error: NodemailerError, handedOver: boolean): SendOutcome {
  const reply = describe(error);
  if (typeof error.responseCode === "number" && error.responseCode >= 400) {
    if (FATAL.has(error.code ?? "") && error.responseCode >= 500) return { status: "stop", reply };
    const permanent = error.permanent ?? error.responseCode >= 500;
    return permanent ? { status: "failed", reply } : { status: "retry", reply, reached: true };
  }
  if (handedOver) return { status: "unknown", reply: lostReply(reply) };
  return isFatal(error) ? { status: "stop", reply } : { status: "retry", reply, reached: false };
}

/** Authentication, TLS (certificates included) and DNS errors: retrying cannot help. */
function isFatal(error: NodemailerError): boolean {
  const original = String(error.originalCode ?? "");
  if (error.code === "EDNS") return !TEMPORARY_DNS.has(original);
  if (FATAL.has(error.code ?? "")) return true;
  return TLS_FAILURE.test(original);
}

function describe(error: NodemailerError): string {
  const code = error.code ? `${error.code}: ` : "";
  const original = error.originalCode ? ` (${error.originalCode})` : "";
  return `${code}${error.message}${original}`.replace(/\s+/g, " ").trim();
}
