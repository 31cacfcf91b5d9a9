import { NATIONAL_CODE } from "../model.js";
import type {
  Dataset,
  District,
  Indicator,
  Level,
  Period,
  Locale,
  ReferentialReason,
  Region,
  Result,
  SchoolResult,
  Status,
  Target,
} from "../model.js";
import { formatPercent, parsePeriod, roundToDisplay } from "../locale/format.js";
import { computeStatus, isReliable } from "./computeStatus.js";
import { findNeighbours } from "./findNeighbours.js";
import { resolveTargets, targetKey, type ResolvedTargets } from "./resolveTargets.js";

export interface UnitKey {
  level: Level;
  code: string;
}

/** One unit's figures for one indicator and month, with its status. */
export interface Cell {
  numerator: number;
  denominator: number;
  schools: number;
  cv: number | null;
  /** 100 × numerator / denominator, full precision; null without data. */
  value: number | null;
  /** `value` rounded to the display precision: what the rules compare and the reader sees. */
  shown: number | null;
  /** `value` formatted as a percentage in the view's locale ("87.3%", "—"). */
  text: string;
  targets: ResolvedTargets;
  status: Status;
  reason: ReferentialReason | null;
  /** Has a value that is neither few-schools nor high-cv: ranked, and its changes raise alerts. */
  reliable: boolean;
}

/**
 * Indexes built once per dataset (results by month × district × indicator, targets, neighbours),
 * and a memoised `cell()` so every view reads the same precomputed figures.
 */
export interface DatasetIndex {
  dataset: Dataset;
  /** Months present in results.csv (any district), ascending: the school calendar. */
  periods: Period[];
  hasPeriod: (period: Period) => boolean;
  districts: Map<string, District>;
  regions: Map<string, Region>;
  indicators: Map<string, Indicator>;
  neighbours: Map<string, string[]>;
  /** School rows by `period|district`. */
  schools: Map<string, SchoolResult[]>;
  name: (unit: UnitKey) => string;
  cell: (unit: UnitKey, indicator: Indicator, period: Period) => Cell;
  /** The latest school month before `period`, or null. */
  previousPeriod: (period: Period) => Period | null;
}

/** `nationalName` names the national unit ("Perú"): it comes from the locale messages. */
export function indexDataset(dataset: Dataset, nationalName: string, locale: Locale): DatasetIndex {
  // period → indicator → district → row: nested maps, no key strings built per lookup.
  const results = new Map<Period, Map<string, Map<string, Result>>>();
  const periodSet = new Set<Period>();
  for (const row of dataset.results) {
    periodSet.add(row.period);
    let byIndicator = results.get(row.period);
    if (!byIndicator) results.set(row.period, (byIndicator = new Map<string, Map<string, Result>>()));
    let byDistrict = byIndicator.get(row.indicator);
    if (!byDistrict) byIndicator.set(row.indicator, (byDistrict = new Map<string, Result>()));
    byDistrict.set(row.districtCode, row);
  }
  const periods = [...periodSet].sort();
  const targets = new Map<string, Target>();
  for (const row of dataset.targets)
    targets.set(targetKey(row.year, row.level, row.code, row.indicator), row);
  const districts = new Map(dataset.districts.map((district) => [district.code, district]));
  const regions = new Map(dataset.regions.map((region) => [region.code, region]));
  const indicators = new Map(dataset.indicators.map((indicator) => [indicator.id, indicator]));
  const schools = new Map<string, SchoolResult[]>();
  for (const row of dataset.schools) {
    const key = `${row.period}|${row.districtCode}`;
    const list = schools.get(key);
    if (list) list.push(row);
    else schools.set(key, [row]);
  }
  const neighbours = findNeighbours(dataset.topology, dataset.config.geo.districts);
  const allDistrictCodes = dataset.districts.map((district) => district.code);
  const thresholds = dataset.config.thresholds;

  const districtCodesOf = (unit: UnitKey): string[] => {
    if (unit.level === "district") return [unit.code];
    if (unit.level === "region") return regions.get(unit.code)?.districtCodes ?? [];
    return allDistrictCodes;
  };
  const chainOf = (unit: UnitKey): UnitKey[] => {
    const national = { level: "national" as const, code: NATIONAL_CODE };
    if (unit.level === "district") {
      const regionCode = districts.get(unit.code)?.regionCode;
      return regionCode === undefined
        ? [unit, national]
        : [unit, { level: "region", code: regionCode }, national];
    }
    return unit.level === "region" ? [unit, national] : [national];
  };

  const years = new Map<Period, number>();
  const yearOf = (period: Period): number => {
    let year = years.get(period);
    if (year === undefined) {
      year = parsePeriod(period).year;
      years.set(period, year);
    }
    return year;
  };

  // level → code → indicator → period → cell, memoised.
  const cells: Record<Level, Map<string, Map<string, Map<Period, Cell>>>> = {
    national: new Map(),
    region: new Map(),
    district: new Map(),
  };
  const cell = (unit: UnitKey, indicator: Indicator, period: Period): Cell => {
    let byIndicator = cells[unit.level].get(unit.code);
    if (!byIndicator) cells[unit.level].set(unit.code, (byIndicator = new Map<string, Map<Period, Cell>>()));
    let byPeriod = byIndicator.get(indicator.id);
    if (!byPeriod) byIndicator.set(indicator.id, (byPeriod = new Map<Period, Cell>()));
    const cached = byPeriod.get(period);
    if (cached) return cached;
    const rowsOfMonth = results.get(period)?.get(indicator.id);
    let numerator = 0;
    let denominator = 0;
    let schoolsVisited = 0;
    let rows = 0;
    let cv: number | null = null;
    for (const code of districtCodesOf(unit)) {
      const row = rowsOfMonth?.get(code);
      if (!row) continue;
      rows += 1;
      numerator += row.numerator;
      denominator += row.denominator;
      schoolsVisited += row.schools;
      // cv is known for a district's own row only; a roll-up's cv is unknown.
      if (unit.level === "district" && row.cv !== undefined) cv = row.cv;
    }
    const value = rows > 0 && denominator > 0 ? (100 * numerator) / denominator : null;
    const shown = value === null ? null : roundToDisplay(value);
    const targetsUsed = resolveTargets(
      targets,
      chainOf(unit),
      indicator,
      yearOf(period),
      thresholds.amberBand,
    );
    const status = computeStatus({
      shown,
      schools: schoolsVisited,
      cv,
      targets: targetsUsed,
      better: indicator.better,
      thresholds,
    });
    const result: Cell = {
      numerator,
      denominator,
      schools: schoolsVisited,
      cv,
      value,
      shown,
      text: formatPercent(value, locale),
      targets: targetsUsed,
      status: status.status,
      reason: status.reason,
      reliable: isReliable(status),
    };
    byPeriod.set(period, result);
    return result;
  };

  const name = (unit: UnitKey): string => {
    if (unit.level === "district") return districts.get(unit.code)?.name ?? unit.code;
    if (unit.level === "region") return regions.get(unit.code)?.name ?? unit.code;
    return nationalName;
  };

  return {
    dataset,
    periods,
    hasPeriod: (period) => periodSet.has(period),
    districts,
    regions,
    indicators,
    neighbours,
    schools,
    name,
    cell,
    previousPeriod: (period) => {
      let found: Period | null = null;
      for (const candidate of periods) if (candidate < period) found = candidate;
      return found;
    },
  };
}
