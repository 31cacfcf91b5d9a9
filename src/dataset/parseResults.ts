import type { CsvDialect, Problem, Result } from "../model.js";
import { compare } from "./compare.js";
import { count, cv, district, indicator, period } from "./csvColumns.js";
import type { CsvSchema } from "./csvSchema.js";
import type { Known } from "./known.js";
import { parseRows } from "./parseCsv.js";
import { isPeriod } from "./parseNumber.js";
import { problems } from "./problems.js";

/** What results.csv's schema needs to know besides the text. */
export interface ResultsSchemaOptions {
  dialect: Pick<CsvDialect, "decimal">;
  known: Known;
  /** Fewer schools visited than this: a few-schools warning, once per district and month. */
  minSchools: number;
  file?: string;
  /** Which months' rows are kept (every row is checked): all when absent. */
  keep?: (period: string) => boolean;
}

const columnsOf = (decimal: "." | ",", known: Known) => ({
  period: period(),
  district_code: district(known),
  indicator: indicator(known),
  numerator: count(decimal),
  denominator: count(decimal),
  schools: count(decimal),
  cv: cv(decimal),
});

/**
 * results.csv: one row per month × district × indicator. Also warns once per district and month
 * when fewer than `minSchools` schools were visited. The text of periods, codes and ids is shared
 * between rows (one string each), and the duplicate check holds one line number per month ×
 * district × indicator in typed arrays: a file of millions of rows keeps little more than the
 * rows kept.
 */
export function resultsSchema(
  options: ResultsSchemaOptions,
): CsvSchema<ReturnType<typeof columnsOf>, Result> & { reported: Map<string, Set<string>> } {
  const { dialect, known, minSchools, keep } = options;
  const fewSchools = new Set<string>();
  /** The districts with a valid row, by month (kept or not): the months and the coverage. */
  const reported = new Map<string, Set<string>>();
  const order = new Map([...(known.indicators?.keys() ?? [])].map((id, index) => [id, index]));
  const shared = new Map<string, number>();
  const texts: string[] = [];
  /** One number per distinct text, and one string instance shared by every row naming it. */
  const intern = (text: string): number => {
    let id = shared.get(text);
    if (id === undefined) {
      id = texts.length;
      shared.set(text, id);
      texts.push(text);
    }
    return id;
  };
  const same = (text: string) => texts[intern(text)] as string;
  const districtIndex = new Map([...(known.districts?.keys() ?? [])].map((code, index) => [code, index]));
  const indicatorIndex = new Map([...(known.indicators?.keys() ?? [])].map((id, index) => [id, index]));
  /**
   * The size of a month's array of first lines (at most 64 KB; with the 1 212 months of 2000–2100,
   * 78 MB at worst); 0, the map only, for more districts × indicators than that.
   */
  const units = districtIndex.size * indicatorIndex.size;
  const dense = units <= 1 << 14 ? units : 0;
  const firstLines = new Map<string, Int32Array>();
  const otherLines = new Map<string, number>();
  return {
    reported,
    file: options.file ?? "results.csv",
    columns: columnsOf(dialect.decimal, known),
    unique: {
      columns: ["period", "district_code", "indicator"],
      first: ({ period, district_code, indicator }, line) => {
        // Known district and indicator: a line per district × indicator, one array per month (a
        // month of 224 districts × 7 indicators takes 6 KB, where a map took 80 bytes a row).
        const d = districtIndex.get(district_code);
        const i = indicatorIndex.get(indicator);
        if (d !== undefined && i !== undefined && dense > 0 && isPeriod(period)) {
          let lines = firstLines.get(period);
          if (!lines) firstLines.set(same(period), (lines = new Int32Array(dense)));
          const at = d * indicatorIndex.size + i;
          const first = lines[at] as number;
          if (first === 0) lines[at] = line;
          return first === 0 ? undefined : first;
        }
        // Anything else is an error (an unknown code), and errors stop at 10 000.
        const key = `${intern(period)}|${intern(district_code)}|${intern(indicator)}`;
        const first = otherLines.get(key);
        if (first === undefined) otherLines.set(key, line);
        return first;
      },
      at: "period",
      problem: (first, raw) => problems.duplicateResult(raw.period, raw.district_code, raw.indicator, first),
    },
    check: ({ numerator, denominator }, row) => {
      if (numerator === null || denominator === null) return;
      if (denominator === 0) row.problem("denominator", problems.zeroDenominator());
      else if (numerator > denominator)
        row.problem("numerator", problems.numeratorExceedsDenominator(numerator, denominator));
    },
    build: (values, row) => {
      const { period, district_code: districtCode, schools } = values;
      if (schools < minSchools && !fewSchools.has(`${period}|${districtCode}`)) {
        fewSchools.add(`${period}|${districtCode}`);
        row.problem("schools", problems.fewSchools(period, districtCode, schools, minSchools));
      }
      let districts = reported.get(period);
      if (!districts) reported.set(same(period), (districts = new Set()));
      districts.add(same(districtCode));
      if (keep && !keep(period)) return null;
      return {
        period: same(period),
        districtCode: same(districtCode),
        indicator: same(values.indicator),
        numerator: values.numerator,
        denominator: values.denominator,
        schools,
        ...(values.cv !== undefined ? { cv: values.cv } : {}),
      };
    },
    order: (a, b) =>
      compare(a.period, b.period) ||
      compare(a.districtCode, b.districtCode) ||
      (order.get(a.indicator) ?? 0) - (order.get(b.indicator) ?? 0),
  };
}

/** results.csv → results, sorted by period, district code, then indicator catalogue order. */
export function parseResults(
  text: string,
  dialect: CsvDialect,
  known: Known,
  minSchools: number,
  file = "results.csv",
): { results: Result[] | null; problems: Problem[] } {
  const { rows, problems: found } = parseRows(
    text,
    dialect,
    resultsSchema({ dialect, known, minSchools, file }),
  );
  return { results: rows, problems: found };
}
