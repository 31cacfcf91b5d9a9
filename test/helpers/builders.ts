/**
 * Small in-memory builders for pure tests: a Dataset without any IO. Defaults are minimal and
 * deterministic; every builder takes overrides.
 */
import type { Topology } from "topojson-specification";
import type {
  Dataset,
  District,
  GoodPractice,
  Indicator,
  Region,
  Result,
  SchoolResult,
  Target,
  Thresholds,
} from "../../src/model.js";

export const DEFAULT_THRESHOLDS: Thresholds = { minSchools: 5, maxCv: 15, amberBand: 5, fallAlert: 5 };

export function makeIndicator(overrides: Partial<Indicator> = {}): Indicator {
  const id = overrides.id ?? "asistencia";
  return {
    id,
    label: { es: `Indicador ${id}`, en: `Indicator ${id}` },
    category: "asistencia",
    better: "higher",
    unit: "percent",
    ...overrides,
  };
}

export function makeDistrict(code: string, regionCode = "010000", name = `UGEL ${code}`): District {
  return { code, name, regionCode };
}

/**
 * One result row. Give `value` (in %) to get numerator = value × denominator / 100
 * (denominator 1000 unless given), or give numerator and denominator directly.
 */
export function makeResult(overrides: Partial<Result> & { districtCode: string; value?: number }): Result {
  const { value, ...rest } = overrides;
  const denominator = rest.denominator ?? 1000;
  const numerator = rest.numerator ?? (value === undefined ? 900 : (value * denominator) / 100);
  return {
    period: "2026-05",
    indicator: "asistencia",
    schools: 10,
    ...rest,
    numerator,
    denominator,
  };
}

export function makeTarget(overrides: Partial<Target> = {}): Target {
  return { year: 2026, level: "national", code: "PE", indicator: "asistencia", target: 90, ...overrides };
}

export function makeGoodPractice(overrides: Partial<GoodPractice> & { district: string }): GoodPractice {
  return {
    file: `good-practices/${overrides.district}-${overrides.period ?? "2026-05"}.md`,
    period: "2026-05",
    indicator: "asistencia",
    title: `Historia de ${overrides.district}`,
    body: "Una *buena* práctica.",
    ...overrides,
  };
}

export function makeSchool(
  overrides: Partial<SchoolResult> & { districtCode: string; schoolCode: string },
): SchoolResult {
  return {
    period: "2026-05",
    schoolName: `IE ${overrides.schoolCode}`,
    indicator: "asistencia",
    value: 90,
    ...overrides,
  };
}

/**
 * A TopoJSON whose district layer is a grid of unit squares: `grid[row][column]` is a district code
 * or null (no feature). Squares sharing an edge share an arc, so topojson-client `neighbors` pairs
 * them; squares touching at a corner only are not neighbours. The region layer is empty.
 */
export function makeGridTopology(grid: (string | null)[][], districtsObject = "districts"): Topology {
  const rows = grid.length;
  const columns = Math.max(0, ...grid.map((row) => row.length));
  const arcs: [number, number][][] = [];
  const horizontal = new Map<string, number>();
  const vertical = new Map<string, number>();
  for (let r = 0; r <= rows; r += 1)
    for (let c = 0; c < columns; c += 1) {
      horizontal.set(`${r},${c}`, arcs.length);
      arcs.push([
        [c, -r],
        [c + 1, -r],
      ]);
    }
  for (let r = 0; r < rows; r += 1)
    for (let c = 0; c <= columns; c += 1) {
      vertical.set(`${r},${c}`, arcs.length);
      arcs.push([
        [c, -r],
        [c, -r - 1],
      ]);
    }
  const at = (map: Map<string, number>, key: string) => map.get(key) as number;
  const geometries = grid.flatMap((row, r) =>
    row.flatMap((id, c) =>
      id === null
        ? []
        : [
            {
              type: "Polygon" as const,
              id,
              arcs: [
                [
                  at(horizontal, `${r},${c}`),
                  at(vertical, `${r},${c + 1}`),
                  ~at(horizontal, `${r + 1},${c}`),
                  ~at(vertical, `${r},${c}`),
                ],
              ],
            },
          ],
    ),
  );
  return {
    type: "Topology",
    objects: {
      [districtsObject]: { type: "GeometryCollection", geometries },
      regions: { type: "GeometryCollection", geometries: [] },
    },
    arcs,
  };
}

export interface DatasetParts {
  districts?: District[];
  indicators?: Indicator[];
  results?: Result[];
  targets?: Target[];
  goodPractices?: GoodPractice[];
  schools?: SchoolResult[];
  thresholds?: Partial<Thresholds>;
  topology?: Topology;
  regionNames?: Record<string, string>;
}

/** A whole Dataset: regions are derived from the districts (named "DRE <code>" unless given). */
export function makeDataset(parts: DatasetParts = {}): Dataset {
  const districts = [...(parts.districts ?? [makeDistrict("010001")])].sort((a, b) =>
    a.code < b.code ? -1 : 1,
  );
  const regionCodes = [...new Set(districts.map((district) => district.regionCode))].sort();
  const regions: Region[] = regionCodes.map((code) => ({
    code,
    name: parts.regionNames?.[code] ?? `DRE ${code}`,
    districtCodes: districts
      .filter((district) => district.regionCode === code)
      .map((district) => district.code),
  }));
  return {
    config: {
      name: "Datos de prueba",
      synthetic: true,
      geo: { file: "geo.topojson", regions: "regions", districts: "districts" },
      email: { from: "semaforo@example.org" },
      csv: { delimiter: ",", decimal: ".", encoding: "utf8" },
      thresholds: { ...DEFAULT_THRESHOLDS, ...parts.thresholds },
      timeZone: "America/Lima",
      licenses: [],
      sources: [],
    },
    indicators: parts.indicators ?? [makeIndicator()],
    regions,
    districts,
    results: parts.results ?? [],
    targets: parts.targets ?? [makeTarget()],
    recipients: [],
    goodPractices: parts.goodPractices ?? [],
    schools: parts.schools ?? [],
    contacts: [],
    commitments: [],
    support: [],
    topology: parts.topology ?? makeGridTopology([districts.map((district) => district.code)]),
    inputs: [],
  };
}
