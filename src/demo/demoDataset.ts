import type { Topology } from "topojson-specification";
import type { Dataset, DatasetConfig, Result, Target } from "../model.js";
import { DEMO_INDICATORS } from "./demoSettings.js";
import type { DemoUnits } from "./readUnits.js";

/**
 * The demo's figures as the project's in-memory Dataset, so that the generator asks the project's
 * own rules (compute/indexDataset: the roll-up, the target fallback, the traffic-light status)
 * instead of copies of them. Only what those rules read is filled in: the units, the indicators,
 * the results and the targets; the map is left empty (neighbours are not needed here).
 */
export function demoDataset(
  config: DatasetConfig,
  units: DemoUnits,
  results: Result[],
  targets: Target[],
): Dataset {
  const topology: Topology = { type: "Topology", objects: {}, arcs: [] };
  return {
    config,
    indicators: DEMO_INDICATORS,
    regions: units.regions.map((region) => ({
      code: region.code,
      name: region.name,
      districtCodes: region.districts.map((d) => d.code),
    })),
    districts: units.districts.map((d) => ({ code: d.code, name: d.name, regionCode: d.regionCode })),
    results,
    targets,
    recipients: [],
    goodPractices: [],
    schools: [],
    contacts: [],
    commitments: [],
    support: [],
    topology,
    inputs: [],
  };
}
