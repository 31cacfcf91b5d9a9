import type { CsvDialect, Problem, SchoolInfo, SchoolResult } from "../model.js";
import { compare } from "./compare.js";
import { checkDistrict, checkIndicator, type Known } from "./known.js";
import { cell, readCsv, where } from "./parseCsv.js";
import { checkCode } from "./checkCode.js";
import { checkName } from "./checkName.js";
import { checkPeriod, parseDecimal } from "./parseNumber.js";
import { at, problems } from "./problems.js";
import { checkPhone, type PhoneRules } from "../rules/checkPhone.js";

export const SCHOOLS_COLUMNS = [
  "period",
  "district_code",
  "school_code",
  "school_name",
  "indicator",
  "value",
];

/** Optional columns for the visit list, by SchoolInfo key. */
const SCHOOL_INFO_COLUMNS = [
  ["director", "director"],
  ["phone", "phone"],
  ["level", "school_level"],
  ["area", "area"],
] as const;

/** schools.csv (optional) → school results, sorted by period, district, school, indicator catalogue order. */
export function parseSchools(
  text: string,
  dialect: CsvDialect,
  known: Known,
  file = "schools.csv",
  /** dataset.json `sms`: with `schools`, each director's phone is checked for SMS. */
  sms?: PhoneRules & { schools: boolean },
): { schools: SchoolResult[] | null; problems: Problem[] } {
  const { table, problems: found } = readCsv(text, file, dialect, SCHOOLS_COLUMNS);
  if (!table) return { schools: null, problems: found };
  const schools: SchoolResult[] = [];
  const seen = new Map<string, number>();
  for (const row of table.rows) {
    const before = found.length;
    const period = cell(table, row, "period");
    const districtCode = cell(table, row, "district_code");
    const schoolCode = cell(table, row, "school_code");
    const schoolName = cell(table, row, "school_name");
    const indicator = cell(table, row, "indicator");
    const raw = cell(table, row, "value");
    const badPeriod = checkPeriod(period);
    if (badPeriod) found.push(at(where(table, row, "period"), badPeriod));
    for (const problem of [
      checkDistrict(known, districtCode, where(table, row, "district_code")),
      checkIndicator(known, indicator, where(table, row, "indicator")),
    ]) {
      if (problem) found.push(problem);
    }
    for (const column of ["school_code", "school_name", "value"]) {
      if (cell(table, row, column) === "")
        found.push(at(where(table, row, column), problems.missingValue(column)));
    }
    const badCode = schoolCode === "" ? null : checkCode(schoolCode);
    if (badCode)
      found.push(at(where(table, row, "school_code"), problems.badCode("school_code", schoolCode, badCode)));
    const badName = schoolName === "" ? null : checkName(schoolName);
    if (badName)
      found.push(at(where(table, row, "school_name"), problems.badName("school_name", schoolName, badName)));
    // The optional visit-list columns are printed too: the rule for names applies to them.
    for (const [, column] of SCHOOL_INFO_COLUMNS) {
      const text = cell(table, row, column);
      const bad = text === "" ? null : checkName(text);
      if (bad) found.push(at(where(table, row, column), problems.badName(column, text, bad)));
    }
    // With sms.schools, the director's phone takes an SMS: not a number at all is an error; a
    // number that is not a mobile (a landline) a warning, and that school gets no SMS.
    const rawPhone = cell(table, row, "phone");
    const mobile = sms?.schools && rawPhone !== "" ? checkPhone(rawPhone, sms) : null;
    if (mobile && !mobile.ok) {
      found.push(
        at(
          where(table, row, "phone"),
          /^\+?[0-9 -]+$/.test(rawPhone)
            ? problems.schoolPhoneNotMobile(rawPhone, mobile.reason)
            : problems.invalidPhone("phone", rawPhone, mobile.reason),
        ),
      );
    }
    const value = raw === "" ? null : parseDecimal(raw, dialect.decimal);
    if (raw !== "" && value === null)
      found.push(at(where(table, row, "value"), problems.badNumber("value", raw, dialect.decimal)));
    if (value !== null && (value < 0 || value > 100))
      found.push(at(where(table, row, "value"), problems.outOfRange("value", value)));
    const key = `${period}|${schoolCode}|${indicator}`;
    const first = seen.get(key);
    if (first !== undefined)
      found.push(at(where(table, row, "school_code"), problems.duplicateSchoolResult(first)));
    else seen.set(key, row.line);
    if (found.slice(before).some((p) => p.severity === "error") || value === null) continue;
    // Optional columns for the visit list (director, phone, school_level, area), checked above.
    const info: SchoolInfo = {};
    for (const [key, column] of SCHOOL_INFO_COLUMNS) {
      const text = cell(table, row, column);
      if (text !== "") info[key] = text;
    }
    if (mobile?.ok) info.mobile = mobile.phone;
    schools.push({
      period,
      districtCode,
      schoolCode,
      schoolName,
      indicator,
      value,
      ...(Object.keys(info).length ? { info } : {}),
    });
  }
  const order = new Map([...(known.indicators?.keys() ?? [])].map((id, index) => [id, index]));
  schools.sort(
    (a, b) =>
      compare(a.period, b.period) ||
      compare(a.districtCode, b.districtCode) ||
      compare(a.schoolCode, b.schoolCode) ||
      (order.get(a.indicator) ?? 0) - (order.get(b.indicator) ?? 0),
  );
  return { schools, problems: found };
}
