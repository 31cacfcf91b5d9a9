import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import type { District } from "../model.js";

/** A real UGEL of geo/ugel.csv, with its DRE/GRE. */
export interface DemoDistrict extends District {
  regionName: string;
  /** False when the map has no polygon for it (`ambito` sin_poligono). */
  hasPolygon: boolean;
}

/** A real DRE/GRE, with its UGELs sorted by code. */
export interface DemoRegion {
  code: string;
  name: string;
  districts: DemoDistrict[];
}

export interface DemoUnits {
  /** Sorted by code. */
  districts: DemoDistrict[];
  /** Sorted by code. */
  regions: DemoRegion[];
}

interface UgelRow {
  codooii: string;
  nombre: string;
  cod_dre: string;
  nombre_dre: string;
  ambito: string;
}

/**
 * The geography of the demo: the real 26 DRE/GRE and 224 UGEL codes and names, from
 * `geo/ugel.csv` of the project at `root` (without DRE Callao's directly managed area, which is
 * not a UGEL).
 */
export function readUnits(root: string): DemoUnits {
  const rows = parse<UgelRow>(readFileSync(join(root, "geo", "ugel.csv")), {
    columns: true,
    skip_empty_lines: true,
    bom: true,
  });
  const districts = rows
    .filter((r) => r.codooii !== "070101")
    .map((r): DemoDistrict => ({
      code: r.codooii,
      name: r.nombre,
      regionCode: r.cod_dre,
      regionName: r.nombre_dre,
      hasPolygon: r.ambito !== "sin_poligono",
    }))
    .sort((a, b) => a.code.localeCompare(b.code));
  const regionNames = new Map<string, string>();
  for (const d of districts) regionNames.set(d.regionCode, d.regionName);
  const regions = [...regionNames]
    .map(([code, name]) => ({ code, name, districts: districts.filter((d) => d.regionCode === code) }))
    .sort((a, b) => a.code.localeCompare(b.code));
  return { districts, regions };
}
