import { NATIONAL_CODE, type Contact, type CsvDialect, type Problem } from "../model.js";
import { compare } from "./compare.js";
import { checkAddress } from "../rules/checkAddress.js";
import { checkName } from "./checkName.js";
import type { Known } from "./known.js";
import { cell, readCsv, where } from "./parseCsv.js";
import { checkLevelCode, isLevel } from "./parseLevel.js";
import { at, problems } from "./problems.js";

export const CONTACTS_COLUMNS = ["level", "code", "name"];

/**
 * contacts.csv (optional) → each unit's monitoring contact, printed on its report ("who to call").
 * Columns `level, code, name` and optional `role, email, phone`. Sorted by level, code, then file
 * order: the first row of a unit is the one printed.
 */
export function parseContacts(
  text: string,
  dialect: CsvDialect,
  known: Known,
  file = "contacts.csv",
): { contacts: Contact[] | null; problems: Problem[] } {
  const { table, problems: found } = readCsv(text, file, dialect, CONTACTS_COLUMNS);
  if (!table) return { contacts: null, problems: found };
  const contacts: (Contact & { line: number })[] = [];
  for (const row of table.rows) {
    const before = found.length;
    const level = cell(table, row, "level");
    const code = cell(table, row, "code");
    const name = cell(table, row, "name");
    const email = cell(table, row, "email");
    const unit = checkLevelCode(
      known,
      level,
      code,
      where(table, row, "level"),
      where(table, row, "code"),
      true,
    );
    if (unit) found.push(unit);
    const role = cell(table, row, "role");
    const phone = cell(table, row, "phone");
    if (name === "") found.push(at(where(table, row, "name"), problems.missingValue("name")));
    // Printed on the report: the same rule as every other name (no control characters, bounded).
    for (const [column, value] of [
      ["name", name],
      ["role", role],
      ["phone", phone],
    ] as const) {
      const bad = value === "" ? null : checkName(value);
      if (bad) found.push(at(where(table, row, column), problems.badName(column, value, bad)));
    }
    const badEmail = email === "" ? null : checkAddress(email);
    if (badEmail) found.push(at(where(table, row, "email"), problems.invalidEmail(email, badEmail)));
    if (found.length > before || !isLevel(level)) continue;
    contacts.push({
      level,
      code: level === "national" ? NATIONAL_CODE : code,
      name,
      ...(role ? { role } : {}),
      ...(email ? { email } : {}),
      ...(phone ? { phone } : {}),
      line: row.line,
    });
  }
  const levelOrder = { national: 0, region: 1, district: 2 };
  contacts.sort(
    (a, b) => levelOrder[a.level] - levelOrder[b.level] || compare(a.code, b.code) || a.line - b.line,
  );
  return { contacts: contacts.map(({ line: _line, ...contact }) => contact), problems: found };
}
