import type { SchoolRow } from "../model.js";
import type { ViewContext } from "./buildContext.js";
import { buildSchoolsView, compareSchoolRows } from "./buildSchoolsView.js";

/** How many schools the region's list names. */
export const REGION_SCHOOLS = 10;

/**
 * The schools of a region with most indicators below their district's minimum (then the largest
 * shortfall), across all its districts: where the region's own visits matter most.
 */
export function buildRegionSchools(context: ViewContext, districtCodes: string[]): SchoolRow[] {
  return districtCodes
    .flatMap((code) => buildSchoolsView(context, code)?.rows ?? [])
    .filter((row) => row.belowCount > 0)
    .sort(compareSchoolRows)
    .slice(0, REGION_SCHOOLS);
}
