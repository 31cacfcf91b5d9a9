/** What a phone number check gives: the number in E.164, or why it cannot take an SMS. */
export type PhoneCheck = { ok: true; phone: string } | { ok: false; reason: string };

export interface PhoneRules {
  /** dataset.json `sms.international`: any E.164 number, not only Peruvian mobiles. */
  international?: boolean;
}

/**
 * Checks a recipient's or a school director's phone number for SMS and gives it in E.164. Pure.
 *
 * - Accepted: `+519XXXXXXXX` (a Peruvian mobile: +51, then 9 and 8 digits), and the national form
 *   `9XXXXXXXX` (nine digits starting with 9, as schools.csv writes directors' numbers), which is
 *   read as `+519XXXXXXXX`. Spaces and hyphens between digits are ignored (`987 654 321`).
 * - Refused: a landline (`+51 1 …`, `01 …`), a number of another length, letters, and any other
 *   country unless the dataset says `"sms": {"international": true}`; then any E.164 number
 *   (`+`, a country code not starting with 0, 8 to 15 digits in all) is accepted as written.
 */
export function checkPhone(raw: string, rules: PhoneRules = {}): PhoneCheck {
  const text = raw.trim();
  if (text === "") return { ok: false, reason: "is empty" };
  if (!/^\+?[0-9]+(?:[ -][0-9]+)*$/.test(text)) {
    return { ok: false, reason: "is not a phone number (digits, an optional leading +, spaces or hyphens)" };
  }
  const digits = text.replace(/[ -]/g, "");
  if (!digits.startsWith("+")) {
    if (/^9[0-9]{8}$/.test(digits)) return { ok: true, phone: `+51${digits}` };
    return {
      ok: false,
      reason:
        "is not a mobile number: write it in E.164 (+519XXXXXXXX) or as the 9 digits of a Peruvian mobile (9XXXXXXXX)",
    };
  }
  if (/^\+519[0-9]{8}$/.test(digits)) return { ok: true, phone: digits };
  if (rules.international && /^\+[1-9][0-9]{7,14}$/.test(digits)) return { ok: true, phone: digits };
  if (digits.startsWith("+51")) {
    return { ok: false, reason: "is not a Peruvian mobile number (+51, then 9 and 8 digits)" };
  }
  return {
    ok: false,
    reason: rules.international
      ? "is not an E.164 number (+, country code, 8 to 15 digits in all)"
      : 'is not a Peruvian mobile number (+519XXXXXXXX); numbers of other countries need "sms": {"international": true} in dataset.json',
  };
}
