import type { JsonPath } from "./parseJson.js";

/** Where a topology breaks the structure the maps rely on, and why. */
export interface TopologyFault {
  path: JsonPath;
  detail: string;
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  value !== null && typeof value === "object" && !Array.isArray(value);
const isPosition = (value: unknown): boolean =>
  Array.isArray(value) &&
  value.length >= 2 &&
  value.every((n) => typeof n === "number" && Number.isFinite(n));

/** How deeply each geometry type nests its arc indexes (LineString: [i…], Polygon: [[i…]…]…). */
const ARC_DEPTH: Record<string, number> = { LineString: 1, MultiLineString: 2, Polygon: 2, MultiPolygon: 3 };

/**
 * The first fault in `value` that would make topojson-client's `feature`/`neighbors` throw or draw
 * garbage for the two layers the reports draw, or null: `arcs` is an array of arcs of finite
 * positions, `transform` (when present) has two-number scale and translate, every geometry of the
 * layers has a known type, and every arc index points into `arcs`. Pure; walks only what it checks.
 */
export function checkTopology(value: Json, layers: string[]): TopologyFault | null {
  const arcs = value["arcs"];
  if (!Array.isArray(arcs)) return { path: ["arcs"], detail: "arcs must be an array of arcs" };
  for (let a = 0; a < arcs.length; a++) {
    const arc: unknown = arcs[a];
    if (!Array.isArray(arc) || arc.length === 0 || !arc.every(isPosition))
      return { path: ["arcs", a], detail: `arc ${a} must be an array of [x, y] positions of finite numbers` };
  }
  const transform = value["transform"];
  if (transform !== undefined) {
    if (!isObject(transform) || !isPosition(transform["scale"]) || !isPosition(transform["translate"]))
      return { path: ["transform"], detail: "transform must have scale and translate, each two numbers" };
  }
  const fault = (path: JsonPath, detail: string) => ({ path, detail });
  for (const layer of layers) {
    const geometries = (value["objects"] as Json)[layer] as Json;
    const list = geometries["geometries"];
    if (!Array.isArray(list)) return fault(["objects", layer, "geometries"], "geometries must be an array");
    for (let g = 0; g < list.length; g++) {
      const geometry: unknown = list[g];
      const here: JsonPath = ["objects", layer, "geometries", g];
      if (!isObject(geometry)) return fault(here, "a geometry must be an object");
      const type = geometry["type"];
      const id = geometry["id"];
      if (id !== undefined && typeof id !== "string" && typeof id !== "number")
        return fault([...here, "id"], "id must be a string or a number");
      const properties = geometry["properties"];
      if (properties !== undefined && properties !== null && !isObject(properties))
        return fault([...here, "properties"], "properties must be an object");
      if (type === null) continue;
      if (type === "Point" || type === "MultiPoint") {
        const coordinates = geometry["coordinates"];
        const ok =
          type === "Point"
            ? isPosition(coordinates)
            : Array.isArray(coordinates) && coordinates.every(isPosition);
        if (!ok)
          return fault([...here, "coordinates"], `${type} coordinates must be positions of finite numbers`);
        continue;
      }
      const depth = typeof type === "string" ? ARC_DEPTH[type] : undefined;
      if (typeof type !== "string" || depth === undefined)
        return fault(
          [...here, "type"],
          `geometry type ${JSON.stringify(type)} is not Polygon, MultiPolygon, LineString, MultiLineString, Point, MultiPoint or null`,
        );
      const bad = checkArcIndexes(geometry["arcs"], depth, arcs.length, [...here, "arcs"]);
      if (bad) return { path: bad.path, detail: `${type} ${bad.detail}` };
    }
  }
  return null;
}

/** Arc indexes nested `depth` arrays deep, each an integer i with 0 ≤ i < count or 0 ≤ ~i < count. */
function checkArcIndexes(value: unknown, depth: number, count: number, path: JsonPath): TopologyFault | null {
  if (!Array.isArray(value))
    return { path, detail: `arcs must be ${"[".repeat(depth)}…${"]".repeat(depth)} of arc indexes` };
  for (let k = 0; k < value.length; k++) {
    const item: unknown = value[k];
    if (depth > 1) {
      const bad = checkArcIndexes(item, depth - 1, count, [...path, k]);
      if (bad) return bad;
    } else if (typeof item !== "number" || !Number.isInteger(item) || (item < 0 ? ~item : item) >= count) {
      return {
        path: [...path, k],
        detail: `arc index ${JSON.stringify(item)} is not an index into the topology's ${count} arcs`,
      };
    }
  }
  return null;
}
