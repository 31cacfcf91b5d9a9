/** `smtp://user:anything@host` → `smtp://user:***@host`, whatever the password holds. Pure. */
export function maskSmtpUrl(value: string): string {
  const scheme = /^[A-Za-z][A-Za-z0-9+.-]*:\/\//.exec(value);
  const start = scheme ? scheme[0].length : 0;
  const at = value.lastIndexOf("@");
  if (at < start) return value;
  const colon = value.indexOf(":", start);
  if (colon < 0 || colon > at) return value;
  return `${value.slice(0, colon)}:***${value.slice(at)}`;
}
