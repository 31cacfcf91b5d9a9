import { geoMercator, geoPath } from "d3-geo";
import type { Feature, FeatureCollection, Geometry } from "geojson";
import { feature } from "topojson-client";
import { compactPath } from "./compactPath.js";
import type { GeometryCollection, Topology } from "topojson-specification";
import { InternalError } from "../../errors.js";

/** DRE codes drawn in the inset of national maps: Lima Metropolitana and Callao. */
export const INSET_REGIONS: readonly string[] = ["150101", "070101"];

export interface ProjectedFeature {
  code: string;
  d: string;
  /** Where the status glyph goes: the centroid of the feature's largest polygon, in map px. */
  anchor: [number, number];
  /** The largest polygon's area in px² (a glyph is drawn only where it fits). */
  area: number;
}

export interface ProjectedMap {
  width: number;
  height: number;
  features: ProjectedFeature[];
  /** National maps: Lima Metropolitana + Callao enlarged in a box. */
  inset: { x: number; y: number; width: number; height: number; features: ProjectedFeature[] } | null;
}

export interface MapRequest {
  layer: "region" | "district";
  /** Codes to draw; empty = the whole layer. */
  codes: string[];
  width: number;
  /** Upper bound; the map is as tall as the features need, at most this. */
  maxHeight: number;
  /** Draw the Lima/Callao inset (only when the whole layer is drawn and those features exist). */
  inset: boolean;
}

type GeoFeature = Feature<Geometry, Record<string, unknown> | null>;

/**
 * Projected path strings, computed once per (layer, feature set, size) and reused by every report
 * of a run: 251 reports draw the same few hundred maps. Make one per run (it holds the topology).
 */
export class GeoCache {
  private readonly layers = new Map<string, GeoFeature[]>();
  private readonly maps = new Map<string, ProjectedMap>();

  constructor(
    private readonly topology: Topology,
    private readonly objects: { regions: string; districts: string },
  ) {}

  /** Number of projected maps held (for tests). */
  get size(): number {
    return this.maps.size;
  }

  project(request: MapRequest): ProjectedMap {
    const key = `${request.layer}|${request.width}x${request.maxHeight}|${request.inset ? "i" : ""}|${request.codes.join(",")}`;
    const cached = this.maps.get(key);
    if (cached) return cached;
    const made = this.make(request);
    this.maps.set(key, made);
    return made;
  }

  private layer(layer: "region" | "district"): GeoFeature[] {
    const name = layer === "region" ? this.objects.regions : this.objects.districts;
    let features = this.layers.get(name);
    if (!features) {
      const object = this.topology.objects[name];
      if (!object || object.type !== "GeometryCollection")
        throw new InternalError(
          `The map file has no object "${name}" (a GeometryCollection) for the ${layer} layer.`,
        );
      const fc = feature(this.topology, object as GeometryCollection) as FeatureCollection<
        Geometry,
        Record<string, unknown> | null
      >;
      features = fc.features
        .filter((f) => f.geometry && f.id !== undefined)
        .sort((a, b) => String(a.id).localeCompare(String(b.id)));
      this.layers.set(name, features);
    }
    return features;
  }

  private make(req: MapRequest): ProjectedMap {
    const all = this.layer(req.layer);
    const wanted = new Set(req.codes);
    const drawn = req.codes.length ? all.filter((f) => wanted.has(String(f.id))) : all;
    const pad = 4;
    const collection = { type: "FeatureCollection" as const, features: drawn };
    const projection = geoMercator();
    const path = geoPath(projection).digits(1);
    const width = req.width;
    let height = req.maxHeight;
    if (drawn.length) {
      projection.fitWidth(req.width - 2 * pad, collection);
      const [[, y0], [, y1]] = path.bounds(collection);
      const natural = y1 - y0 + 2 * pad;
      if (natural <= req.maxHeight) {
        height = Math.ceil(natural);
        projection.fitExtent(
          [
            [pad, pad],
            [width - pad, height - pad],
          ],
          collection,
        );
      } else {
        projection.fitExtent(
          [
            [pad, pad],
            [width - pad, height - pad],
          ],
          collection,
        );
        // Too tall: fit the height and centre the narrower map in the requested width.
        const [[x0], [x1]] = path.bounds(collection);
        const margin = Math.max(0, (width - (x1 - x0) - 2 * pad) / 2);
        projection.fitExtent(
          [
            [pad + margin, pad],
            [width - pad - margin, height - pad],
          ],
          collection,
        );
      }
    }
    const digits = 0;
    const features = drawn
      .map((f) => ({ code: String(f.id), d: compactPath(path(f) ?? "", digits), ...placeGlyph(path, f) }))
      .filter((f) => f.d);

    let inset: ProjectedMap["inset"] = null;
    if (req.inset && !req.codes.length) {
      const insetFeatures = all.filter((f) => {
        const dre = f.properties?.["cod_dre"];
        return (
          INSET_REGIONS.includes(String(f.id)) || (typeof dre === "string" && INSET_REGIONS.includes(dre))
        );
      });
      if (insetFeatures.length) {
        const box = {
          x: pad,
          y: Math.round(height * 0.69),
          width: Math.round(width * 0.32),
          height: Math.round(height * 0.31) - pad,
        };
        const p = geoMercator().fitExtent(
          [
            [box.x + 6, box.y + 27], // below the caption's two lines
            [box.x + box.width - 6, box.y + box.height - 6],
          ],
          { type: "FeatureCollection", features: insetFeatures },
        );
        const insetPath = geoPath(p).digits(1);
        inset = {
          ...box,
          features: insetFeatures
            .map((f) => ({
              code: String(f.id),
              d: compactPath(insetPath(f) ?? "", 1),
              ...placeGlyph(insetPath, f),
            }))
            .filter((f) => f.d),
        };
      }
    }
    return { width, height, features, inset };
  }
}

/**
 * The glyph's place in a feature: the centroid of its largest polygon (a UGEL with islands or a
 * detached part keeps its glyph on the main body), and that polygon's area.
 */
function placeGlyph(
  path: ReturnType<typeof geoPath>,
  f: GeoFeature,
): { anchor: [number, number]; area: number } {
  const geometry = f.geometry;
  const parts: GeoFeature[] =
    geometry.type === "MultiPolygon"
      ? geometry.coordinates.map((coordinates) => ({
          type: "Feature",
          properties: null,
          geometry: { type: "Polygon", coordinates },
        }))
      : [f];
  let best: { anchor: [number, number]; area: number } = { anchor: [0, 0], area: 0 };
  for (const part of parts) {
    const area = path.area(part);
    if (area > best.area) {
      const [x, y] = path.centroid(part);
      best = { anchor: [Math.round(x * 10) / 10, Math.round(y * 10) / 10], area: Math.round(area) };
    }
  }
  return best;
}
