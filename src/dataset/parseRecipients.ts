import { NATIONAL_CODE, type CsvDialect, type Locale, type Problem, type Recipient } from "../model.js";
import { checkAddress } from "../rules/checkAddress.js";
import type { PhoneRules } from "../rules/checkPhone.js";
import { compare } from "./compare.js";
import { anyText, name, phone } from "./csvColumns.js";
import type { Column, CsvSchema } from "./csvSchema.js";
import type { Known } from "./known.js";
import { parseRows } from "./parseCsv.js";
import { checkLevelCode, isLevel } from "./parseLevel.js";
import { at, problems } from "./problems.js";

/** An address as the send checks it: one that validates is never refused at send. */
const email = (): Column<string> => ({
  // Not trimmed: a stray space or line break in an address is an error, not something to fix silently.
  trim: "spaces",
  parse: (raw, cell) => {
    const bad = raw === "" ? null : checkAddress(raw);
    if (bad) cell.problem(problems.invalidEmail(raw, bad));
    return bad ? null : raw;
  },
});

const columnsOf = (phoneRules: PhoneRules) => ({
  level: anyText(),
  code: anyText(),
  name: name(),
  email: email(),
  // Optional `phone` (SMS): a row needs an e-mail, a phone, or both.
  phone: phone(phoneRules),
  // es when empty.
  language: {
    optional: true,
    parse: (raw, cell) => {
      const language = raw || "es";
      if (language === "es" || language === "en") return language;
      cell.problem(problems.unknownLanguage(language));
      return null;
    },
  } as Column<Locale>,
});

const LEVEL_ORDER = { national: 0, region: 1, district: 2, team: 3 };

/** recipients.csv: who gets each unit's report, by e-mail, SMS or both; `language` defaults to es. */
export function recipientsSchema(
  known: Known,
  file = "recipients.csv",
  phoneRules: PhoneRules = {},
): CsvSchema<ReturnType<typeof columnsOf>, Recipient> {
  const seen = new Map<string, number>();
  return {
    file,
    columns: columnsOf(phoneRules),
    check: (_cells, row) => {
      const { level, code, email, phone } = row.raw;
      // `team`: the enabling team's brief, one per dataset (code PE, as the national report).
      row.add(
        level === "team"
          ? code === NATIONAL_CODE
            ? null
            : at(row.where("code"), problems.unknownNationalCode(code))
          : checkLevelCode(known, level, code, row.where("level"), row.where("code"), true),
      );
      if (email === "" && phone === "") row.problem("email", problems.missingValue("email"));
    },
    build: ({ level, code, name, email, phone, language }, row) => {
      if (!(isLevel(level) || level === "team")) return null;
      const key = `${level}|${code}|${email === "" ? (phone ?? "") : email.toLowerCase()}`;
      const first = seen.get(key);
      if (first !== undefined) {
        row.problem(
          email === "" ? "phone" : "email",
          problems.duplicateRecipient(email || row.raw.phone, first),
        );
        return null;
      }
      seen.set(key, row.line);
      return {
        level,
        code: level === "national" || level === "team" ? NATIONAL_CODE : code,
        name,
        email,
        ...(phone !== undefined ? { phone } : {}),
        language,
      };
    },
    order: (a, b) =>
      LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level] ||
      compare(a.code, b.code) ||
      compare(a.email, b.email) ||
      compare(a.phone ?? "", b.phone ?? ""),
  };
}

/** recipients.csv → recipients, sorted by level, code, then e-mail. */
export function parseRecipients(
  text: string,
  dialect: CsvDialect,
  known: Known,
  file = "recipients.csv",
  phoneRules: PhoneRules = {},
): { recipients: Recipient[] | null; problems: Problem[] } {
  const { rows, problems: found } = parseRows(text, dialect, recipientsSchema(known, file, phoneRules));
  return { recipients: rows, problems: found };
}
