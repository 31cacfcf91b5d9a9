import { errors, type CliError } from "../errors.js";
import { maskUrl } from "../maskUrl.js";

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
 * SEMAFORO_SMTP_USER / SEMAFORO_SMTP_PASS. The user and password are taken as typed: percent-encoded
 * (`p%40ss`) or not (`pa/ss`, `50%off`), whatever characters they hold, and never appear in a
 * message. Options in the URL are refused: in particular there is no way to turn certificate checks
 * off. Pure.
 */
export function parseSmtpUrl(value: string, env: Record<string, string | undefined> = {}): SmtpSettings {
  const masked = maskUrl(value);
  if (!masked.ok) throw errors.badSmtpUrl(null, masked.problem);
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):\/\//.exec(value);
  if (!scheme) throw errors.badSmtpUrl(null, "it is not a URL");
  const rest = value.slice(scheme[0].length);
  // The credentials end at the last @: a password may hold /, ?, # or @ typed as is.
  const at = rest.lastIndexOf("@");
  const userinfo = at >= 0 ? rest.slice(0, at) : "";
  const colon = userinfo.indexOf(":");
  const urlUser = decode(colon >= 0 ? userinfo.slice(0, colon) : userinfo);
  const urlPass = decode(colon >= 0 ? userinfo.slice(colon + 1) : "");
  let url: URL;
  try {
    url = new URL(`${scheme[0]}${rest.slice(at + 1)}`);
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

/** Percent-decoding of a URL's user or password when validly encoded, else the text as typed (SMTP and SMS URLs). */
export function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** The error for a URL that reads but cannot be used: shown with its password masked (maskUrl). */
function badUrl(value: string, why: string): CliError {
  return errors.badSmtpUrl(maskUrl(value).shown, why);
}
