/**
 * Text → a CSS string literal, for the running header and footer (`content:` of the `@page` margin
 * boxes). Unit names are data: every character other than an ASCII letter, digit or space is
 * written as a CSS hex escape (`\E1 ` for "á"), so no quote, backslash, newline, `<` or `&` can end
 * the string, the rule or the <style> element, whatever the name holds.
 */
export function cssString(text: string): string {
  let out = "";
  for (const char of text) {
    out += /^[A-Za-z0-9 ]$/.test(char)
      ? char
      : `\\${(char.codePointAt(0) as number).toString(16).toUpperCase()} `;
  }
  return `"${out}"`;
}

/**
 * A page label with `{page}` and `{pages}` placeholders → the CSS `content` value that prints it in
 * a page margin box: "Página {page} de {pages}" → `"P\E1 gina " counter(page) " de " counter(pages)`.
 */
export function cssPageLabel(label: string): string {
  return label
    .split(/(\{pages?\})/)
    .filter((part) => part !== "")
    .map((part) =>
      part === "{page}" ? "counter(page)" : part === "{pages}" ? "counter(pages)" : cssString(part),
    )
    .join(" ");
}
