import type { CsvDialect, Problem, SchoolInfo, SchoolResult } from "../model.js";
import { checkPhone, type PhoneRules } from "../rules/checkPhone.js";
import { compare } from "./compare.js";
import { code, district, indicator, name, optionalName, percent, period } from "./csvColumns.js";
import { optional, type CsvSchema } from "./csvSchema.js";
import type { Known } from "./known.js";
import { parseRows } from "./parseCsv.js";
import { problems } from "./problems.js";

/** dataset.json `sms`: with `schools`, each director's phone is checked for SMS. */
type SchoolSms = PhoneRules & { schools: boolean };

const columnsOf = (decimal: "." | ",", known: Known, sms?: SchoolSms) => ({
  period: period(),
  district_code: district(known),
  school_code: code(),
  school_name: name(),
  indicator: indicator(known),
  value: percent(decimal),
  // Optional columns for the visit list, printed too: the rule for names applies to them.
  director: optionalName(),
  // With sms.schools, the director's phone takes an SMS: not a number at all is an error; a
  // number that is not a mobile (a landline) a warning, and that school gets no SMS.
  phone: optional<{ text: string; mobile?: string }>((raw, cell) => {
    optionalName().parse(raw, cell);
    const mobile = sms?.schools ? checkPhone(raw, sms) : null;
    if (mobile && !mobile.ok)
      cell.problem(
        /^\+?[0-9 -]+$/.test(raw)
          ? problems.schoolPhoneNotMobile(raw, mobile.reason)
          : problems.invalidPhone("phone", raw, mobile.reason),
      );
    return { text: raw, ...(mobile?.ok ? { mobile: mobile.phone } : {}) };
  }),
  school_level: optionalName(),
  area: optionalName(),
});

/** schools.csv (optional): one row per month × school × indicator, with the visit list's columns. */
export function schoolsSchema(
  dialect: Pick<CsvDialect, "decimal">,
  known: Known,
  file = "schools.csv",
  sms?: SchoolSms,
): CsvSchema<ReturnType<typeof columnsOf>, SchoolResult> {
  const order = new Map([...(known.indicators?.keys() ?? [])].map((id, index) => [id, index]));
  return {
    file,
    columns: columnsOf(dialect.decimal, known, sms),
    unique: {
      columns: ["period", "school_code", "indicator"],
      at: "school_code",
      problem: (first) => problems.duplicateSchoolResult(first),
    },
    build: (values) => {
      const info: SchoolInfo = {};
      if (values.director !== undefined) info.director = values.director;
      if (values.phone !== undefined) info.phone = values.phone.text;
      if (values.school_level !== undefined) info.level = values.school_level;
      if (values.area !== undefined) info.area = values.area;
      if (values.phone?.mobile !== undefined) info.mobile = values.phone.mobile;
      return {
        period: values.period,
        districtCode: values.district_code,
        schoolCode: values.school_code,
        schoolName: values.school_name,
        indicator: values.indicator,
        value: values.value,
        ...(Object.keys(info).length ? { info } : {}),
      };
    },
    order: (a, b) =>
      compare(a.period, b.period) ||
      compare(a.districtCode, b.districtCode) ||
      compare(a.schoolCode, b.schoolCode) ||
      (order.get(a.indicator) ?? 0) - (order.get(b.indicator) ?? 0),
  };
}

/** schools.csv (optional) → school results, sorted by period, district, school, indicator catalogue order. */
export function parseSchools(
  text: string,
  dialect: CsvDialect,
  known: Known,
  file = "schools.csv",
  sms?: SchoolSms,
): { schools: SchoolResult[] | null; problems: Problem[] } {
  const { rows, problems: found } = parseRows(text, dialect, schoolsSchema(dialect, known, file, sms));
  return { schools: rows, problems: found };
}
