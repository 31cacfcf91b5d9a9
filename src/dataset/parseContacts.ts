import { NATIONAL_CODE, type Contact, type CsvDialect, type Problem } from "../model.js";
import { checkAddress } from "../rules/checkAddress.js";
import { compare } from "./compare.js";
import { anyText, name, optionalName } from "./csvColumns.js";
import { optional, type CsvSchema } from "./csvSchema.js";
import type { Known } from "./known.js";
import { parseRows } from "./parseCsv.js";
import { checkLevelCode, isLevel } from "./parseLevel.js";
import { problems } from "./problems.js";

const columns = {
  level: anyText(),
  code: anyText(),
  // Printed on the report: the same rule as every other name (no control characters, bounded).
  name: name(),
  role: optionalName(),
  email: optional((raw, cell) => {
    const bad = checkAddress(raw);
    if (bad) cell.problem(problems.invalidEmail(raw, bad));
    return bad ? null : raw;
  }),
  phone: optionalName(),
};

const LEVEL_ORDER = { national: 0, region: 1, district: 2 };

/** contacts.csv (optional): each unit's monitoring contact, printed on its report ("who to call"). */
export function contactsSchema(
  known: Known,
  file = "contacts.csv",
): CsvSchema<typeof columns, Contact & { line: number }> {
  return {
    file,
    columns,
    check: (_cells, row) =>
      row.add(
        checkLevelCode(known, row.raw.level, row.raw.code, row.where("level"), row.where("code"), true),
      ),
    build: ({ level, code, name, role, email, phone }, row) =>
      isLevel(level)
        ? {
            level,
            code: level === "national" ? NATIONAL_CODE : code,
            name,
            ...(role ? { role } : {}),
            ...(email ? { email } : {}),
            ...(phone ? { phone } : {}),
            line: row.line,
          }
        : null,
    order: (a, b) =>
      LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level] || compare(a.code, b.code) || a.line - b.line,
  };
}

/**
 * contacts.csv (optional) → each unit's monitoring contact. Columns `level, code, name` and
 * optional `role, email, phone`. Sorted by level, code, then file order: the first row of a unit
 * is the one printed.
 */
export function parseContacts(
  text: string,
  dialect: CsvDialect,
  known: Known,
  file = "contacts.csv",
): { contacts: Contact[] | null; problems: Problem[] } {
  const { rows, problems: found } = parseRows(text, dialect, contactsSchema(known, file));
  return { contacts: rows && rows.map(({ line: _line, ...contact }) => contact), problems: found };
}
