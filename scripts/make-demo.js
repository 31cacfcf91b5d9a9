#!/usr/bin/env node
/**
 * Generates the demo dataset fixtures/demo/ (overwriting it): `npm run demo`.
 *
 * Everything is synthetic except the unit list (the real 26 DRE/GRE and 224 UGEL codes and names
 * from geo/ugel.csv) and the map (geo/peru.topojson). The output is deterministic: every random
 * draw comes from a mulberry32 generator seeded from SEED and a key naming what is drawn, so two
 * runs give byte-identical files and changing one part of the model does not reshuffle the rest.
 *
 * The model, per district d, indicator i and month m:
 *   p = logistic(base_i + region_i + rurality_d · rural_i + district_i + trend_i · t + season
 *                + region-month noise + district-month noise + scenario shocks)
 * then each visited school is simulated (principal present, teachers and students present out of
 * those expected, yes/no for hours, materials, basic services and maintenance) and summed into
 * results.csv; schools.csv lists the schools of the last month(s). `cv` is the coefficient of
 * variation of the ratio estimator over the visited schools (finite population correction and an
 * assumed design effect, see DEFF). Targets come from each unit's April value of the year.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "csv-parse/sync";
// The traffic-light rule of the reports themselves, for the summary this script prints: run
// `npm run build` first (`npm run demo` does).
import { computeStatus } from "../dist/compute/computeStatus.js";
import { roundToDisplay } from "../dist/locale/format.js";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const OUT = path.join(ROOT, "fixtures", "demo");
const SEED = "semaforo-demo-2026";

// ---------------------------------------------------------------------------------------------
// Random numbers
// ---------------------------------------------------------------------------------------------

function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a, 32 bits. */
function hash32(text) {
  let h = 0x811c9dc5;
  for (let k = 0; k < text.length; k++) {
    h ^= text.charCodeAt(k);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** A generator for one named purpose, e.g. rng("visits", "150102", "2026-10"). */
function rng(...keys) {
  const next = mulberry32(hash32([SEED, ...keys].join("|")));
  const r = {
    next,
    uniform: (lo, hi) => lo + (hi - lo) * next(),
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    normal: (mean = 0, sd = 1) => {
      const u = 1 - next();
      const v = next();
      return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    },
    bernoulli: (p) => (next() < p ? 1 : 0),
    pick: (list) => list[Math.floor(next() * list.length)],
    binomial: (n, p) => {
      if (n <= 40) {
        let k = 0;
        for (let j = 0; j < n; j++) k += next() < p ? 1 : 0;
        return k;
      }
      const k = Math.round(n * p + Math.sqrt(n * p * (1 - p)) * r.normal());
      return Math.min(n, Math.max(0, k));
    },
    /** k distinct items, in random order. */
    sample: (list, k) =>
      list
        .map((item) => ({ item, key: next() }))
        .sort((a, b) => a.key - b.key)
        .slice(0, k)
        .map((x) => x.item),
  };
  return r;
}

const logistic = (x) => 1 / (1 + Math.exp(-x));
const logit = (p) => Math.log(p / (1 - p));
const round1 = (x) => Math.round(x * 10) / 10;
const fixed1 = (x) => round1(x).toFixed(1);
const clamp = (x, lo, hi) => Math.min(hi, Math.max(lo, x));

// ---------------------------------------------------------------------------------------------
// Catalogue, periods, units
// ---------------------------------------------------------------------------------------------

const INDICATORS = [
  {
    id: "asistencia-directores",
    label: { es: "Asistencia de directores", en: "Principal attendance" },
    category: "asistencia",
    better: "higher",
    unit: "percent",
  },
  {
    id: "asistencia-docentes",
    label: { es: "Asistencia de docentes", en: "Teacher attendance" },
    category: "asistencia",
    better: "higher",
    unit: "percent",
  },
  {
    id: "asistencia-estudiantes",
    label: { es: "Asistencia de estudiantes", en: "Student attendance" },
    category: "asistencia",
    better: "higher",
    unit: "percent",
  },
  {
    id: "horas-clase",
    label: { es: "Cumplimiento de horas de clase", en: "Class hours delivered" },
    category: "tiempo",
    better: "higher",
    unit: "percent",
  },
  {
    id: "materiales",
    label: { es: "Materiales educativos", en: "Educational materials" },
    category: "condiciones",
    better: "higher",
    unit: "percent",
  },
  {
    id: "servicios-basicos",
    label: {
      es: "Servicios básicos (agua, luz y desagüe)",
      en: "Basic services (water, electricity and sanitation)",
    },
    category: "condiciones",
    better: "higher",
    unit: "percent",
  },
  {
    id: "mantenimiento",
    label: { es: "Mantenimiento del local", en: "School building maintenance" },
    category: "condiciones",
    better: "higher",
    unit: "percent",
  },
];
const IDS = INDICATORS.map((i) => i.id);
const BETTER = new Map(INDICATORS.map((i) => [i.id, i.better]));
/** dataset.json `thresholds`: the rule's knobs, also used for the printed summary. */
const THRESHOLDS = { minSchools: 5, maxCv: 15, amberBand: 5, fallAlert: 5 };

/** Model parameters per indicator (logit scale). */
const MODEL = {
  "asistencia-directores": { base: 2.3, rural: -0.35, trend: 0.012, districtSd: 0.25 },
  "asistencia-docentes": { base: 2.7, rural: -0.35, trend: 0.015, districtSd: 0.2, schoolSd: 0.55 },
  "asistencia-estudiantes": { base: 2.15, rural: -0.3, trend: 0.015, districtSd: 0.2, schoolSd: 0.45 },
  "horas-clase": { base: 1.55, rural: -0.45, trend: 0.015, districtSd: 0.25 },
  materiales: { base: 1.25, rural: -0.9, trend: 0.02, districtSd: 0.3 },
  "servicios-basicos": { base: 1.1, rural: -1.2, trend: 0.012, districtSd: 0.3 },
  mantenimiento: { base: 0.75, rural: -0.5, trend: 0.02, districtSd: 0.3 },
};

const PERIODS = [
  ...["04", "05", "06", "07", "08", "09", "10", "11"].map((m) => `2025-${m}`),
  ...["03", "04", "05", "06", "07", "08", "09", "10"].map((m) => `2026-${m}`),
];
const LAST = "2026-10";
const PREV = "2026-09";
/** Months whose school-level rows go into schools.csv (reduced if the file gets too big). */
const SCHOOL_MONTHS = ["2026-10"];
/** Planned visits a month; months with small samples or gaps bring the total to about 5,000. */
const VISITS_PER_MONTH = 5250;
/** Teachers' strike: these regions have no rows at all in that month. */
const STRIKE = { period: "2026-06", regions: ["080000", "210000", "050000"] };
/** This region gets no targets of its own (nor its districts): the national fallback is used. */
const REGION_WITHOUT_TARGETS = "240000";
/** Districts with no visit in the last month (a "no data" alert). */
const NO_DATA_LAST = 3;
/** Design effect assumed for the cv (stratified sample). */
const DEFF = 0.2;

const AMAZON = new Set(["160000", "250000", "170000", "010000", "220000"]);
const ANDEAN = new Set(["030000", "050000", "060000", "080000", "090000", "100000", "190000", "210000"]);
const METRO = new Set(["150101", "070101"]);
const COAST = new Set([
  "040000",
  "110000",
  "130000",
  "140000",
  "150200",
  "180000",
  "200000",
  "230000",
  "240000",
]);
/** Large urban UGELs outside Lima (capital cities). */
const URBAN = new Set([
  "020018",
  "040001",
  "040002",
  "050001",
  "060001",
  "080001",
  "100001",
  "110001",
  "120001",
  "130014",
  "130015",
  "130016",
  "130017",
  "140001",
  "160001",
  "200001",
  "200010",
  "210011",
  "220009",
  "230001",
  "250001",
  "070102",
]);

function readUnits() {
  const rows = parse(fs.readFileSync(path.join(ROOT, "geo", "ugel.csv")), {
    columns: true,
    skip_empty_lines: true,
    bom: true,
  });
  const districts = rows
    .filter((r) => r.codooii !== "070101") // DRE Callao's directly managed area: not a UGEL
    .map((r) => ({
      code: r.codooii,
      name: r.nombre,
      regionCode: r.cod_dre,
      regionName: r.nombre_dre,
      hasPolygon: r.ambito !== "sin_poligono",
    }))
    .sort((a, b) => a.code.localeCompare(b.code));
  const regionMap = new Map();
  for (const d of districts) regionMap.set(d.regionCode, d.regionName);
  const regions = [...regionMap]
    .map(([code, name]) => ({ code, name, districts: districts.filter((d) => d.regionCode === code) }))
    .sort((a, b) => a.code.localeCompare(b.code));
  return { districts, regions };
}

// ---------------------------------------------------------------------------------------------
// Effects
// ---------------------------------------------------------------------------------------------

function regionEffects(region) {
  const r = rng("region-effect", region.code);
  const e = Object.fromEntries(IDS.map((id) => [id, r.normal(0, 0.12)]));
  if (AMAZON.has(region.code)) {
    e["servicios-basicos"] -= 1.1;
    e.materiales -= 0.3;
    e.mantenimiento -= 0.35;
    e["asistencia-estudiantes"] -= 0.2;
    e["horas-clase"] -= 0.15;
  }
  if (ANDEAN.has(region.code)) {
    e.materiales -= 0.35;
    e["servicios-basicos"] -= 0.35;
    e["asistencia-docentes"] -= 0.1;
  }
  if (METRO.has(region.code)) {
    for (const id of IDS) e[id] += 0.3;
    e["servicios-basicos"] += 0.9;
    e.materiales += 0.25;
  }
  if (COAST.has(region.code)) {
    e["servicios-basicos"] += 0.3;
    e.mantenimiento += 0.1;
  }
  return e;
}

function districtProfile(d) {
  const r = rng("district", d.code);
  let rurality;
  if (METRO.has(d.regionCode)) rurality = r.uniform(0, 0.1);
  else if (URBAN.has(d.code)) rurality = r.uniform(0.1, 0.35);
  else rurality = r.uniform(0.45, 1);
  let weight = Math.exp(r.normal(0, 0.45));
  if (d.regionCode === "150101") weight *= 3.6;
  else if (URBAN.has(d.code)) weight *= 1.8;
  if (d.code === "120014") weight *= 0.12; // UGEL Río Ene - Mantaro: few schools reached
  const effects = Object.fromEntries(IDS.map((id) => [id, r.normal(0, MODEL[id].districtSd)]));
  return { rurality, weight, effects };
}

// ---------------------------------------------------------------------------------------------
// Visits per district and month
// ---------------------------------------------------------------------------------------------

function planVisits(districts, profiles) {
  const totalWeight = districts.reduce((s, d) => s + profiles.get(d.code).weight, 0);
  const noDataLast = new Set(
    rng("no-data-last")
      .sample(
        districts.filter((d) => d.code !== "120014" && d.regionCode !== "150101"),
        NO_DATA_LAST,
      )
      .map((d) => d.code),
  );
  /** visits.get(period).get(district) = schools visited (absent = no rows). */
  const visits = new Map();
  for (const period of PERIODS) {
    const month = new Map();
    const pm = rng("month-total", period);
    const total = VISITS_PER_MONTH * (1 + pm.normal(0, 0.03));
    for (const d of districts) {
      const r = rng("visits", d.code, period);
      const isApril = period.endsWith("-04");
      if (period === STRIKE.period && STRIKE.regions.includes(d.regionCode)) continue;
      if (period === LAST && noDataLast.has(d.code)) continue;
      const gap = r.next() < 0.006 && !isApril && period !== LAST && period !== PREV;
      if (gap) continue;
      let n = Math.round(((total * profiles.get(d.code).weight) / totalWeight) * Math.exp(r.normal(0, 0.12)));
      if (!isApril && r.next() < 0.06) n = r.int(1, 4); // inspectors could not reach most schools
      month.set(d.code, Math.max(1, n));
    }
    visits.set(period, month);
  }
  return { visits, noDataLast };
}

// ---------------------------------------------------------------------------------------------
// Scenarios for the last month, so that every alert kind happens
// ---------------------------------------------------------------------------------------------

function planScenarios(districts, visits, noTargets) {
  const eligible = districts.filter(
    (d) =>
      !noTargets.has(d.code) && [LAST, PREV, "2026-08"].every((p) => (visits.get(p).get(d.code) ?? 0) >= 8),
  );
  const r = rng("scenarios");
  const chosen = r.sample(eligible, 24);
  /** shocks.get(`${district}|${indicator}`) = { period: logit shift } */
  const shocks = new Map();
  chosen.forEach((d, k) => {
    const indicator = IDS[(k * 3) % IDS.length];
    const key = `${d.code}|${indicator}`;
    if (k < 8) {
      shocks.set(key, { [LAST]: -1.0 });
    } else if (k < 16) {
      shocks.set(key, { "2026-08": -1.0, [PREV]: -1.0, [LAST]: -1.0 });
    } else {
      shocks.set(key, { [PREV]: -0.9, [LAST]: 0.7 });
    }
  });
  return shocks;
}

// ---------------------------------------------------------------------------------------------
// Schools
// ---------------------------------------------------------------------------------------------

function simulateSchools(d, period, n, probs) {
  const r = rng("schools", d.code, period);
  const schools = [];
  for (let s = 0; s < n; s++) {
    const teachers = r.int(6, 15);
    const students = r.int(80, 300);
    const q = (id) => logistic(logit(probs[id]) + r.normal(0, MODEL[id].schoolSd));
    schools.push({
      "asistencia-directores": { num: r.bernoulli(probs["asistencia-directores"]), den: 1 },
      "asistencia-docentes": { num: r.binomial(teachers, q("asistencia-docentes")), den: teachers },
      "asistencia-estudiantes": { num: r.binomial(students, q("asistencia-estudiantes")), den: students },
      "horas-clase": { num: r.bernoulli(probs["horas-clase"]), den: 1 },
      materiales: { num: r.bernoulli(probs.materiales), den: 1 },
      "servicios-basicos": { num: r.bernoulli(probs["servicios-basicos"]), den: 1 },
      mantenimiento: { num: r.bernoulli(probs.mantenimiento), den: 1 },
    });
  }
  return schools;
}

/** cv in % of the ratio estimator sum(y)/sum(x) over n sampled schools out of about N. */
function ratioCv(items, population) {
  const n = items.length;
  const y = items.reduce((s, it) => s + it.num, 0);
  const x = items.reduce((s, it) => s + it.den, 0);
  if (n < 2 || y === 0) return null;
  const ratio = y / x;
  const xbar = x / n;
  const s2 = items.reduce((s, it) => s + (it.num - ratio * it.den) ** 2, 0) / (n - 1);
  const fpc = Math.max(0, 1 - n / population);
  const variance = (DEFF * fpc * s2) / (n * xbar * xbar);
  return (100 * Math.sqrt(variance)) / ratio;
}

const PATRONS = [
  "José Olaya",
  "Miguel Grau",
  "Francisco Bolognesi",
  "César Vallejo",
  "José María Arguedas",
  "Santa Rosa de Lima",
  "San Martín de Porres",
  "Túpac Amaru",
  "Micaela Bastidas",
  "Ricardo Palma",
  "Jorge Basadre",
  "Inca Garcilaso de la Vega",
  "María Parado de Bellido",
  "Andrés Avelino Cáceres",
  "José Abelardo Quiñones",
  "Virgen de Fátima",
  "Nuestra Señora de Guadalupe",
  "Alfonso Ugarte",
  "Mariscal Castilla",
  "Daniel Alcides Carrión",
  "Sagrado Corazón de Jesús",
  "Juan Pablo II",
  "Los Ángeles",
  "José Carlos Mariátegui",
  "Manuel Gonzales Prada",
  "Simón Bolívar",
  "Fe y Alegría",
  "Santa Ana",
  "San Juan Bautista",
  "Virgen del Carmen",
  "Chabuca Granda",
  "Pedro Ruiz Gallo",
];

function schoolIdentity(r, used) {
  let code;
  do code = String(r.int(200000, 1799999)).padStart(7, "0");
  while (used.has(code));
  used.add(code);
  const kind = r.next();
  let name;
  if (kind < 0.35) name = `IEI ${r.int(100, 1299)}`;
  else if (kind < 0.8) name = `IE ${r.int(10000, 89999)}`;
  else if (kind < 0.94) name = `IE ${r.int(10000, 89999)} ${r.pick(PATRONS)}`;
  else name = `IE ${r.pick(PATRONS)}`;
  return { code, name };
}

// ---------------------------------------------------------------------------------------------
// Results
// ---------------------------------------------------------------------------------------------

function generateResults(districts, regionsByCode, profiles, visits, shocks) {
  const regionEff = new Map([...regionsByCode.values()].map((reg) => [reg.code, regionEffects(reg)]));
  const rows = [];
  const schoolRows = [];
  const usedCodes = new Set();
  PERIODS.forEach((period, t) => {
    const month = Number(period.slice(5));
    for (const d of districts) {
      const n = visits.get(period).get(d.code);
      if (n === undefined) continue;
      const prof = profiles.get(d.code);
      const rm = rng("region-month", d.regionCode, period);
      const dm = rng("district-month", d.code, period);
      const probs = {};
      for (const id of IDS) {
        const m = MODEL[id];
        let x = m.base + regionEff.get(d.regionCode)[id] + prof.rurality * m.rural + prof.effects[id];
        x += m.trend * t;
        // Cold months in the Andes: students and teachers miss more days.
        if (ANDEAN.has(d.regionCode) && (month === 6 || month === 7) && id.startsWith("asistencia-e"))
          x -= 0.25;
        // Back to school after the strike: hours are short in the months that follow.
        if (
          STRIKE.regions.includes(d.regionCode) &&
          id === "horas-clase" &&
          (period === "2026-07" || period === "2026-05")
        )
          x -= 0.35;
        x += rm.normal(0, 0.08) + dm.normal(0, 0.12);
        x += shocks.get(`${d.code}|${id}`)?.[period] ?? 0;
        probs[id] = clamp(logistic(x), 0.01, 0.995);
      }
      const schools = simulateSchools(d, period, n, probs);
      const population = Math.max(n + 1, Math.round(prof.weight * 230));
      for (const id of IDS) {
        const items = schools.map((s) => s[id]);
        const cv = ratioCv(items, population);
        rows.push({
          period,
          district: d.code,
          indicator: id,
          numerator: items.reduce((s, it) => s + it.num, 0),
          denominator: items.reduce((s, it) => s + it.den, 0),
          schools: n,
          cv: cv === null ? "" : fixed1(Math.min(cv, 999.9)),
        });
      }
      if (SCHOOL_MONTHS.includes(period)) {
        const r = rng("school-ids", d.code, period);
        for (const s of schools) {
          const who = schoolIdentity(r, usedCodes);
          // The optional visit-list columns, from their own stream so the figures do not change.
          const f = rng("school-facts", who.code);
          const facts = {
            director: personName(f),
            phone: `9${String(f.int(10000000, 99999999))}`,
            level: f.pick(["Inicial", "Primaria", "Primaria", "Secundaria"]),
            area: f.next() < 0.55 ? "rural" : "urbana",
          };
          for (const id of IDS) {
            const { num, den } = s[id];
            schoolRows.push({
              period,
              district: d.code,
              code: who.code,
              name: who.name,
              indicator: id,
              value: den === 1 ? String(num * 100) : fixed1((100 * num) / den),
              ...facts,
            });
          }
        }
      }
    }
  });
  return { rows, schoolRows };
}

/** Roll up numerators and denominators: key → { num, den, schools }. */
function rollUp(rows, keyOf) {
  const acc = new Map();
  for (const row of rows) {
    const key = keyOf(row);
    if (key === null) continue;
    const a = acc.get(key) ?? { num: 0, den: 0, schools: 0 };
    a.num += row.numerator;
    a.den += row.denominator;
    a.schools += row.schools;
    acc.set(key, a);
  }
  return acc;
}

// ---------------------------------------------------------------------------------------------
// Targets
// ---------------------------------------------------------------------------------------------

function makeTarget(r, level, baselinePct) {
  const baseline = round1(baselinePct);
  // A few points, fewer when there is little room left (attendance near 90 %).
  const room = 100 - baseline;
  const gain =
    level === "national"
      ? clamp(room * r.uniform(0.15, 0.3), 1, 3)
      : clamp(room * r.uniform(0.15, 0.35), 1, 5);
  const target = round1(Math.min(100, baseline + gain));
  const minimum = round1(Math.max(0, target - r.uniform(5, 8)));
  return { baseline, target, minimum };
}

function generateTargets(rows, districts, regions, districtsWithoutTargets) {
  const regionOf = new Map(districts.map((d) => [d.code, d.regionCode]));
  const targets = [];
  for (const year of ["2025", "2026"]) {
    const april = rows.filter((row) => row.period === `${year}-04`);
    const nat = rollUp(april, (row) => row.indicator);
    const reg = rollUp(april, (row) => `${regionOf.get(row.district)}|${row.indicator}`);
    const dis = rollUp(april, (row) => `${row.district}|${row.indicator}`);
    for (const id of IDS) {
      const a = nat.get(id);
      targets.push({
        year,
        level: "national",
        code: "PE",
        indicator: id,
        ...makeTarget(rng("t", year, "PE", id), "national", (100 * a.num) / a.den),
      });
    }
    for (const region of regions) {
      if (region.code === REGION_WITHOUT_TARGETS) continue;
      for (const id of IDS) {
        const a = reg.get(`${region.code}|${id}`);
        targets.push({
          year,
          level: "region",
          code: region.code,
          indicator: id,
          ...makeTarget(rng("t", year, region.code, id), "region", (100 * a.num) / a.den),
        });
      }
    }
    for (const d of districts) {
      if (districtsWithoutTargets.has(d.code)) continue;
      for (const id of IDS) {
        const a = dis.get(`${d.code}|${id}`);
        targets.push({
          year,
          level: "district",
          code: d.code,
          indicator: id,
          ...makeTarget(rng("t", year, d.code, id), "district", (100 * a.num) / a.den),
        });
      }
    }
  }
  return targets;
}

function chooseDistrictsWithoutTargets(districts, visits) {
  const without = new Set();
  for (const d of districts) {
    if (d.regionCode === REGION_WITHOUT_TARGETS) without.add(d.code);
    // No reliable April baseline: the ministry keeps the region's targets.
    else if (["2025-04", "2026-04"].some((p) => (visits.get(p).get(d.code) ?? 0) < 5)) without.add(d.code);
  }
  const others = districts.filter((d) => !without.has(d.code));
  const target = Math.round(districts.length * 0.1) + 3;
  for (const d of rng("no-targets").sample(others, Math.max(0, target - without.size))) without.add(d.code);
  return without;
}

// ---------------------------------------------------------------------------------------------
// Recipients
// ---------------------------------------------------------------------------------------------

const FIRST_NAMES = [
  "Ana",
  "Rosa",
  "María",
  "Carmen",
  "Luz",
  "Elena",
  "Gladys",
  "Norma",
  "Silvia",
  "Patricia",
  "Milagros",
  "Yolanda",
  "Lucía",
  "Flor",
  "Karina",
  "Verónica",
  "Juana",
  "Sonia",
  "Diana",
  "Roxana",
  "Juan",
  "José",
  "Luis",
  "Carlos",
  "Jorge",
  "Víctor",
  "César",
  "Raúl",
  "Walter",
  "Edwin",
  "Percy",
  "Wilber",
  "Hugo",
  "Óscar",
  "Fernando",
  "Julio",
  "Marco",
  "Alberto",
  "Rubén",
  "Iván",
];
const SURNAMES = [
  "Quispe",
  "Mamani",
  "Huamán",
  "Flores",
  "Rodríguez",
  "García",
  "Chávez",
  "Torres",
  "Ramos",
  "Vargas",
  "Castillo",
  "Rojas",
  "Mendoza",
  "Condori",
  "Apaza",
  "Sánchez",
  "Díaz",
  "Gutiérrez",
  "Pérez",
  "Ramírez",
  "Vásquez",
  "Cruz",
  "Espinoza",
  "Reyes",
  "Silva",
  "Huanca",
  "Tito",
  "Choque",
  "Cárdenas",
  "Paredes",
  "Salazar",
  "Vega",
  "Campos",
  "Medina",
  "Aguilar",
  "León",
  "Ríos",
  "Ccori",
  "Villanueva",
  "Zapata",
  "Arévalo",
  "Tapullima",
  "Panduro",
  "Yupanqui",
  "Huayta",
  "Cáceres",
];

function personName(r) {
  let last2;
  const last1 = r.pick(SURNAMES);
  do last2 = r.pick(SURNAMES);
  while (last2 === last1);
  return `${r.pick(FIRST_NAMES)} ${last1} ${last2}`;
}

/** One monitoring contact per unit (contacts.csv): who a report's reader can call. */
function generateContacts(districts, regions) {
  const rows = [];
  const add = (level, code, role, email) => {
    const r = rng("contacts", level, code);
    rows.push({
      level,
      code,
      name: personName(r),
      role,
      email,
      phone: `0${r.int(1, 8)} ${r.int(200000, 999999)}`,
    });
  };
  add("national", "PE", "Coordinación nacional de monitoreo", "monitoreo@minedu.example");
  for (const region of regions)
    add("region", region.code, "Especialista de monitoreo", `monitoreo-${region.code}@dre.example`);
  for (const d of districts)
    add("district", d.code, "Especialista de monitoreo", `monitoreo-${d.code}@ugel.example`);
  return rows;
}

/**
 * Performance commitments for 2026 (commitments.csv), in the shape of the yearly norm: every DRE
 * and UGEL commits on teacher attendance (average of March–November, variable), principal
 * attendance (average of March–October, fixed) and on timely materials (July only, fixed); a third of the UGELs
 * also on student attendance (variable). Amounts in soles, larger for larger units.
 */
const COMMITMENT_PLAN = [
  { indicator: "asistencia-docentes", type: "variable", months: "03-11", share: 0.4 },
  { indicator: "asistencia-directores", type: "fija", months: "03-10", share: 0.35 },
  { indicator: "materiales", type: "fija", months: "07", share: 0.25 },
];

function generateCommitments(districts, regions) {
  const rows = [];
  const add = (level, code, maximum, plan) => {
    for (const c of plan)
      rows.push({
        year: 2026,
        level,
        code,
        indicator: c.indicator,
        type: c.type,
        months: c.months,
        amount: Math.round((maximum * c.share) / 1000) * 1000,
      });
  };
  for (const region of regions) {
    const r = rng("commitments", region.code);
    add("region", region.code, r.int(30, 90) * 10000, COMMITMENT_PLAN);
  }
  for (const d of districts) {
    const r = rng("commitments", d.code);
    const plan = [...COMMITMENT_PLAN];
    if (r.next() < 1 / 3)
      plan.push({ indicator: "asistencia-estudiantes", type: "variable", months: "04-11", share: 0.2 });
    add("district", d.code, r.int(8, 25) * 10000, plan);
  }
  return rows;
}

/** What the enabling team did (support.csv): a few visits to UGELs weak in June 2026. */
const SUPPORT_ACTIONS = [
  "Visita de acompañamiento al especialista de la UGEL y plan de mejora",
  "Taller con directores sobre registro de asistencia",
  "Reunión de seguimiento con la jefatura de gestión pedagógica",
  "Llamada de seguimiento y revisión del plan de mejora",
];

function generateSupport(rows) {
  const june = rows
    .filter((row) => row.period === "2026-06" && row.denominator > 0 && row.schools >= 5)
    .map((row) => ({ ...row, value: row.numerator / row.denominator }));
  const byIndicator = new Map();
  for (const row of june) {
    const list = byIndicator.get(row.indicator) ?? [];
    list.push(row);
    byIndicator.set(row.indicator, list);
  }
  const picked = [];
  for (const id of ["asistencia-docentes", "asistencia-directores", "asistencia-estudiantes"]) {
    const lowest = (byIndicator.get(id) ?? []).sort(
      (a, b) => a.value - b.value || (a.district < b.district ? -1 : 1),
    );
    picked.push(...lowest.slice(0, 4));
  }
  const support = [];
  for (const row of picked) {
    const r = rng("support", row.district, row.indicator);
    const day = r.int(3, 26);
    support.push({
      date: `2026-07-${String(day).padStart(2, "0")}`,
      level: "district",
      code: row.district,
      indicator: row.indicator,
      action: SUPPORT_ACTIONS[0],
    });
    if (r.next() < 0.6)
      support.push({
        date: `2026-0${r.int(8, 9)}-${String(r.int(2, 28)).padStart(2, "0")}`,
        level: "district",
        code: row.district,
        indicator: row.indicator,
        action: r.pick(SUPPORT_ACTIONS.slice(1)),
      });
  }
  return support.sort((a, b) => (a.code + a.indicator + a.date < b.code + b.indicator + b.date ? -1 : 1));
}

function generateRecipients(districts, regions) {
  const rows = [];
  const english = new Set(["PE#2", "150101#0", "160000#0", "150102#0", "080001#0", "250001#0"]);
  const add = (level, code, name, email, k) =>
    rows.push({ level, code, name, email, language: english.has(`${code}#${k}`) ? "en" : "es" });
  const rn = rng("recipients", "PE");
  ["jefatura.monitoreo", "semaforo.analisis", "cooperacion.internacional"].forEach((box, k) =>
    add("national", "PE", personName(rn), `${box}@minedu.example`, k),
  );
  // The enabling team gets its monthly brief (level team, code PE).
  add("team", "PE", personName(rng("recipients", "team")), "equipo.acompanamiento@minedu.example", 0);
  const prefixes = ["", "director.", "monitoreo."];
  for (const region of regions) {
    const r = rng("recipients", region.code);
    const count = r.int(1, 3);
    for (let k = 0; k < count; k++)
      add("region", region.code, personName(r), `${prefixes[k]}dre-${region.code}@dre.example`, k);
  }
  for (const d of districts) {
    const r = rng("recipients", d.code);
    const count = r.int(1, 3);
    for (let k = 0; k < count; k++)
      add("district", d.code, personName(r), `${prefixes[k]}ugel-${d.code}@ugel.example`, k);
  }
  return rows;
}

// --- SMS (issue #25) ---------------------------------------------------------------------------
/**
 * The demo's SMS recipients: the first recipient of each region and district also gets the SMS, on
 * a synthetic Peruvian mobile number (+519 and 8 digits drawn from the unit's own random stream),
 * and dataset.json turns on the school SMS (`sms.schools`: the directors' phones of schools.csv,
 * already 9-digit mobiles). Everything else of the demo is unchanged.
 */
function addDemoPhones(recipients) {
  for (const r of recipients) {
    if (
      (r.level === "region" || r.level === "district") &&
      r.email.startsWith(`${r.level === "region" ? "dre" : "ugel"}-`)
    )
      r.phone = `+519${String(rng("sms-phone", r.code).int(10000000, 99999999))}`;
  }
  return { schools: true };
}
// --- end SMS ---------------------------------------------------------------------------------

// ---------------------------------------------------------------------------------------------
// Good-practice stories (synthetic)
// ---------------------------------------------------------------------------------------------

const STORIES = [
  {
    slug: "registro-asistencia-whatsapp-chucuito",
    district: "210005",
    period: "2026-09",
    indicator: "asistencia-docentes",
    title: "Registro de asistencia docente por WhatsApp en zonas altas",
    body: `En los distritos altos de Chucuito, varias escuelas unidocentes quedan a más de tres horas de la sede de la UGEL y el parte de asistencia llegaba con semanas de retraso. El equipo de monitoreo acordó con los directores un registro diario por mensajería que se consolida cada viernes.

- Grupo de WhatsApp por red educativa, con un responsable que envía el parte a las 8:30.
- Plantilla única de asistencia y foto del cuaderno de firmas al cierre del mes.
- Llamada el mismo día cuando un docente falta dos días seguidos, para saber la causa y cubrir el aula.
- Reconocimiento público a las redes con parte completo en la jornada pedagógica mensual.

En tres meses, la UGEL pasó de conocer la asistencia a fin de mes a conocerla cada semana, y las aulas sin docente se cubren ahora en uno o dos días.`,
    // One story with its English version, so English reports show both cases (translated, and
    // Spanish with a note).
    english: {
      title: "Teacher attendance reported by WhatsApp in the highlands",
      body: `In the high districts of Chucuito, several one-teacher schools are more than three hours from the UGEL office, and attendance reports arrived weeks late. The monitoring team agreed with the principals on a daily report by messaging, consolidated every Friday.

- A WhatsApp group per school network, with one person who sends the report at 8:30.
- One attendance template, and a photo of the signature book at the end of the month.
- A call the same day when a teacher is absent two days running, to learn why and cover the class.
- Public recognition of the networks with complete reports at the monthly teaching day.

In three months the UGEL went from knowing attendance at the end of the month to knowing it every week, and classes without a teacher are now covered within one or two days.`,
    },
  },
  {
    slug: "cisternas-con-el-municipio-nauta",
    district: "160004",
    period: "2026-10",
    indicator: "servicios-basicos",
    title: "Cisternas con el municipio y agua de lluvia segura",
    body: `En Nauta, la vaciante del río dejó a muchas escuelas ribereñas sin agua segura. La UGEL firmó un acuerdo con la municipalidad provincial y con el centro de salud para no cerrar aulas por falta de agua.

- Ruta semanal de cisternas municipales a doce escuelas priorizadas por el monitoreo del mes anterior.
- Tanques de captación de agua de lluvia con filtro, instalados con apoyo de las APAFA.
- Capacitación a los comités de salud escolar en cloración y limpieza de tanques.
- Reporte fotográfico del nivel de los tanques cada lunes.

La medida no reemplaza la conexión a la red, que sigue pendiente, pero permitió mantener los servicios higiénicos en uso durante la temporada seca.`,
  },
  {
    slug: "mesa-de-partes-itinerante-huamanga",
    district: "050001",
    period: "2026-05",
    indicator: "materiales",
    title: "Mesa de partes itinerante para recoger los materiales",
    body: `Cada año, parte de los cuadernos de trabajo se quedaba en el almacén de la UGEL porque los directores rurales no podían viajar a Huamanga para recogerlos y firmar las actas. Este año la UGEL llevó la mesa de partes a las redes educativas.

- Calendario de visitas de una camioneta con dos especialistas y los materiales de cada red.
- Actas de entrega firmadas en el lugar y escaneadas el mismo día.
- Lista de faltantes registrada en una hoja compartida para reponer en la siguiente visita.

A fines de mayo, casi todas las escuelas visitadas tenían sus materiales completos y en uso en el aula.`,
  },
  {
    slug: "alerta-temprana-inasistencia-sjl",
    district: "150106",
    period: "2026-10",
    indicator: "asistencia-estudiantes",
    title: "Alerta temprana de inasistencia con las familias",
    body: `La UGEL 05 detectó en el monitoreo que la inasistencia se concentraba en estudiantes de secundaria que trabajan por las tardes. Con los tutores y las defensorías escolares armó una alerta temprana sencilla.

- Lista semanal de estudiantes con tres o más faltas, generada por cada colegio.
- Llamada del tutor a la familia en las 48 horas siguientes y visita si no hay respuesta.
- Horarios de recuperación los sábados para quienes volvieron después de una ausencia larga.
- Coordinación con la municipalidad para derivar casos de trabajo infantil.

Los colegios que aplicaron la alerta desde agosto muestran menos estudiantes con faltas repetidas en octubre.`,
  },
  {
    slug: "recuperacion-horas-tras-paralizacion-chumbivilcas",
    district: "080007",
    period: "2026-08",
    indicator: "horas-clase",
    title: "Plan de recuperación de horas tras la paralización",
    body: `Después de la paralización de junio, las escuelas de Chumbivilcas tenían semanas de clases perdidas. La UGEL pidió a cada director un plan de recuperación concreto y lo revisó con el monitoreo de cada mes.

- Cronograma de recuperación aprobado por el consejo educativo institucional y publicado en la puerta de la escuela.
- Media hora adicional al día y dos sábados al mes hasta completar las horas.
- Reprogramación de actividades no lectivas fuera del horario de clase.
- Verificación en la visita de monitoreo con el registro de horas de cada aula.

En agosto, la mayoría de las escuelas visitadas ya cumplía las horas del mes y avanzaba en las pendientes.`,
  },
  {
    slug: "jornadas-mantenimiento-apafa-coronel-portillo",
    district: "250001",
    period: "2026-09",
    indicator: "mantenimiento",
    title: "Jornadas de mantenimiento con las APAFA antes de las lluvias",
    body: `En Coronel Portillo, las lluvias de fin de año dañan techos y canaletas. La UGEL adelantó el programa de mantenimiento y lo organizó con las asociaciones de padres y madres de familia.

- Ficha técnica simple para priorizar techos, servicios higiénicos y cableado eléctrico.
- Acompañamiento de un especialista de infraestructura a los comités de mantenimiento.
- Faenas comunales los sábados, con materiales comprados con la asignación de mantenimiento.
- Rendición de cuentas con fotos y boletas en el mural de cada escuela.

Las escuelas monitoreadas en septiembre con el local en buen estado aumentaron respecto del mes anterior.`,
  },
  {
    slug: "agenda-compartida-directores-ayabaca",
    district: "200005",
    period: "2025-09",
    indicator: "asistencia-directores",
    title: "Agenda compartida para que el director esté en la escuela",
    body: `Los directores de Ayabaca pasaban muchos días fuera de sus escuelas atendiendo citaciones y trámites en la sede. La UGEL ordenó su propia agenda para reducir esas salidas.

- Un solo día al mes para reuniones y trámites presenciales de directores, por red educativa.
- Trámites de rutina recibidos por correo electrónico o a través del coordinador de red.
- Publicación semanal de las actividades de la UGEL que requieren a los directores, con una semana de anticipación.

Con menos citaciones, la presencia del director en el día de la visita de monitoreo mejoró de forma visible entre agosto y septiembre.`,
  },
  {
    slug: "paneles-solares-angaraes",
    district: "090003",
    period: "2025-11",
    indicator: "servicios-basicos",
    title: "Energía solar para escuelas sin red eléctrica",
    body: `En Angaraes, varias escuelas de altura no tienen conexión a la red eléctrica. La UGEL levantó con el monitoreo la lista de locales sin luz y gestionó con el gobierno regional y una empresa eléctrica la instalación de sistemas fotovoltaicos.

- Inventario de escuelas sin electricidad con coordenadas y número de aulas.
- Priorización de las escuelas con más estudiantes y con aulas de innovación.
- Capacitación a un docente por escuela para el cuidado de las baterías.
- Registro del estado de los equipos en cada visita de monitoreo.

Al cierre del año, las escuelas intervenidas contaban con luz en sus aulas y podían usar las computadoras portátiles entregadas.`,
  },
  {
    slug: "ruta-de-distribucion-otuzco",
    district: "130007",
    period: "2026-04",
    indicator: "materiales",
    title: "Ruta de distribución de materiales con la municipalidad",
    body: `Las escuelas más alejadas de Otuzco recibían los materiales educativos recién a mitad de año. En 2026, la UGEL planificó la distribución por rutas y pidió apoyo logístico a la municipalidad provincial.

- Mapa de rutas por cuenca, con puntos de acopio en los centros poblados.
- Vehículos municipales los fines de semana de marzo para llevar los materiales a los puntos de acopio.
- Directores que recogen los materiales en el punto más cercano, con acta firmada.
- Seguimiento del uso de los cuadernos en la primera visita de monitoreo.

En abril, las escuelas visitadas ya tenían los materiales en las aulas desde el inicio del año escolar.`,
  },
  {
    slug: "transporte-fluvial-escolar-condorcanqui",
    district: "010004",
    period: "2026-07",
    indicator: "asistencia-estudiantes",
    title: "Transporte fluvial escolar en comunidades awajún",
    body: `En Condorcanqui, muchos estudiantes de secundaria viven en comunidades awajún a orillas del río y dejaban de asistir cuando no había quien los llevara en bote. La UGEL, junto con las comunidades y la municipalidad, organizó un transporte escolar fluvial.

- Dos botes con motor y chalecos salvavidas, a cargo de pobladores capacitados.
- Horario fijo de ida y vuelta acordado en asamblea comunal.
- Registro diario de estudiantes transportados, cruzado con la asistencia del colegio.
- Docentes bilingües que comunican a las familias los cambios de horario en su lengua.

La asistencia de los estudiantes de las comunidades atendidas subió de manera sostenida desde mayo.`,
  },
  {
    slug: "fichas-de-mantenimiento-en-linea-ica",
    district: "110001",
    period: "2025-08",
    indicator: "mantenimiento",
    title: "Fichas de mantenimiento en línea y visitas de verificación",
    body: `La UGEL Ica tenía informes de mantenimiento en papel que llegaban incompletos y tarde. Este año los directores reportaron el avance de las obras en un formulario en línea y la UGEL verificó una muestra.

- Formulario con fotos del antes y después de cada acción de mantenimiento.
- Tablero semanal con las escuelas que aún no iniciaban sus trabajos.
- Visitas de verificación a las escuelas con mayor asignación o con reportes dudosos.

Con la información al día, la UGEL pudo apoyar a tiempo a las escuelas que se retrasaban.`,
  },
  {
    slug: "control-de-horas-con-el-conei-tacna",
    district: "230001",
    period: "2026-10",
    indicator: "horas-clase",
    title: "Control de horas de clase con el consejo escolar",
    body: `En Tacna, el monitoreo mostraba horas de clase perdidas por actuaciones, desfiles y reuniones en horario lectivo. La UGEL propuso que cada consejo educativo institucional revisara el uso del tiempo una vez al mes.

- Calendario de actividades cívicas y culturales fuera del horario de clase.
- Registro de horas efectivas por aula, firmado por el docente y el director.
- Revisión mensual del registro por el CONEI y acuerdos de recuperación cuando faltan horas.
- Comunicación a las familias de las fechas de recuperación.

En octubre, casi todas las escuelas visitadas cumplieron las horas previstas del mes.`,
  },
  {
    slug: "acompanamiento-docentes-nuevos-chota",
    district: "060004",
    period: "2026-06",
    indicator: "asistencia-docentes",
    title: "Acompañamiento a docentes recién contratados",
    body: `Muchos docentes contratados en Chota llegan de otras provincias y faltan más en sus primeros meses por viajes y trámites. La UGEL organizó un acompañamiento para los recién llegados.

- Reunión de bienvenida con información de transporte, vivienda y trámites de pago.
- Un docente mentor de la misma red para resolver dudas durante el primer trimestre.
- Trámites de contrato y pago atendidos en la red educativa, sin viajar a la sede.
- Seguimiento de la asistencia de los nuevos docentes en el monitoreo mensual.

La asistencia de los docentes nuevos se acercó a la del resto en junio.`,
  },
  {
    slug: "encargaturas-a-tiempo-satipo",
    district: "120007",
    period: "2026-10",
    indicator: "asistencia-directores",
    title: "Encargaturas de dirección cubiertas a tiempo",
    body: `En Satipo, varias escuelas pasaban semanas sin director cuando el titular renunciaba o pedía licencia. La UGEL redujo ese tiempo con un procedimiento más simple para encargar la dirección.

- Lista de docentes con perfil para asumir la dirección en cada red educativa, actualizada cada trimestre.
- Resolución de encargatura emitida en menos de diez días hábiles.
- Inducción corta al director encargado sobre gestión escolar y registro de asistencia.

En octubre, las escuelas visitadas tenían director presente en casi todos los casos, incluidas las de las comunidades más alejadas.`,
  },
  {
    slug: "agua-para-colegios-ventanilla",
    district: "070102",
    period: "2026-09",
    indicator: "servicios-basicos",
    title: "Agua para los colegios de los asentamientos humanos",
    body: `En Ventanilla, colegios de asentamientos humanos recientes aún no tienen conexión de agua y dependen de camiones cisterna. La UGEL coordinó con la municipalidad distrital y la empresa de agua un abastecimiento programado.

- Padrón de colegios sin conexión, con la capacidad de sus tanques.
- Horario de abastecimiento en días de clase, antes del ingreso de los estudiantes.
- Limpieza y desinfección de tanques cada tres meses, a cargo de la municipalidad.
- Expedientes de conexión definitiva presentados con la empresa de agua.

Mientras llegan las conexiones, los servicios higiénicos de estos colegios se mantuvieron operativos.`,
  },
];

function storyFile(story) {
  const front = [
    "---",
    `district: "${story.district}"`,
    `period: "${story.period}"`,
    `indicator: "${story.indicator}"`,
    `title: "${story.title}"`,
    ...(story.english ? [`title_en: "${story.english.title}"`] : []),
    "---",
  ].join("\n");
  const spanish = `${front}\n\n${story.body}\n\n_Historia sintética para demostración._\n`;
  return story.english
    ? `${spanish}\n<!-- en -->\n\n${story.english.body}\n\n_Synthetic story for the demo._\n`
    : spanish;
}

// ---------------------------------------------------------------------------------------------
// Output
// ---------------------------------------------------------------------------------------------

function csvField(value) {
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function csv(header, rows) {
  return [header, ...rows].map((r) => r.map(csvField).join(",")).join("\n") + "\n";
}

function writeFile(rel, content) {
  const file = path.join(OUT, rel);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
}

/** The status the reports will show: the project's rule (compute/computeStatus) on the generated figures. */
function statusOf(value, schools, cv, t, better) {
  return computeStatus({
    shown: roundToDisplay(value),
    schools,
    cv: cv === "" ? null : Number(cv),
    targets: t
      ? { target: t.target, baseline: t.baseline, minimum: t.minimum, source: t.level }
      : { target: null, baseline: null, minimum: null, source: "none" },
    better,
    thresholds: THRESHOLDS,
  }).status;
}

function main() {
  const { districts, regions } = readUnits();
  const regionsByCode = new Map(regions.map((r) => [r.code, r]));
  const profiles = new Map(districts.map((d) => [d.code, districtProfile(d)]));
  const { visits, noDataLast } = planVisits(districts, profiles);
  const withoutTargets = chooseDistrictsWithoutTargets(districts, visits);
  const shocks = planScenarios(districts, visits, withoutTargets);
  const { rows, schoolRows } = generateResults(districts, regionsByCode, profiles, visits, shocks);
  const targets = generateTargets(rows, districts, regions, withoutTargets);
  const recipients = generateRecipients(districts, regions);
  const sms = addDemoPhones(recipients);
  const contacts = generateContacts(districts, regions);
  const commitments = generateCommitments(districts, regions);
  const support = generateSupport(rows);

  for (const s of STORIES) {
    const words = s.body.split(/\s+/).filter(Boolean).length;
    if (words < 80 || words > 200) throw new Error(`story ${s.slug}: ${words} words`);
    if (
      !districts.some((d) => d.code === s.district) ||
      !PERIODS.includes(s.period) ||
      !IDS.includes(s.indicator)
    )
      throw new Error(`story ${s.slug}: bad front matter`);
  }

  // Figures for the summary and the README.
  const visitsPerMonth = PERIODS.map((p) => [...visits.get(p).values()].reduce((a, b) => a + b, 0));
  const districtMonths = PERIODS.reduce((s, p) => s + visits.get(p).size, 0);
  const referentialMonths = PERIODS.reduce(
    (s, p) => s + [...visits.get(p).values()].filter((n) => n < 5).length,
    0,
  );
  const highCvRows = rows.filter((r) => r.schools >= 5 && r.cv !== "" && Number(r.cv) > 15).length;
  const national = rollUp(
    rows.filter((r) => r.period === LAST),
    (r) => r.indicator,
  );
  const nationalLast = IDS.map(
    (id) => `${id} ${fixed1((100 * national.get(id).num) / national.get(id).den)}`,
  );

  // Alert kinds in the last month (district level, own or inherited targets).
  const tIndex = new Map(targets.map((t) => [`${t.year}|${t.level}|${t.code}|${t.indicator}`, t]));
  const targetFor = (d, id, year) =>
    tIndex.get(`${year}|district|${d.code}|${id}`) ??
    tIndex.get(`${year}|region|${d.regionCode}|${id}`) ??
    tIndex.get(`${year}|national|PE|${id}`);
  const byKey = new Map(rows.map((r) => [`${r.period}|${r.district}|${r.indicator}`, r]));
  const statusAt = (d, id, period) => {
    const r = byKey.get(`${period}|${d.code}|${id}`);
    if (!r) return "no-data";
    return statusOf(
      (100 * r.numerator) / r.denominator,
      r.schools,
      r.cv,
      targetFor(d, id, period.slice(0, 4)),
      BETTER.get(id),
    );
  };
  const alerts = {
    fell: 0,
    "red-streak": 0,
    "turned-green": 0,
    red: 0,
    referential: 0,
    "no-data": noDataLast.size,
  };
  const statusCounts = { green: 0, amber: 0, red: 0, referential: 0 };
  for (const d of districts) {
    for (const id of IDS) {
      const now = byKey.get(`${LAST}|${d.code}|${id}`);
      const before = byKey.get(`${PREV}|${d.code}|${id}`);
      if (!now) continue;
      const s = statusAt(d, id, LAST);
      statusCounts[s]++;
      if (s === "red") alerts.red++;
      if (s === "referential") alerts.referential++;
      if (before && s !== "referential" && statusAt(d, id, PREV) !== "referential") {
        const change =
          (100 * now.numerator) / now.denominator - (100 * before.numerator) / before.denominator;
        if (change <= -5) alerts.fell++;
        if (s === "green" && statusAt(d, id, PREV) !== "green") alerts["turned-green"]++;
      }
      if (["2026-08", PREV, LAST].every((p) => statusAt(d, id, p) === "red")) alerts["red-streak"]++;
    }
  }

  // Write.
  fs.rmSync(OUT, { recursive: true, force: true });
  const dataset = {
    name: "Demo — Semáforo Escuela",
    description:
      "Datos sintéticos para demostración: las cifras, los nombres de personas, las direcciones de correo, " +
      "las escuelas y las buenas prácticas son inventados por scripts/make-demo.js. Solo los códigos y nombres " +
      "de DRE/GRE y UGEL y los límites del mapa son reales. Synthetic demo data: the figures are not real.",
    synthetic: true,
    // Stated in the open data that `semaforo publish` writes (datapackage.json, "about the data").
    license: {
      name: "CC-BY-4.0",
      title: "Creative Commons Atribución 4.0 Internacional",
      path: "https://creativecommons.org/licenses/by/4.0/",
    },
    source: {
      title:
        "Datos sintéticos generados por scripts/make-demo.js (Semáforo Reports); códigos y límites: INEI, IGN, MINEDU",
    },
    geo: { file: "geo/peru.topojson", regions: "dre", districts: "ugel" },
    email: {
      from: "semaforo@minedu.example",
      fromName: "Semáforo Escuela – MINEDU",
      replyTo: "monitoreo@minedu.example",
    },
    csv: { delimiter: ",", decimal: ".", encoding: "utf8" },
    thresholds: THRESHOLDS,
    sms,
  };
  writeFile("dataset.json", JSON.stringify(dataset, null, 2) + "\n");
  writeFile("indicators.json", JSON.stringify(INDICATORS, null, 2) + "\n");
  writeFile(
    "units.csv",
    csv(
      ["district_code", "district_name", "region_code", "region_name"],
      districts.map((d) => [d.code, d.name, d.regionCode, d.regionName]),
    ),
  );
  writeFile(
    "results.csv",
    csv(
      ["period", "district_code", "indicator", "numerator", "denominator", "schools", "cv"],
      rows.map((r) => [r.period, r.district, r.indicator, r.numerator, r.denominator, r.schools, r.cv]),
    ),
  );
  writeFile(
    "targets.csv",
    csv(
      ["year", "level", "code", "indicator", "target", "baseline", "minimum"],
      targets.map((t) => [
        t.year,
        t.level,
        t.code,
        t.indicator,
        fixed1(t.target),
        fixed1(t.baseline),
        fixed1(t.minimum),
      ]),
    ),
  );
  writeFile(
    "recipients.csv",
    csv(
      ["level", "code", "name", "email", "language", "phone"],
      recipients.map((r) => [r.level, r.code, r.name, r.email, r.language, r.phone ?? ""]),
    ),
  );
  writeFile(
    "schools.csv",
    csv(
      [
        "period",
        "district_code",
        "school_code",
        "school_name",
        "indicator",
        "value",
        "director",
        "phone",
        "school_level",
        "area",
      ],
      schoolRows.map((s) => [
        s.period,
        s.district,
        s.code,
        s.name,
        s.indicator,
        s.value,
        s.director,
        s.phone,
        s.level,
        s.area,
      ]),
    ),
  );
  writeFile(
    "contacts.csv",
    csv(
      ["level", "code", "name", "role", "email", "phone"],
      contacts.map((c) => [c.level, c.code, c.name, c.role, c.email, c.phone]),
    ),
  );
  writeFile(
    "commitments.csv",
    csv(
      ["year", "level", "code", "indicator", "type", "months", "amount"],
      commitments.map((c) => [c.year, c.level, c.code, c.indicator, c.type, c.months, c.amount]),
    ),
  );
  writeFile(
    "support.csv",
    csv(
      ["date", "level", "code", "indicator", "action"],
      support.map((a) => [a.date, a.level, a.code, a.indicator, a.action]),
    ),
  );
  for (const s of STORIES) writeFile(path.join("good-practices", `${s.slug}.md`), storyFile(s));

  const facts = {
    regions: regions.length,
    districts: districts.length,
    noPolygon: districts.filter((d) => !d.hasPolygon).map((d) => d.code),
    periods: PERIODS.length,
    results: rows.length,
    targets: targets.length,
    recipients: recipients.length,
    commitments: commitments.length,
    support: support.length,
    english: recipients.filter((r) => r.language === "en").length,
    stories: STORIES.length,
    schoolRows: schoolRows.length,
    schools: schoolRows.length / IDS.length,
    visitsMin: Math.min(...visitsPerMonth),
    visitsMax: Math.max(...visitsPerMonth),
    visitsMinOther: Math.min(...visitsPerMonth.filter((_, k) => PERIODS[k] !== STRIKE.period)),
    referentialShare: (100 * referentialMonths) / districtMonths,
    highCvShare: (100 * highCvRows) / rows.length,
    withoutTargets: withoutTargets.size,
    /** "080000 DRE CUSCO" for a region or district code. */
    label: (code) =>
      `${code} ${regionsByCode.get(code)?.name ?? districts.find((d) => d.code === code)?.name ?? ""}`.trim(),
    noDataLast: [...noDataLast].sort(),
  };
  writeFile("README.md", readme(facts));

  console.log(
    `fixtures/demo: ${facts.districts} districts in ${facts.regions} regions, ${facts.periods} months, ` +
      `${facts.results} results (${facts.visitsMin}–${facts.visitsMax} visits/month, ` +
      `${facts.referentialShare.toFixed(1)}% district-months <5 schools, ${facts.highCvShare.toFixed(1)}% rows cv>15), ` +
      `${facts.targets} targets, ${facts.recipients} recipients, ${facts.stories} stories, ${facts.schoolRows} school rows; ` +
      `${LAST}: ${nationalLast.join(", ")}; statuses ${JSON.stringify(statusCounts)}; alerts ${JSON.stringify(alerts)}`,
  );
}

function readme(f) {
  const months = `${PERIODS[0]} … 2025-11, 2026-03 … ${LAST}`;
  return `# Demo dataset — Semáforo Escuela (datos sintéticos)

## Español

**Todas las cifras de este conjunto de datos son sintéticas.** También son inventados los nombres de
las personas, las direcciones de correo (dominios \`.example\`), las escuelas y las historias de
buenas prácticas. Solo son reales los códigos y nombres de las ${f.regions} DRE/GRE y ${f.districts} UGEL
(de \`geo/ugel.csv\`) y los límites del mapa (\`geo/peru.topojson\`). No use estas cifras para
describir el sistema educativo peruano.

Regenerar (determinista, sobrescribe esta carpeta): \`npm run demo\` (ejecuta \`scripts/make-demo.js\`).

Contenido:

| archivo | contenido |
| --- | --- |
| \`dataset.json\` | nombre, \`synthetic: true\`, mapa \`geo/peru.topojson\` (objetos \`dre\` y \`ugel\`), remitente |
| \`indicators.json\` | los 7 indicadores del Semáforo Escuela |
| \`units.csv\` | ${f.districts} UGEL en ${f.regions} DRE/GRE (sin el ámbito de gestión directa de la DRE Callao) |
| \`results.csv\` | ${f.results} filas: ${f.periods} meses escolares (${months}), unas 5 000 visitas al mes (${f.visitsMinOther}–${f.visitsMax}; ${f.visitsMin} en el mes de huelga) |
| \`targets.csv\` | ${f.targets} metas 2025 y 2026 (nacional, regional y por UGEL, desde la línea de base de abril) |
| \`recipients.csv\` | ${f.recipients} destinatarios (1–3 por unidad; ${f.english} en inglés) |
| \`good-practices/\` | ${f.stories} historias de buenas prácticas |
| \`schools.csv\` | ${f.schoolRows} filas: ${f.schools} escuelas visitadas en ${SCHOOL_MONTHS.join(", ")}, con director, teléfono, nivel y área (sintéticos) |
| \`contacts.csv\` | un contacto de monitoreo por unidad (sintético) |
| \`commitments.csv\` | ${f.commitments} compromisos de desempeño 2026 (sintéticos): cada DRE y UGEL en asistencia docente (variable, promedio marzo–noviembre) y de directores (fija, marzo–octubre), y materiales a tiempo (julio, fija); un tercio de las UGEL también en asistencia de estudiantes |
| \`support.csv\` | ${f.support} acciones del equipo de acompañamiento (jul.–set. 2026) en UGEL débiles en junio |

Situaciones incluidas a propósito: una huelga en ${STRIKE.period} (sin datos de ${STRIKE.regions.map(f.label).join(", ")}),
UGEL que visitan solo 1–4 escuelas en un mes (${f.referentialShare.toFixed(1).replace(".", ",")} % de los meses-UGEL),
filas con \`cv\` mayor que 15 (${f.highCvShare.toFixed(1).replace(".", ",")} % de las filas), ${f.noDataLast.length} UGEL sin visitas en ${LAST}
(${f.noDataLast.map(f.label).join(", ")}), caídas de 5 puntos o más, semáforos rojos tres meses seguidos y UGEL
que pasan a verde en ${LAST}; ${f.withoutTargets} UGEL sin metas propias (usan las de su región) y la
región ${f.label(REGION_WITHOUT_TARGETS)} sin metas (usa las nacionales). La UGEL ${f.noPolygon.map(f.label).join(", ")} no tiene polígono en el mapa.

## English

**All figures in this dataset are synthetic**, and so are the people's names, the e-mail addresses
(\`.example\` domains), the schools and the good-practice stories. Only the codes and names of the
${f.regions} regional authorities (DRE/GRE) and ${f.districts} districts (UGEL) and the map boundaries are real.

Regenerate (deterministic, overwrites this folder): \`npm run demo\`.

What is in it: ${f.periods} school months (${months}); about 5,000 school visits a month
(${f.visitsMinOther}–${f.visitsMax}; ${f.visitsMin} in the strike month) spread by district size; ${f.results} result rows for 7 indicators; ${f.targets}
targets for 2025 and 2026 set from each unit's April baseline; ${f.recipients} recipients; ${f.stories}
good-practice stories in Spanish; ${f.schoolRows} school-level rows for ${SCHOOL_MONTHS.join(", ")}.
Built in: a teachers' strike in ${STRIKE.period} (no rows for ${STRIKE.regions.map(f.label).join(", ")}), small samples,
high \`cv\`, districts without a visit in ${LAST}, falls, red streaks and districts turning green in
${LAST}, districts and one region without their own targets (fallback), and a district without a
polygon (${f.noPolygon.map(f.label).join(", ")}).

How the figures are made: per district, indicator and month a probability combines a national
level, regional effects (Amazon regions lower on basic services, rural districts lower on
materials, Lima and Callao higher), a mild upward trend and monthly noise; each visited school is
then simulated and summed. \`cv\` is the coefficient of variation of the ratio estimator over the
visited schools, with a finite population correction and an assumed design effect of ${DEFF}
(a stratified sample; chosen so that most district estimates are precise enough to be coloured)
(empty when it is undefined: fewer than two schools, or a value of zero).
`;
}

main();
