/** Folds text for a tolerant comparison: Unicode NFC, lower case, one space for any run of spaces. */
export function foldText(text: string): string {
  return text
    .normalize("NFC")
    .replace(/\u00ad/g, "") // soft hyphens
    .toLocaleLowerCase("es")
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * The expected texts that `visible` does not contain (empty = all there). Case-insensitive, so a
 * heading styled `text-transform: uppercase` still counts, and whitespace-insensitive, so a label
 * broken over two lines does too.
 */
export function checkVisibleText(visible: string, expected: readonly string[]): string[] {
  const haystack = foldText(visible);
  return expected.filter((text) => !haystack.includes(foldText(text)));
}
