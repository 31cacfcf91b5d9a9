import type { Topology } from "topojson-specification";
import type { Problem } from "../model.js";
import { JsonSyntaxError, parseJson } from "./parseJson.js";
import { at, problems } from "./problems.js";

export interface GeoIds {
  regions: Set<string>;
  districts: Set<string>;
}

/**
 * The TopoJSON named by dataset.json: a Topology with the two named GeometryCollections.
 * `file` is how the file is named in problems; `configFile` locates problems about geo.regions/districts.
 */
export function parseTopology(
  text: string,
  file: string,
  objects: { regions: string; districts: string },
  locateKey: (key: "regions" | "districts") => { file: string; line?: number; column?: number },
): { topology: Topology | null; ids: GeoIds | null; problems: Problem[] } {
  let value: unknown;
  try {
    // JSON.parse is much faster on a large topology; the locating parser only explains a failure.
    try {
      value = JSON.parse(text);
    } catch {
      value = parseJson(text).value;
    }
  } catch (error) {
    if (error instanceof JsonSyntaxError) {
      return {
        topology: null,
        ids: null,
        problems: [at({ file, ...error.position }, problems.badJson(error.message))],
      };
    }
    throw error;
  }
  const topology = value as Partial<Topology> | null;
  if (
    !topology ||
    typeof topology !== "object" ||
    topology.type !== "Topology" ||
    typeof topology.objects !== "object"
  ) {
    return {
      topology: null,
      ids: null,
      problems: [
        at(
          { file, line: 1, column: 1 },
          problems.badTopology(file, 'expected {"type": "Topology", "objects": …}'),
        ),
      ],
    };
  }
  const available = Object.keys(topology.objects).sort();
  const found: Problem[] = [];
  const ids: GeoIds = { regions: new Set(), districts: new Set() };
  for (const key of ["regions", "districts"] as const) {
    const object = topology.objects[objects[key]];
    if (!object || object.type !== "GeometryCollection") {
      found.push(at(locateKey(key), problems.missingGeoObject(key, objects[key], available)));
      continue;
    }
    for (const geometry of object.geometries)
      if (geometry.id !== undefined) ids[key].add(String(geometry.id));
  }
  return {
    topology: found.length ? null : (topology as Topology),
    ids: found.length ? null : ids,
    problems: found,
  };
}
