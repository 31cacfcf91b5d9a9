import { CliError, ExitCode } from "../errors.js";

export interface SmtpSettings {
  host: string;
  port: number;
  /** smtps://: TLS from the first byte (usually port 465). */
  secure: boolean;
  /** smtp:// with credentials to a non-local host: STARTTLS must succeed before they are sent. */
  requireTLS: boolean;
  auth: { user: string; pass: string } | null;
  /** The URL without its password, for messages. */
  display: string;
}

const LOOPBACK = new Set(["localhost", "127.0.0.1", "::1", "[::1]"]);

/**
 * Reads `smtp://[user[:pass]@]host[:port]` or `smtps://…`. Credentials may instead come from
 * SEMAFORO_SMTP_USER / SEMAFORO_SMTP_PASS. Options in the URL are refused: in particular there is
 * no way to turn certificate checks off. Pure.
 */
export function parseSmtpUrl(value: string, env: Record<string, string | undefined> = {}): SmtpSettings {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw badUrl(value, "it is not a URL");
  }
  if (url.protocol !== "smtp:" && url.protocol !== "smtps:") {
    throw badUrl(value, `the scheme must be smtp:// or smtps://, not ${url.protocol}//`);
  }
  if (!url.hostname) throw badUrl(value, "it names no host");
  if (url.search || url.hash || (url.pathname && url.pathname !== "/")) {
    throw badUrl(value, "it has a path or options; the SMTP URL takes only user, password, host and port");
  }
  const secure = url.protocol === "smtps:";
  const port = url.port ? Number(url.port) : secure ? 465 : 587;
  const urlUser = decodeURIComponent(url.username);
  const urlPass = decodeURIComponent(url.password);
  const user = urlUser || env.SEMAFORO_SMTP_USER || "";
  const pass = urlUser ? urlPass : env.SEMAFORO_SMTP_PASS || "";
  const auth = user ? { user, pass } : null;
  const display = `${url.protocol}//${user ? `${encodeURIComponent(user)}@` : ""}${url.hostname}${url.port ? `:${url.port}` : ""}`;
  return {
    host: url.hostname.replace(/^\[(.*)\]$/, "$1"),
    port,
    secure,
    requireTLS: !secure && auth !== null && !LOOPBACK.has(url.hostname),
    auth,
    display,
  };
}

function badUrl(value: string, why: string): CliError {
  const shown = value.replace(/\/\/([^:@/]*):[^@/]*@/, "//$1:***@");
  return new CliError(
    "bad-smtp-url",
    `The SMTP URL ${JSON.stringify(shown)} cannot be used: ${why}.`,
    ExitCode.usage,
    "Example: --smtp smtps://user:password@smtp.example.org:465 (or set SEMAFORO_SMTP_URL; credentials may also come from SEMAFORO_SMTP_USER and SEMAFORO_SMTP_PASS).",
  );
}
