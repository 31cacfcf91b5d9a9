import { NATIONAL_CODE, type CsvDialect, type Locale, type Problem, type Recipient } from "../model.js";
import { compare } from "./compare.js";
import { checkAddress } from "../rules/checkAddress.js";
import { checkPhone, type PhoneRules } from "../deliver/sms/checkPhone.js";
import { checkName } from "./checkName.js";
import type { Known } from "./known.js";
import { cell, readCsv, where } from "./parseCsv.js";
import { checkLevelCode, isLevel } from "./parseLevel.js";
import { at, problems } from "./problems.js";

export const RECIPIENTS_COLUMNS = ["level", "code", "name", "email"];

/** recipients.csv → recipients, sorted by level, code, then e-mail. `language` defaults to es. */
export function parseRecipients(
  text: string,
  dialect: CsvDialect,
  known: Known,
  file = "recipients.csv",
  phoneRules: PhoneRules = {},
): { recipients: Recipient[] | null; problems: Problem[] } {
  const { table, problems: found } = readCsv(text, file, dialect, RECIPIENTS_COLUMNS);
  if (!table) return { recipients: null, problems: found };
  const recipients: Recipient[] = [];
  const seen = new Map<string, number>();
  for (const row of table.rows) {
    const before = found.length;
    const level = cell(table, row, "level");
    const code = cell(table, row, "code");
    const name = cell(table, row, "name");
    // Not trimmed: a stray space or line break in an address is an error, not something to fix silently.
    const email = (row.fields[table.header.indexOf("email")] ?? "").replace(/^[ \t]+|[ \t]+$/g, "");
    const language = cell(table, row, "language") || "es";
    // Optional `phone` (SMS): a row needs an e-mail, a phone, or both.
    const rawPhone = cell(table, row, "phone");
    const phone = rawPhone === "" ? null : checkPhone(rawPhone, phoneRules);
    if (phone && !phone.ok)
      found.push(at(where(table, row, "phone"), problems.invalidPhone("phone", rawPhone, phone.reason)));
    // `team`: the enabling team's brief, one per dataset (code PE, as the national report).
    const unit =
      level === "team"
        ? code === NATIONAL_CODE
          ? null
          : at(where(table, row, "code"), problems.unknownNationalCode(code))
        : checkLevelCode(known, level, code, where(table, row, "level"), where(table, row, "code"), true);
    if (unit) found.push(unit);
    const badName = name === "" ? null : checkName(name);
    if (name === "") found.push(at(where(table, row, "name"), problems.missingValue("name")));
    else if (badName) found.push(at(where(table, row, "name"), problems.badName("name", name, badName)));
    // The send's own rule: an address that validates is never refused at send.
    const badEmail = email === "" ? null : checkAddress(email);
    if (email === "" && rawPhone === "")
      found.push(at(where(table, row, "email"), problems.missingValue("email")));
    else if (badEmail) found.push(at(where(table, row, "email"), problems.invalidEmail(email, badEmail)));
    if (language !== "es" && language !== "en")
      found.push(at(where(table, row, "language"), problems.unknownLanguage(language)));
    if (found.length > before || !(isLevel(level) || level === "team")) continue;
    const key = `${level}|${code}|${email === "" ? (phone?.ok ? phone.phone : "") : email.toLowerCase()}`;
    const first = seen.get(key);
    if (first !== undefined) {
      found.push(
        at(
          where(table, row, email === "" ? "phone" : "email"),
          problems.duplicateRecipient(email || rawPhone, first),
        ),
      );
      continue;
    }
    seen.set(key, row.line);
    recipients.push({
      level,
      code: level === "national" || level === "team" ? NATIONAL_CODE : code,
      name,
      email,
      ...(phone?.ok ? { phone: phone.phone } : {}),
      language: language as Locale,
    });
  }
  const levelOrder = { national: 0, region: 1, district: 2, team: 3 };
  recipients.sort(
    (a, b) =>
      levelOrder[a.level] - levelOrder[b.level] ||
      compare(a.code, b.code) ||
      compare(a.email, b.email) ||
      compare(a.phone ?? "", b.phone ?? ""),
  );
  return { recipients, problems: found };
}
