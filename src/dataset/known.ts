import type { District, Indicator, Problem, Region } from "../model.js";
import { checkCode } from "./checkCode.js";
import { NAME_MAX_LENGTH } from "./checkName.js";
import { at, problems, type Location } from "./problems.js";
import { suggest } from "../rules/suggest.js";

/** What the other files are checked against. null = that catalogue was unusable: its checks are skipped. */
export interface Known {
  districts: Map<string, District> | null;
  regions: Map<string, Region> | null;
  indicators: Map<string, Indicator> | null;
}

const names = (units: Map<string, { code: string; name: string }>) =>
  new Map([...units.values()].map((unit) => [unit.code, unit.name]));

/**
 * A bad-code problem when `code` breaks the code rule (then it is not looked up), else null. A
 * unit's name written where its code belongs still gets a suggestion.
 */
const malformed = (
  what: string,
  code: string,
  location: Location,
  units: Map<string, { code: string; name: string }> | null,
): Problem | null => {
  const reason = checkCode(code);
  if (!reason) return null;
  const suggestion =
    units && code.length <= NAME_MAX_LENGTH ? suggest(code, units.keys(), names(units)) : undefined;
  return at(location, problems.badCode(what, code, reason, suggestion));
};

/**
 * A bad-code or unknown-district problem (with a suggestion), or null when the code is known or
 * cannot be checked (units.csv unusable).
 */
export function checkDistrict(known: Known, code: string, location: Location): Problem | null {
  const bad = malformed("district code", code, location, known.districts);
  if (bad) return bad;
  if (!known.districts || known.districts.has(code)) return null;
  return at(
    location,
    problems.unknownDistrict(code, suggest(code, known.districts.keys(), names(known.districts))),
  );
}

export function checkRegion(known: Known, code: string, location: Location): Problem | null {
  const bad = malformed("region code", code, location, known.regions);
  if (bad) return bad;
  if (!known.regions || known.regions.has(code)) return null;
  return at(
    location,
    problems.unknownRegion(code, suggest(code, known.regions.keys(), names(known.regions))),
  );
}

export function checkIndicator(known: Known, id: string, location: Location): Problem | null {
  if (!known.indicators || known.indicators.has(id)) return null;
  const labels = new Map(
    [...known.indicators.values()].map((indicator) => [indicator.id, indicator.label.es]),
  );
  return at(location, problems.unknownIndicator(id, suggest(id, known.indicators.keys(), labels)));
}

/** The same problem for a recipient row: its own code, since a wrong unit there means a report nobody gets. */
export function checkUnit(
  known: Known,
  level: "region" | "district",
  code: string,
  location: Location,
): Problem | null {
  const units: Map<string, { code: string; name: string }> | null =
    level === "region" ? known.regions : known.districts;
  const bad = malformed(`${level} code`, code, location, units);
  if (bad) return bad;
  if (!units || units.has(code)) return null;
  return at(location, problems.unknownUnit(level, code, suggest(code, units.keys(), names(units))));
}
