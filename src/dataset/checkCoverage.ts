import type { District, Problem, Recipient, Region } from "../model.js";
import { NATIONAL_CODE } from "../model.js";
import { compare } from "./compare.js";
import type { GeoIds } from "./parseTopology.js";
import { at, problems } from "./problems.js";

/**
 * Warnings about what is missing rather than wrong: districts without results in a school month
 * (a month in which other districts have results), units without a map feature, units without recipients.
 */
export function checkCoverage(input: {
  regions: Region[];
  districts: District[];
  /** Where each unit's code is in units.csv. */
  unitPlaces: Map<string, { line: number; column: number }>;
  /** Every month with results → the districts that have them. */
  reported: Map<string, Set<string>> | null;
  recipients: Recipient[] | null;
  geo: { ids: GeoIds; regions: string; districts: string } | null;
}): Problem[] {
  const found: Problem[] = [];
  const { regions, districts, unitPlaces, reported, recipients, geo } = input;
  if (reported) {
    const months = [...reported.keys()].sort(compare);
    for (const period of months) {
      for (const district of districts) {
        if (!reported.get(period)?.has(district.code)) {
          found.push(
            at({ file: "results.csv" }, problems.missingMonth(period, district.code, district.name)),
          );
        }
      }
    }
  }
  if (geo) {
    for (const [level, units, ids, object] of [
      ["region", regions, geo.ids.regions, geo.regions],
      ["district", districts, geo.ids.districts, geo.districts],
    ] as const) {
      for (const unit of units) {
        if (ids.has(unit.code)) continue;
        const place = unitPlaces.get(unit.code);
        found.push(
          at(
            { file: "units.csv", ...place },
            problems.unitWithoutFeature(level, unit.code, unit.name, object),
          ),
        );
      }
    }
  }
  if (recipients) {
    const served = new Set(recipients.map((recipient) => `${recipient.level}|${recipient.code}`));
    const units = [
      { level: "national", code: NATIONAL_CODE, name: "Perú" },
      ...regions.map((region) => ({ level: "region", code: region.code, name: region.name })),
      ...districts.map((district) => ({ level: "district", code: district.code, name: district.name })),
    ];
    for (const unit of units) {
      if (!served.has(`${unit.level}|${unit.code}`))
        found.push(at({ file: "recipients.csv" }, problems.noRecipients(unit.level, unit.code, unit.name)));
    }
  }
  return found;
}
