import { neighbors } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";

/**
 * Districts that share a border, from the TopoJSON layer `objectName` (topojson-client `neighbors`,
 * which pairs geometries sharing an arc). Keyed by feature id; each list sorted. A unit without a
 * feature in the layer has no entry (no neighbours).
 */
export function findNeighbours(topology: Topology, objectName: string): Map<string, string[]> {
  const result = new Map<string, string[]>();
  const object = topology.objects[objectName];
  if (!object || object.type !== "GeometryCollection") return result;
  const geometries = (object as GeometryCollection).geometries;
  const ids = geometries.map((geometry) => (geometry.id === undefined ? null : String(geometry.id)));
  const lists = neighbors(geometries);
  lists.forEach((list, index) => {
    const id = ids[index];
    if (id === null || id === undefined) return;
    const found = new Set(result.get(id) ?? []);
    for (const other of list) {
      const otherId = ids[other];
      if (otherId !== null && otherId !== undefined && otherId !== id) found.add(otherId);
    }
    result.set(id, [...found].sort());
  });
  return result;
}
