import { request as httpRequest, type IncomingMessage } from "node:http";
import { request as httpsRequest } from "node:https";
import type { SmsSettings } from "./parseSmsUrl.js";
import type { SmsMessage, SmsOutcome, SmsTransport } from "./types.js";

type HttpSettings = Extract<SmsSettings, { kind: "http" }>;

export interface HttpSmsOptions {
  /** From the request's start to the whole response, in ms. */
  timeoutMs?: number;
  /** Retry-After when a 429 or 503 does not say, in ms. */
  defaultRetryAfterMs?: number;
}

/**
 * SMS through a generic HTTP gateway: one `POST` per message to the URL, body
 * `{"to": "+519…", "text": "…", "reference": "ABCDE"}` (JSON, UTF-8), HTTP Basic credentials when
 * the URL or sms.passwordEnv gives them. The gateway answers:
 *
 * - 2xx: `sent`; a JSON body's `id` (or `message_id`, `messageId`) is kept as the gateway's id.
 * - 429 or 503: temporary; retried after `Retry-After` (seconds or a date).
 * - 401, 403: the credentials are refused: the run stops (exit 2), nothing else is sent.
 * - any other 4xx: `failed` (the gateway refused this message).
 * - any other 5xx, a timeout or a connection broken after the request was sent: `lost` → `unknown`
 *   (the gateway may have sent it).
 * - no connection at all (refused, unknown host): `not-sent`, retried with backoff.
 */
export function createHttpSmsTransport(settings: HttpSettings, options: HttpSmsOptions = {}): SmsTransport {
  const timeoutMs = options.timeoutMs ?? 30_000;
  const defaultRetryAfterMs = options.defaultRetryAfterMs ?? 5_000;
  const url = new URL(settings.url);
  const request = url.protocol === "https:" ? httpsRequest : httpRequest;
  const authorization = settings.auth
    ? `Basic ${Buffer.from(`${settings.auth.user}:${settings.auth.pass}`).toString("base64")}`
    : undefined;

  function send(message: SmsMessage): Promise<SmsOutcome> {
    const body = Buffer.from(
      JSON.stringify({ to: message.to, text: message.text, reference: message.reference }),
    );
    return new Promise<SmsOutcome>((resolve) => {
      let settled = false;
      let sent = false;
      const settle = (outcome: SmsOutcome) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve(outcome);
      };
      const req = request(url, {
        method: "POST",
        headers: {
          "content-type": "application/json; charset=utf-8",
          "content-length": body.length,
          "idempotency-key": message.reference,
          ...(authorization ? { authorization } : {}),
        },
      });
      const timer = setTimeout(() => {
        settle(
          sent
            ? {
                status: "lost",
                reply: `no answer from ${settings.display} within ${timeoutMs / 1000} s after the request`,
              }
            : {
                status: "not-sent",
                fatal: false,
                reply: `no connection to ${settings.display} within ${timeoutMs / 1000} s`,
              },
        );
        req.destroy();
      }, timeoutMs);
      req.on("error", (error: Error & { code?: string }) => {
        const why = error.code ?? error.message;
        settle(
          sent
            ? {
                status: "lost",
                reply: `the connection to ${settings.display} broke after the request: ${why}`,
              }
            : { status: "not-sent", fatal: false, reply: `cannot reach ${settings.display}: ${why}` },
        );
      });
      req.on("socket", (socket) => {
        // Connected (or reused): from here on, bytes of the request may reach the gateway.
        const mark = () => {
          sent = true;
        };
        if (socket.connecting) socket.once("connect", mark);
        else mark();
      });
      req.on("response", (response: IncomingMessage) => {
        const chunks: Buffer[] = [];
        let size = 0;
        response.on("data", (chunk: Buffer) => {
          size += chunk.length;
          if (size <= 64 * 1024) chunks.push(chunk);
        });
        response.on("error", () => settle(classify(response, "")));
        response.on("end", () => settle(classify(response, Buffer.concat(chunks).toString("utf8"))));
      });
      req.end(body);
    });
  }

  function classify(response: IncomingMessage, text: string): SmsOutcome {
    const code = response.statusCode ?? 0;
    const said = `HTTP ${code}${text.trim() ? ` ${oneLine(text)}` : ""}`;
    if (code >= 200 && code < 300) {
      const id = gatewayId(text);
      return {
        status: "sent",
        reply: `accepted by ${settings.display}: HTTP ${code}${id ? ` id ${id}` : ""}`,
        ids: id ? [id] : [],
      };
    }
    if (code === 429 || code === 503) {
      return {
        status: "rejected",
        permanent: false,
        reply: said,
        retryAfterMs: retryAfter(response.headers["retry-after"]) ?? defaultRetryAfterMs,
      };
    }
    if (code === 401 || code === 403) {
      return {
        status: "not-sent",
        fatal: true,
        reply: `${settings.display} refused the credentials: ${said}`,
      };
    }
    if (code >= 400 && code < 500) return { status: "rejected", permanent: true, reply: said };
    return { status: "lost", reply: `${said} after the request: the gateway may have sent it` };
  }

  return {
    kind: "http",
    description: settings.display,
    send,
    close: () => Promise.resolve(),
  };
}

/** The gateway's message id from a JSON body: `id`, `message_id` or `messageId`, as text. */
function gatewayId(text: string): string | null {
  try {
    const body = JSON.parse(text) as Record<string, unknown>;
    for (const key of ["id", "message_id", "messageId"]) {
      const value = body?.[key];
      if (typeof value === "string" || typeof value === "number") return String(value).slice(0, 200);
    }
  } catch {
    // not JSON: no id
  }
  return null;
}

/** Retry-After: seconds, or an HTTP date; capped at 10 minutes. */
function retryAfter(value: string | undefined): number | null {
  if (value === undefined) return null;
  const seconds = Number(value);
  const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(value) - Date.now();
  if (!Number.isFinite(ms)) return null;
  return Math.min(Math.max(0, ms), 600_000);
}

function oneLine(text: string): string {
  const line = text.replace(/\s+/g, " ").trim();
  return line.length > 200 ? `${line.slice(0, 200)}…` : line;
}
