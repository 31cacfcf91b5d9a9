/**
 * A URL as it may be shown: the password and every query or fragment value masked, or — when the
 * text cannot be read as a URL — no part of it, with what is wrong instead.
 */
export type MaskedUrl =
  | { ok: true; /** `smtp://user:***@host:port`, safe to print. */ shown: string }
  | {
      ok: false;
      /** A placeholder that holds nothing of the text. */
      shown: string;
      /** What is wrong with it, in words that quote none of it (e.g. "it names no host"). */
      problem: string;
    };

/** What an unreadable URL is shown as: nothing of what was typed. */
export const UNREADABLE_URL = "(not shown: it cannot be read as a URL)";

/**
 * The one masking function for every URL that may carry a secret (the SMTP URL of send, run and
 * doctor; any other channel's URL): `scheme://user:anything@host` → `scheme://user:***@host`.
 * The credentials end at the LAST `@`, so a password may hold `/`, `?`, `#`, `:` or `@` typed as
 * is; query values and the fragment are masked too (`?token=***`). A text that cannot be read as
 * `scheme://[user[:password]@]host[:port][/path][?query]` is never echoed, not even in part: the
 * result says what is wrong with it. Pure.
 */
export function maskUrl(value: string): MaskedUrl {
  const bad = (problem: string): MaskedUrl => ({ ok: false, shown: UNREADABLE_URL, problem });
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):\/\//.exec(value);
  if (!scheme) return bad("it does not start with a scheme and // (as in smtp://host)");
  const rest = value.slice(scheme[0].length);
  const at = rest.lastIndexOf("@");
  const userinfo = at >= 0 ? rest.slice(0, at) : "";
  const hostPart = rest.slice(at + 1);
  if (/^[/?#]|^$/.test(hostPart)) return bad("it names no host");
  let url: URL;
  try {
    url = new URL(`${scheme[1]}://${hostPart}`);
  } catch {
    return bad(
      at < 0 && hostPart.includes(":")
        ? "it names no host: user:password must be followed by @host, and a port is a number"
        : "the host and port after the last @ cannot be read (host[:port], the port a number)",
    );
  }
  if (!url.hostname) return bad("it names no host");
  // eslint-disable-next-line no-control-regex -- control characters are what is refused
  if (/[\s\x00-\x1f\x7f]/.test(userinfo))
    return bad("the user or password holds a space or a control character");
  const colon = userinfo.indexOf(":");
  const user = colon >= 0 ? userinfo.slice(0, colon) : userinfo;
  const credentials = at < 0 ? "" : `${user}${colon >= 0 ? ":***" : ""}@`;
  const query = url.search
    ? `?${url.search
        .slice(1)
        .split("&")
        .map((pair) => (pair.includes("=") ? `${pair.slice(0, pair.indexOf("="))}=***` : pair))
        .join("&")}`
    : "";
  const path = url.pathname && url.pathname !== "/" ? url.pathname : hostPart.includes("/") ? "/" : "";
  return {
    ok: true,
    shown: `${scheme[1]}://${credentials}${url.host}${path}${query}${url.hash ? "#***" : ""}`,
  };
}
