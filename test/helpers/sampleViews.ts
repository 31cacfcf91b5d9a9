/**
 * Typed sample ReportViews for render tests and design checks: Spanish names, 7 indicators,
 * 12-month series with gaps, and every status. Deterministic (values come from a string hash).
 * They stand in for compute/buildViews output; they are not computed by its rules.
 */
import { addMonths, formatMonth, formatPercent, formatPoints } from "../../src/locale/format.js";
import type {
  Alert,
  ChangeView,
  GoodPracticeView,
  IndicatorView,
  Level,
  MapSpec,
  Period,
  ReportView,
  SchoolsView,
  SeriesPoint,
  Status,
  TableRow,
  UnitValue,
} from "../../src/model.js";

export interface SampleUnits {
  regions: { code: string; name: string; districts: { code: string; name: string }[] }[];
}

export const TINY_UNITS: SampleUnits = {
  regions: [
    {
      code: "010000",
      name: "DRE Amazonas",
      districts: [
        { code: "010001", name: "UGEL Chachapoyas" },
        { code: "010002", name: "UGEL Bagua" },
        { code: "010003", name: "UGEL Bongará" },
      ],
    },
    {
      code: "020000",
      name: "DRE Áncash",
      districts: [
        { code: "020001", name: "UGEL Huaraz" },
        { code: "020002", name: "UGEL Aija" },
        { code: "020003", name: "UGEL Antonio Raymondi" },
      ],
    },
  ],
};

export const SAMPLE_INDICATORS = [
  {
    id: "asistencia-estudiantes",
    label: "Asistencia de estudiantes",
    category: "asistencia",
    better: "higher",
    target: 92,
    minimum: 87,
  },
  {
    id: "docentes-ausentes",
    label: "Docentes ausentes",
    category: "asistencia",
    better: "lower",
    target: 8,
    minimum: 13,
  },
  {
    id: "directores-presentes",
    label: "Directores presentes",
    category: "asistencia",
    better: "higher",
    target: 90,
    minimum: 84,
  },
  {
    id: "horas-efectivas",
    label: "Horas efectivas de clase",
    category: "aprendizaje",
    better: "higher",
    target: 85,
    minimum: 78,
  },
  {
    id: "materiales-educativos",
    label: "Uso de materiales educativos",
    category: "aprendizaje",
    better: "higher",
    target: 80,
    minimum: 72,
  },
  {
    id: "servicios-basicos",
    label: "Servicios básicos (agua, luz y desagüe)",
    category: "infraestructura",
    better: "higher",
    target: 75,
    minimum: 65,
  },
  {
    id: "aulas-seguras",
    label: "Aulas en buen estado",
    category: "infraestructura",
    better: "higher",
    target: 70,
    minimum: 60,
  },
] as const;

type Ind = (typeof SAMPLE_INDICATORS)[number];

export interface SampleOptions {
  period?: Period;
  /** Replace names and texts with markup-looking strings (escaping tests). */
  hostile?: boolean;
}

export const HOSTILE = {
  district: `UGEL <script>alert("x")</script> & "Ñuñoa" </text><foreignObject>`,
  region: `DRE <img src=file:///etc/passwd> <iframe src="https://evil.example"></iframe>`,
  title: `Agua <a href="javascript:alert(1)">segura</a> & limpia < 3 > 2`,
  school: `I.E. <script>steal()</script> N.º 1`,
};

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return (h >>> 0) / 4294967295;
}

function statusOf(ind: Ind, value: number | null): Status {
  if (value === null) return "no-data";
  if (ind.better === "higher") return value >= ind.target ? "green" : value >= ind.minimum ? "amber" : "red";
  return value <= ind.target ? "green" : value <= ind.minimum ? "amber" : "red";
}

const HOLIDAYS = ["01", "02"];

/** The raw sample value of a district for a month, or null for a gap. */
function districtValue(code: string, ind: Ind, period: Period): number | null {
  if (HOLIDAYS.includes(period.slice(5))) return null;
  if (hash(`${code}|gap|${period}`) < 0.06) return null;
  const base = hash(`${code}|${ind.id}`);
  const drift = (hash(`${code}|${ind.id}|${period}`) - 0.5) * 6;
  const v =
    ind.better === "higher"
      ? ind.minimum - 12 + base * (100 - ind.minimum + 10) + drift
      : Math.max(1, ind.target - 6 + base * (ind.minimum + 8 - ind.target) + drift);
  return Math.round(Math.min(100, Math.max(0, v)) * 10) / 10;
}

interface UnitNode {
  level: Level;
  code: string;
  name: string;
  districts: string[];
}

export function makeSampleViews(units: SampleUnits, options: SampleOptions = {}): ReportView[] {
  const period = options.period ?? "2026-10";
  const months = Array.from({ length: 12 }, (_, i) => addMonths(period, i - 11));
  const hostile = options.hostile ?? false;
  const regions = units.regions.map((r, ri) => ({
    ...r,
    name: hostile && ri === 0 ? HOSTILE.region : r.name,
    districts: r.districts.map((d, di) => ({
      ...d,
      name: hostile && ri === 0 && di === 0 ? HOSTILE.district : d.name,
    })),
  }));
  const districtName = new Map(regions.flatMap((r) => r.districts.map((d) => [d.code, d.name] as const)));
  const regionOf = new Map(regions.flatMap((r) => r.districts.map((d) => [d.code, r] as const)));
  const allDistricts = regions.flatMap((r) => r.districts.map((d) => d.code));

  const value = (node: UnitNode, ind: Ind, p: Period): number | null => {
    if (node.level === "district") {
      // One district has no data this month on one indicator; never before.
      if (p === period && hash(`${node.code}|nodata|${ind.id}`) < 0.05) return null;
      return districtValue(node.code, ind, p);
    }
    const vs = node.districts.map((c) => districtValue(c, ind, p)).filter((v): v is number => v !== null);
    return vs.length ? Math.round((vs.reduce((a, b) => a + b, 0) / vs.length) * 10) / 10 : null;
  };
  const schoolsOf = (node: UnitNode, ind: Ind): number =>
    node.level === "district"
      ? hash(`${node.code}|few|${ind.id}`) < 0.08
        ? 3
        : 8 + Math.floor(hash(node.code) * 20)
      : node.districts.length * 15;
  const status = (node: UnitNode, ind: Ind, v: number | null): Status =>
    v !== null && schoolsOf(node, ind) < 5 ? "referential" : statusOf(ind, v);

  const nationalNode: UnitNode = { level: "national", code: "PE", name: "Perú", districts: allDistricts };
  const regionNodes: UnitNode[] = regions.map((r) => ({
    level: "region",
    code: r.code,
    name: r.name,
    districts: r.districts.map((d) => d.code),
  }));
  const districtNodes: UnitNode[] = regions.flatMap((r) =>
    r.districts.map((d) => ({ level: "district", code: d.code, name: d.name, districts: [d.code] })),
  );

  const unitValue = (node: UnitNode, ind: Ind, self: boolean, name = node.name): UnitValue => {
    const v = value(node, ind, period);
    return {
      level: node.level,
      code: node.code,
      name,
      value: v,
      text: formatPercent(v, "es"),
      status: status(node, ind, v),
      rank: null,
      self,
    };
  };
  const rank = (list: UnitValue[], ind: Ind): UnitValue[] => {
    const rankedOnes = list
      .filter((u) => u.value !== null && u.status !== "referential" && u.status !== "no-data")
      .sort(
        (a, b) =>
          (ind.better === "higher" ? (b.value ?? 0) - (a.value ?? 0) : (a.value ?? 0) - (b.value ?? 0)) ||
          a.name.localeCompare(b.name),
      );
    let r = 0;
    let last: number | null = null;
    const ranked = rankedOnes.map((u, i) => {
      if (u.value !== last) r = i + 1;
      last = u.value;
      return { ...u, rank: r };
    });
    const excluded = list.filter((u) => !rankedOnes.includes(u)).sort((a, b) => a.name.localeCompare(b.name));
    return [...ranked, ...excluded];
  };
  const ranking = (list: UnitValue[], ind: Ind) => {
    const units = rank(list, ind);
    const ranked = units.filter((u) => u.rank !== null).length;
    return { units, ranked, excluded: units.length - ranked };
  };
  const rankText = (units: UnitValue[], code: string) => {
    const u = units.find((x) => x.code === code);
    const ranked = units.filter((x) => x.rank !== null).length;
    const r = u?.rank ?? null;
    return {
      rank: r,
      of: ranked,
      excluded: units.length - ranked,
      tied: r === null ? 0 : units.filter((x) => x.rank === r).length,
      text: r !== null ? `Puesto ${r} de ${ranked}` : "Sin puesto (resultado referencial o sin datos)",
    };
  };
  const change = (node: UnitNode, ind: Ind, months: number): ChangeView | null => {
    const before = addMonths(period, -months);
    const a = value(node, ind, before);
    const b = value(node, ind, period);
    const points = a !== null && b !== null ? Math.round((b - a) * 10) / 10 : null;
    return {
      points,
      text: formatPoints(points, "es"),
      good: points === null || points === 0 ? null : ind.better === "higher" ? points > 0 : points < 0,
      period: before,
      periodLabel: formatMonth(before, "es"),
      vsLabel: `vs. ${formatMonth(before, "es", "short")}`,
    };
  };
  const counts = (codes: string[], ind: Ind): Record<Status, number> => {
    const c: Record<Status, number> = { green: 0, amber: 0, red: 0, referential: 0, "no-data": 0 };
    for (const code of codes)
      c[
        unitValue(
          districtNodes.find((d) => d.code === code)!,
          ind,
          false,
        ).status
      ] += 1;
    return c;
  };
  const mapValues = (nodes: UnitNode[], ind: Ind): MapSpec["values"] =>
    nodes.map((n) => {
      const u = unitValue(n, ind, false);
      return { code: n.code, value: u.value, status: u.status, text: u.text };
    });

  const indicatorView = (node: UnitNode, ind: Ind): IndicatorView => {
    const v = value(node, ind, period);
    const st = status(node, ind, v);
    const series: SeriesPoint[] = months.map((p) => {
      const pv = value(node, ind, p);
      return {
        period: p,
        label: formatMonth(p, "es", "short"),
        value: pv,
        status: status(node, ind, pv),
        target: ind.target,
      };
    });
    const region = node.level === "district" ? regionOf.get(node.code)! : null;
    const regionNode = region ? regionNodes.find((r) => r.code === region.code)! : null;
    const siblings = region
      ? districtNodes.filter((d) => region.districts.some((x) => x.code === d.code))
      : [];
    let comparisons: UnitValue[];
    let peers: UnitValue[];
    let map: MapSpec;
    let districtMap: MapSpec | null = null;
    let rankNational = null;
    let rankRegional = null;
    let top: UnitValue[] = [];
    let bottom: UnitValue[] = [];
    let statusCounts: Record<Status, number> | null = null;
    if (node.level === "district" && regionNode) {
      peers = siblings.map((d) => unitValue(d, ind, d.code === node.code));
      comparisons = [
        unitValue(node, ind, true),
        ...siblings
          .filter((d) => d.code !== node.code)
          .slice(0, 5)
          .map((d) => unitValue(d, ind, false)),
        unitValue(regionNode, ind, false),
        unitValue(nationalNode, ind, false),
      ];
      map = {
        layer: "district",
        features: regionNode.districts,
        highlight: node.code,
        values: mapValues(siblings, ind),
      };
      rankNational = rankText(
        rank(
          districtNodes.map((d) => unitValue(d, ind, false)),
          ind,
        ),
        node.code,
      );
      rankRegional = rankText(rank(peers, ind), node.code);
    } else if (node.level === "region") {
      const own = districtNodes.filter((d) => node.districts.includes(d.code));
      peers = own.map((d) => unitValue(d, ind, false));
      comparisons = [unitValue(node, ind, true), unitValue(nationalNode, ind, false)];
      map = { layer: "district", features: node.districts, values: mapValues(own, ind) };
      rankNational = rankText(
        rank(
          regionNodes.map((r) => unitValue(r, ind, r.code === node.code)),
          ind,
        ),
        node.code,
      );
      statusCounts = counts(node.districts, ind);
    } else {
      peers = regionNodes.map((r) => unitValue(r, ind, false));
      comparisons = [unitValue(node, ind, true)];
      map = { layer: "region", features: [], values: mapValues(regionNodes, ind) };
      districtMap = { layer: "district", features: [], values: mapValues(districtNodes, ind) };
      const all = rank(
        districtNodes.map((d) => unitValue(d, ind, false, `${regionOf.get(d.code)!.name} – ${d.name}`)),
        ind,
      ).filter((u) => u.rank !== null);
      top = all.slice(0, 10);
      bottom = all.slice(-10).reverse();
      statusCounts = counts(allDistricts, ind);
    }
    const prev = change(node, ind, 1);
    return {
      id: ind.id,
      label: ind.label,
      category: ind.category,
      better: ind.better,
      value: { value: v, text: formatPercent(v, "es") },
      numerator: v === null ? 0 : Math.round(v * 4),
      denominator: v === null ? 0 : 400,
      schools: schoolsOf(node, ind),
      status: st,
      statusLabel: {
        green: "En meta",
        amber: "En alerta",
        red: "Bajo el mínimo",
        referential: "Referencial",
        "no-data": "Sin datos",
      }[st],
      referentialReason: st === "referential" ? "few-schools" : null,
      previous: prev,
      yearAgo: change(node, ind, 12),
      targets: {
        baseline: {
          value: ind.better === "higher" ? ind.minimum - 5 : ind.minimum + 5,
          text: formatPercent(ind.better === "higher" ? ind.minimum - 5 : ind.minimum + 5, "es"),
        },
        minimum: { value: ind.minimum, text: formatPercent(ind.minimum, "es") },
        target: { value: ind.target, text: formatPercent(ind.target, "es") },
        source: node.level,
        progress: 0.5,
        progressPhrase: null,
        progressText: "50 % del camino de la línea de base a la meta",
        gap:
          v === null
            ? null
            : Math.max(0, Math.round((ind.better === "higher" ? ind.target - v : v - ind.target) * 10) / 10),
        gapText: v === null ? "—" : "faltan puntos para la meta",
      },
      series,
      comparisons,
      peers: ranking(peers, ind),
      rankNational,
      rankRegional,
      top,
      bottom,
      topTie: "",
      bottomTie: "",
      statusCounts,
      map,
      districtMap,
    };
  };

  const alertsOf = (indicators: IndicatorView[]): Alert[] =>
    indicators
      .flatMap((i): Alert[] => {
        const out: Alert[] = [];
        if (i.status === "red")
          out.push({
            kind: "below-minimum",
            indicator: i.id,
            priority: 1,
            text: `${i.label} está por debajo del mínimo: ${i.value.text} frente a un mínimo de ${i.targets.minimum.text}.`,
          });
        if (i.previous?.good === false && (i.previous.points ?? 0) <= -2.5)
          out.push({
            kind: "fell",
            indicator: i.id,
            priority: 2,
            text: `${i.label} bajó ${i.previous.text} respecto de ${i.previous.periodLabel}.`,
          });
        if (i.status === "green" && i.series.at(-2)?.status !== "green")
          out.push({
            kind: "turned-green",
            indicator: i.id,
            priority: 4,
            text: `${i.label} alcanzó la meta este mes: ${i.value.text}.`,
          });
        if (i.status === "referential")
          out.push({
            kind: "referential",
            indicator: i.id,
            priority: 3,
            text: `${i.label}: el resultado (${i.value.text}) es solo referencial, solo ${i.schools} escuelas visitadas.`,
          });
        if (i.status === "no-data")
          out.push({
            kind: "no-data",
            indicator: i.id,
            priority: 3,
            text: `${i.label}: no hay datos este mes.`,
          });
        return out;
      })
      .sort((a, b) => a.priority - b.priority || a.indicator.localeCompare(b.indicator));

  const goodPractice = (districtCode: string, n: number): GoodPracticeView => {
    const region = regionOf.get(districtCode)!;
    const ind = SAMPLE_INDICATORS[n % SAMPLE_INDICATORS.length]!;
    return {
      title:
        hostile && n === 0
          ? HOSTILE.title
          : n % 2
            ? "Docentes puntuales con registro compartido"
            : "Agua segura en todas las aulas",
      district: { level: "district", code: districtCode, name: districtName.get(districtCode)! },
      region: { level: "region", code: region.code, name: region.name },
      period,
      periodLabel: formatMonth(period, "es"),
      language: "es",
      indicator: ind.id,
      indicatorLabel: ind.label,
      html:
        hostile && n === 0
          ? "<p>El equipo probó &lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;iframe&gt; sin éxito.</p>"
          : "<p>La UGEL organizó con las APAFA un turno semanal de limpieza de tanques y compró cloro con fondos de mantenimiento.</p><ul><li>Se capacitó a 42 directores en el registro diario.</li><li>Cada escuela publica su asistencia en el periódico mural.</li><li>El especialista visita las escuelas en rojo cada quince días.</li></ul><p>En tres meses, la asistencia subió <strong>8 puntos</strong>.</p>",
    };
  };

  const schoolsView = (code: string): SchoolsView => ({
    period,
    indicators: SAMPLE_INDICATORS.map((i) => ({ id: i.id, label: i.label, yesNo: false })),
    rows: Array.from({ length: 9 }, (_, k) => {
      const cells = SAMPLE_INDICATORS.map((i) => {
        const v = Math.round(hash(`${code}|school${k}|${i.id}`) * 100);
        const below = i.better === "higher" ? v < i.minimum : v > i.minimum;
        return { value: v, text: formatPercent(v, "es"), belowMinimum: below };
      });
      return {
        code: `${code.slice(0, 4)}${String(k + 1).padStart(3, "0")}`,
        name:
          hostile && k === 0
            ? HOSTILE.school
            : `I.E. N.º ${18000 + Math.floor(hash(code + k) * 900)} ${["San Martín de Porres", "José Olaya", "Virgen de Fátima", "Túpac Amaru", "Señor de los Milagros", "Mariscal Castilla", "Santa Rosa", "Ricardo Palma", "César Vallejo"][k]}`,
        districtCode: code,
        cells,
        flagged: cells.some((c) => c.belowMinimum),
        belowCount: cells.filter((c) => c.belowMinimum).length,
        shortfall: 0,
        failing: SAMPLE_INDICATORS.filter((_, j) => cells[j]?.belowMinimum).map((i) => i.label),
        info: hostile && k === 0 ? { director: HOSTILE.school, phone: "<b>999</b>" } : null,
      };
    }).sort((a, b) => b.belowCount - a.belowCount || a.name.localeCompare(b.name)),
    get visitFirst() {
      return this.rows.filter((r) => r.belowCount > 0).slice(0, 5);
    },
  });

  const view = (node: UnitNode): ReportView => {
    const indicators = SAMPLE_INDICATORS.map((ind) => indicatorView(node, ind));
    const c: Record<Status, number> = { green: 0, amber: 0, red: 0, referential: 0, "no-data": 0 };
    indicators.forEach((i) => (c[i.status] += 1));
    const practiceDistricts =
      node.level === "national" ? allDistricts.slice(0, 3) : node.districts.slice(0, 2);
    const table = (nodes: UnitNode[]): TableRow[] =>
      nodes.map((n) => ({
        unit: { level: n.level, code: n.code, name: n.name },
        cells: SAMPLE_INDICATORS.map((ind) => {
          const u = unitValue(n, ind, false);
          return { indicator: ind.id, value: u.value, text: u.text, status: u.status, change: null };
        }),
      }));
    const common = {
      code: node.code,
      name: node.name,
      period,
      periodLabel: formatMonth(period, "es"),
      locale: "es" as const,
      datasetName: "Demostración Semáforo Escuela",
      synthetic: true,
      headline: {
        counts: c,
        biggestImprovement: null,
        biggestFall: null,
        text: `De ${indicators.length} indicadores: ${c.green} en meta, ${c.amber} en alerta y ${c.red} bajo el mínimo.`,
      },
      indicators,
      alerts: alertsOf(indicators),
      goodPractices: practiceDistricts.map((d, n) => goodPractice(d, n)),
      thresholds: { minSchools: 5, maxCv: 15, amberBand: 5, fallAlert: 5 },
      contact: { contact: null, replyTo: "semaforo@minedu.example" },
      noVisits: null,
    };
    if (node.level === "district") {
      const region = regionOf.get(node.code)!;
      return {
        ...common,
        level: "district",
        region: { level: "region", code: region.code, name: region.name },
        schools: schoolsView(node.code),
        movers: [],
        regionSchools: [],
        table: [],
      };
    }
    if (node.level === "region")
      return {
        ...common,
        level: "region",
        region: null,
        schools: null,
        movers: [],
        regionSchools: [],
        table: table(districtNodes.filter((d) => node.districts.includes(d.code))),
      };
    return {
      ...common,
      level: "national",
      region: null,
      schools: null,
      movers: [],
      regionSchools: [],
      table: table(regionNodes),
    };
  };

  return [view(nationalNode), ...regionNodes.map(view), ...districtNodes.map(view)];
}
