import type { DatasetIndex } from "../compute/indexDataset.js";
import type { Indicator } from "../model.js";
import { DEMO_INDICATORS, PERIODS, STRIKE } from "./demoSettings.js";
import type { DemoGenerated } from "./generateDemo.js";

/** The figures the demo's README states. */
export interface DemoFacts {
  regions: number;
  districts: number;
  /** Districts without a polygon on the map. */
  noPolygon: string[];
  periods: number;
  results: number;
  targets: number;
  recipients: number;
  commitments: number;
  support: number;
  /** Recipients reading English. */
  english: number;
  stories: number;
  schoolRows: number;
  schools: number;
  /** Schools visited in a month: fewest, most, fewest outside the strike month. */
  visitsMin: number;
  visitsMax: number;
  visitsMinOther: number;
  /** % of district-months whose values are referential for too few schools. */
  referentialShare: number;
  /** % of result rows whose values are referential for a high cv. */
  highCvShare: number;
  withoutTargets: number;
  /** "080000 DRE CUSCO" for a region or district code. */
  label: (code: string) => string;
  /** Districts without a visit in the last month, sorted. */
  noDataLast: string[];
}

/**
 * The README's figures. Which values are referential (too few schools, or a cv too high) is the
 * project's own rule: the status of each district's cell in `index` (compute/indexDataset).
 */
export function demoFacts(generated: DemoGenerated, index: DatasetIndex): DemoFacts {
  const { units, visits, results, targets, recipients, commitments, support, schoolRows, stories } =
    generated;
  const { districts, regions } = units;
  const visitsPerMonth = PERIODS.map((p) => [...(visits.get(p)?.values() ?? [])].reduce((a, b) => a + b, 0));
  const firstIndicator = DEMO_INDICATORS[0] as Indicator;
  let districtMonths = 0;
  let fewSchoolMonths = 0;
  for (const period of PERIODS)
    for (const code of visits.get(period)?.keys() ?? []) {
      districtMonths += 1;
      // The schools visited are the same for every indicator of a district and month.
      const cell = index.cell({ level: "district", code }, firstIndicator, period);
      if (cell.reason === "few-schools") fewSchoolMonths += 1;
    }
  const highCvRows = results.filter((row) => {
    const indicator = index.indicators.get(row.indicator);
    if (!indicator) return false;
    return (
      index.cell({ level: "district", code: row.districtCode }, indicator, row.period).reason === "high-cv"
    );
  }).length;
  const regionNames = new Map(regions.map((r) => [r.code, r.name]));
  const districtNames = new Map(districts.map((d) => [d.code, d.name]));
  return {
    regions: regions.length,
    districts: districts.length,
    noPolygon: districts.filter((d) => !d.hasPolygon).map((d) => d.code),
    periods: PERIODS.length,
    results: results.length,
    targets: targets.length,
    recipients: recipients.length,
    commitments: commitments.length,
    support: support.length,
    english: recipients.filter((r) => r.language === "en").length,
    stories: stories.length,
    schoolRows: schoolRows.length,
    schools: schoolRows.length / DEMO_INDICATORS.length,
    visitsMin: Math.min(...visitsPerMonth),
    visitsMax: Math.max(...visitsPerMonth),
    visitsMinOther: Math.min(...visitsPerMonth.filter((_, k) => PERIODS[k] !== STRIKE.period)),
    referentialShare: (100 * fewSchoolMonths) / districtMonths,
    highCvShare: (100 * highCvRows) / results.length,
    withoutTargets: generated.withoutTargets.size,
    label: (code) => `${code} ${regionNames.get(code) ?? districtNames.get(code) ?? ""}`.trim(),
    noDataLast: [...generated.noDataLast].sort(),
  };
}
