import type { GeometryCollection, Topology } from "topojson-specification";
import type { Problem } from "../model.js";
import { checkTopology } from "./checkTopology.js";
import { JsonSyntaxError, parseJson, type JsonPath } from "./parseJson.js";
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
        problems: [at({ file, ...error.position }, error.problem)],
      };
    }
    throw error;
  }
  const topology = value as Partial<Topology> | null;
  if (
    !topology ||
    typeof topology !== "object" ||
    topology.type !== "Topology" ||
    typeof topology.objects !== "object" ||
    topology.objects === null
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
  for (const key of ["regions", "districts"] as const) {
    const name = objects[key];
    const object = Object.hasOwn(topology.objects, name) ? topology.objects[name] : undefined;
    if (!object || object.type !== "GeometryCollection")
      found.push(at(locateKey(key), problems.missingGeoObject(key, name, available)));
  }
  if (found.length) return { topology: null, ids: null, problems: found };
  const fault = checkTopology(topology, [objects.regions, objects.districts]);
  if (fault) {
    return {
      topology: null,
      ids: null,
      problems: [at({ file, ...locate(text, fault.path) }, problems.badTopology(file, fault.detail))],
    };
  }
  const ids: GeoIds = { regions: new Set(), districts: new Set() };
  for (const key of ["regions", "districts"] as const) {
    const object = topology.objects[objects[key]] as GeometryCollection;
    for (const geometry of object.geometries)
      if (geometry.id !== undefined) ids[key].add(String(geometry.id));
  }
  return { topology: topology as Topology, ids, problems: [] };
}

/** Where `path` is in the topology's text; the located parse runs only to explain a fault. */
function locate(text: string, path: JsonPath) {
  try {
    return parseJson(text).locate(path);
  } catch {
    return { line: 1, column: 1 };
  }
}
