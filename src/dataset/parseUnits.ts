import type { District, Problem, Region } from "../model.js";
import { code, name } from "./csvColumns.js";
import type { CsvSchema, RowContext } from "./csvSchema.js";
import { parseRows } from "./parseCsv.js";
import { problems } from "./problems.js";

export interface Units {
  /** Sorted by code. */
  regions: Region[];
  /** Sorted by code. */
  districts: District[];
  /** Where each unit's code first appears, for problems found later (e.g. no map feature). */
  places: Map<string, { line: number; column: number }>;
}

const columns = {
  district_code: code(),
  district_name: name(),
  region_code: code(),
  region_name: name(),
};
type UnitColumns = typeof columns;

const byCode = <T extends { code: string }>(a: T, b: T) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);

/**
 * units.csv: one row per district, each in exactly one region. The schema gathers the regions and
 * districts as it checks the rows (`units()` once every row is read). A row with a bad code or name
 * is still recorded (the dataset is refused anyway): other files' references to it are not
 * reported a second time as unknown units.
 */
export function unitsSchema(file = "units.csv"): CsvSchema<UnitColumns, never> & { units: () => Units } {
  const districts = new Map<string, District & { line: number }>();
  const regions = new Map<string, { name: string; line: number; districts: Set<string> }>();
  const places = new Map<string, { line: number; column: number }>();
  /** Column and lower-cased code → the code as first written: report files must not collide. */
  const folded = new Map<string, { code: string; line: number }>();
  const caseConflict = (code: string, column: keyof UnitColumns, row: RowContext<UnitColumns>) => {
    const key = `${column}|${code.toLowerCase()}`;
    const first = folded.get(key);
    if (first && first.code !== code)
      row.problem(column, problems.codeCaseConflict(code, first.code, first.line));
    else if (!first) folded.set(key, { code, line: row.line });
  };
  return {
    file,
    columns,
    check: (cells, row) => {
      const {
        district_code: code,
        district_name: name,
        region_code: regionCode,
        region_name: regionName,
      } = cells;
      if (code === null || name === null || regionCode === null || regionName === null) return;
      if (row.ok) {
        caseConflict(code, "district_code", row);
        caseConflict(regionCode, "region_code", row);
      }
      const region = regions.get(regionCode);
      if (region && region.name !== regionName)
        row.problem(
          "region_name",
          problems.regionNameConflict(regionCode, regionName, region.name, region.line),
        );
      const other = districts.get(code);
      if (other) {
        if (other.regionCode !== regionCode)
          row.problem(
            "region_code",
            problems.districtInTwoRegions(code, regionCode, other.regionCode, other.line),
          );
        else row.problem("district_code", problems.duplicateDistrict(code, other.line));
        return;
      }
      districts.set(code, { code, name, regionCode, line: row.line });
      places.set(code, { line: row.line, column: row.where("district_code").column ?? 1 });
      if (!region) {
        regions.set(regionCode, { name: regionName, line: row.line, districts: new Set([code]) });
        places.set(regionCode, { line: row.line, column: row.where("region_code").column ?? 1 });
      } else region.districts.add(code);
    },
    build: () => null,
    units: () => ({
      districts: [...districts.values()]
        .map(({ code, name, regionCode }) => ({ code, name, regionCode }))
        .sort(byCode),
      regions: [...regions.entries()]
        .map(([code, region]) => ({ code, name: region.name, districtCodes: [...region.districts].sort() }))
        .sort(byCode),
      places,
    }),
  };
}

/** units.csv → regions and districts, each district in exactly one region. */
export function parseUnits(
  text: string,
  delimiter: string,
  file = "units.csv",
): { units: Units | null; problems: Problem[] } {
  const schema = unitsSchema(file);
  const { rows, problems: found } = parseRows(text, { delimiter }, schema);
  return { units: rows ? schema.units() : null, problems: found };
}
