/**
 * Strict checks for what goes into e-mail headers. Pure.
 *
 * An address is accepted only in its plainest form, `local@domain.tld`: no display name, no quotes,
 * comments, commas, angle brackets, spaces or control characters, ASCII only. Anything else is
 * refused rather than cleaned, so one dataset cell can never become two recipients or a new header.
 */

/** RFC 5322 atext without the quote characters (' and `): letters, digits and !#$%&*+/=?^_{|}~- */
const LOCAL_ATOM = "[A-Za-z0-9!#$%&*+/=?^_{|}~-]+";
const LABEL = "[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?";
const ADDRESS = new RegExp(`^${LOCAL_ATOM}(?:\\.${LOCAL_ATOM})*@${LABEL}(?:\\.${LABEL})+$`);

/** C0 controls (CR, LF, TAB…), DEL, C1 controls and the Unicode line and paragraph separators. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

/** Why `value` is not a plain e-mail address, or null when it is one. */
export function checkAddress(value: string): string | null {
  if (value.length === 0) return "the address is empty";
  if (CONTROL.test(value)) return "the address contains a control character (such as CR or LF)";
  if (/[\s,;<>"'`()[\]\\]/.test(value)) {
    return "the address contains a space, comma, semicolon, quote, bracket or parenthesis: write one plain address such as name@example.org";
  }
  if (value.length > 254) return "the address is longer than 254 characters";
  const at = value.lastIndexOf("@");
  if (at > 64) return "the part before @ is longer than 64 characters";
  if (!ADDRESS.test(value)) return "the address is not of the plain form name@example.org (ASCII only)";
  return null;
}

/** Why `value` cannot be a header value (a name, a subject), or null when it can. */
export function checkHeaderText(value: string): string | null {
  if (CONTROL.test(value)) {
    const found = CONTROL.exec(value)?.[0] ?? "";
    const which =
      found === "\r" || found === "\n"
        ? "a line break (CR/LF)"
        : `a control character (U+${found.codePointAt(0)?.toString(16).toUpperCase().padStart(4, "0")})`;
    return `contains ${which}`;
  }
  if (value.length > 500) return "is longer than 500 characters";
  return null;
}

/** The domain of a checked address. */
export function addressDomain(address: string): string {
  return address.slice(address.lastIndexOf("@") + 1).toLowerCase();
}
