import { errors, type CliError } from "../../errors.js";
import { maskUrl } from "../../maskUrl.js";
import { decode } from "../parseSmtpUrl.js";

export type SmsSettings =
  | {
      kind: "smpp";
      host: string;
      port: number;
      systemId: string;
      password: string;
      /** `?source=`: the sender shown on the phone (alphanumeric: TON 5; digits: TON 1 / NPI 1). */
      source: string;
      /**
       * `?bind=transceiver`: bind as transceiver, so the centre can send delivery receipts
       * (`deliver_sm`) on the session; default transmitter, which receives none.
       */
      bind: "transmitter" | "transceiver";
      display: string;
    }
  | {
      kind: "http";
      /** The URL without credentials. */
      url: string;
      /** HTTP Basic credentials, when the URL or sms.passwordEnv gives them. */
      auth: { user: string; pass: string } | null;
      display: string;
    };

/**
 * Reads the SMS URL (`--sms`, SEMAFORO_SMS_URL or the config's `sms.url`):
 * `smpp://system_id:password@host[:2775][?source=SENDER][&bind=transceiver]` or `http(s)://[user:password@]host/path`.
 * `password` (from the variable the config's `sms.passwordEnv` names) replaces the URL's. The
 * password, as typed or percent-encoded, never appears in a message (`display`). Pure.
 */
export function parseSmsUrl(value: string, password?: string): SmsSettings {
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):\/\//.exec(value);
  if (!scheme) throw badUrl(value, "it is not a URL");
  const rest = value.slice(scheme[0].length);
  const slash = rest.search(/[/?#]/);
  const authority = slash >= 0 ? rest.slice(0, slash) : rest;
  const at = authority.lastIndexOf("@");
  const userinfo = at >= 0 ? authority.slice(0, at) : "";
  const colon = userinfo.indexOf(":");
  const user = decode(colon >= 0 ? userinfo.slice(0, colon) : userinfo);
  const pass = password ?? decode(colon >= 0 ? userinfo.slice(colon + 1) : "");
  let url: URL;
  try {
    url = new URL(`${scheme[0]}${authority.slice(at + 1)}${slash >= 0 ? rest.slice(slash) : ""}`);
  } catch {
    throw badUrl(value, "it is not a URL");
  }
  if (!url.hostname) throw badUrl(value, "it names no host");
  const hostPort = `${url.hostname}${url.port ? `:${url.port}` : ""}`;
  if (url.protocol === "smpp:") {
    if (!user) throw badUrl(value, "it names no system_id (smpp://system_id:password@host:port)");
    if ((url.pathname && url.pathname !== "/") || url.hash) throw badUrl(value, "an smpp:// URL has no path");
    const options = [...url.searchParams.keys()].filter((k) => k !== "source" && k !== "bind");
    if (options.length > 0)
      throw badUrl(value, `unknown option ${options.join(", ")} (only ?source= and ?bind=)`);
    const source = url.searchParams.get("source") ?? "";
    if (source.length > 20) throw badUrl(value, "the source is longer than 20 characters");
    const bind = url.searchParams.get("bind") ?? "transmitter";
    if (bind !== "transmitter" && bind !== "transceiver")
      throw badUrl(value, `?bind= is transmitter or transceiver, not ${JSON.stringify(bind)}`);
    return {
      kind: "smpp",
      host: url.hostname.replace(/^\[(.*)\]$/, "$1"),
      port: url.port ? Number(url.port) : 2775,
      systemId: user,
      password: pass,
      source,
      bind,
      display: `smpp://${encodeURIComponent(user)}@${hostPort}${url.search}`,
    };
  }
  if (url.protocol === "http:" || url.protocol === "https:") {
    const clean = `${url.protocol}//${hostPort}${url.pathname}${url.search}`;
    return {
      kind: "http",
      url: clean,
      auth: user ? { user, pass } : null,
      display: `${url.protocol}//${user ? `${encodeURIComponent(user)}@` : ""}${hostPort}${url.pathname}`,
    };
  }
  throw badUrl(value, `the scheme must be smpp://, http:// or https://, not ${url.protocol}//`);
}

function badUrl(value: string, why: string): CliError {
  return errors.badSmsUrl(maskUrl(value).shown, why);
}
