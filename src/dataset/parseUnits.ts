import type { District, Problem, Region } from "../model.js";
import { checkCode } from "./checkCode.js";
import { checkName } from "./checkName.js";
import { cell, readCsv, where, type CsvRow } from "./parseCsv.js";
import { at, problems } from "./problems.js";

export interface Units {
  /** Sorted by code. */
  regions: Region[];
  /** Sorted by code. */
  districts: District[];
  /** Where each unit's code first appears, for problems found later (e.g. no map feature). */
  places: Map<string, { line: number; column: number }>;
}

export const UNITS_COLUMNS = ["district_code", "district_name", "region_code", "region_name"];

const byCode = <T extends { code: string }>(a: T, b: T) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);

/** units.csv → regions and districts, each district in exactly one region. */
export function parseUnits(
  text: string,
  delimiter: string,
  file = "units.csv",
): { units: Units | null; problems: Problem[] } {
  const { table, problems: found } = readCsv(text, file, { delimiter }, UNITS_COLUMNS);
  if (!table) return { units: null, problems: found };
  const districts = new Map<string, District & { line: number }>();
  const regions = new Map<string, { name: string; line: number; districts: Set<string> }>();
  const places = new Map<string, { line: number; column: number }>();
  /** Column and lower-cased code → the code as first written: report files must not collide. */
  const folded = new Map<string, { code: string; line: number }>();
  const caseConflict = (code: string, column: string, row: CsvRow) => {
    const key = `${column}|${code.toLowerCase()}`;
    const first = folded.get(key);
    if (first && first.code !== code)
      found.push(at(where(table, row, column), problems.codeCaseConflict(code, first.code, first.line)));
    else if (!first) folded.set(key, { code, line: row.line });
  };
  for (const row of table.rows) {
    const code = cell(table, row, "district_code");
    const name = cell(table, row, "district_name");
    const regionCode = cell(table, row, "region_code");
    const regionName = cell(table, row, "region_name");
    const empty = UNITS_COLUMNS.filter((column) => cell(table, row, column) === "");
    for (const column of empty) found.push(at(where(table, row, column), problems.missingValue(column)));
    if (empty.length) continue;
    const before = found.length;
    for (const column of ["district_code", "region_code"]) {
      const value = cell(table, row, column);
      const reason = checkCode(value);
      if (reason) found.push(at(where(table, row, column), problems.badCode(column, value, reason)));
    }
    for (const column of ["district_name", "region_name"]) {
      const value = cell(table, row, column);
      const reason = checkName(value);
      if (reason) found.push(at(where(table, row, column), problems.badName(column, value, reason)));
    }
    // The row is still recorded (the dataset is refused anyway): other files' references to it
    // are not reported a second time as unknown units.
    if (found.length === before) {
      caseConflict(code, "district_code", row);
      caseConflict(regionCode, "region_code", row);
    }
    const region = regions.get(regionCode);
    if (region && region.name !== regionName) {
      found.push(
        at(
          where(table, row, "region_name"),
          problems.regionNameConflict(regionCode, regionName, region.name, region.line),
        ),
      );
    }
    const other = districts.get(code);
    if (other) {
      found.push(
        other.regionCode !== regionCode
          ? at(
              where(table, row, "region_code"),
              problems.districtInTwoRegions(code, regionCode, other.regionCode, other.line),
            )
          : at(where(table, row, "district_code"), problems.duplicateDistrict(code, other.line)),
      );
      continue;
    }
    districts.set(code, { code, name, regionCode, line: row.line });
    places.set(code, { line: row.line, column: where(table, row, "district_code").column ?? 1 });
    if (!region) {
      regions.set(regionCode, { name: regionName, line: row.line, districts: new Set([code]) });
      places.set(regionCode, { line: row.line, column: where(table, row, "region_code").column ?? 1 });
    } else region.districts.add(code);
  }
  const units: Units = {
    districts: [...districts.values()]
      .map(({ code, name, regionCode }) => ({ code, name, regionCode }))
      .sort(byCode),
    regions: [...regions.entries()]
      .map(([code, region]) => ({ code, name: region.name, districtCodes: [...region.districts].sort() }))
      .sort(byCode),
    places,
  };
  return { units, problems: found };
}
