import { checkHeaderText } from "../rules/checkAddress.js";

/** The longest name accepted (units, recipients, schools, labels, titles). */
export const NAME_MAX_LENGTH = 200;

/** Invisible text-direction controls: one reverses how the rest of a name reads (spoofing). */
const BIDI_CONTROL = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Why `value` cannot be a name shown in reports, file names and e-mail headers, or null when it
 * can: no control characters (a CR/LF would become a new header line), well-formed Unicode, no
 * text-direction controls, at most NAME_MAX_LENGTH characters. Built on the send's own header rule, so a name that passes
 * here is never refused at send.
 */
export function checkName(value: string): string | null {
  // The header rule's own, longer length bound never applies: NAME_MAX_LENGTH is checked below.
  const header = checkHeaderText(value.slice(0, 2 * NAME_MAX_LENGTH + 2));
  if (header) return header;
  if (LONE_SURROGATE.test(value)) return "contains a broken Unicode character (a lone surrogate)";
  const bidi = BIDI_CONTROL.exec(value)?.[0];
  if (bidi) {
    const code = bidi.codePointAt(0)?.toString(16).toUpperCase().padStart(4, "0") ?? "";
    return `contains an invisible text-direction control (U+${code})`;
  }
  // Characters as a reader counts them (code points: an emoji is one), not UTF-16 units.
  if (value.length > NAME_MAX_LENGTH && [...value].length > NAME_MAX_LENGTH)
    return `is longer than ${NAME_MAX_LENGTH} characters`;
  return null;
}
