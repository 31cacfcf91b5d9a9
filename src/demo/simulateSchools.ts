import { DEFF, MODEL, type IndicatorId, type PerIndicator } from "./demoSettings.js";
import { logistic, logit, rng, type Random } from "./random.js";

/** One school's count for one indicator: `num` out of `den` (den 1 for a yes/no). */
export interface Count {
  num: number;
  den: number;
}

/** One visited school: a count per indicator. */
export type SchoolVisit = PerIndicator<Count>;

/**
 * The n schools visited in a district and month, given the month's probability per indicator:
 * principal present, teachers and students present out of those expected, and yes/no for hours,
 * materials, basic services and maintenance.
 */
export function simulateSchools(
  district: string,
  period: string,
  n: number,
  probs: PerIndicator,
): SchoolVisit[] {
  const r = rng("schools", district, period);
  const schools: SchoolVisit[] = [];
  for (let s = 0; s < n; s++) {
    const teachers = r.int(6, 15);
    const students = r.int(80, 300);
    const q = (id: IndicatorId) => logistic(logit(probs[id]) + r.normal(0, MODEL[id].schoolSd));
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

/**
 * cv in % of the ratio estimator sum(y)/sum(x) over n sampled schools out of about `population`,
 * with a finite population correction and the design effect DEFF; null when it is undefined
 * (fewer than two schools, or a sum of zero).
 */
export function ratioCv(items: Count[], population: number): number | null {
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

/** Patron names for school names ("IE 32145 José Olaya"). */
const PATRONS: readonly string[] = [
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

/** A school's synthetic 7-digit code (unique in `used`) and name. */
export function schoolIdentity(r: Random, used: Set<string>): { code: string; name: string } {
  let code: string;
  do code = String(r.int(200000, 1799999)).padStart(7, "0");
  while (used.has(code));
  used.add(code);
  const kind = r.next();
  let name: string;
  if (kind < 0.35) name = `IEI ${r.int(100, 1299)}`;
  else if (kind < 0.8) name = `IE ${r.int(10000, 89999)}`;
  else if (kind < 0.94) name = `IE ${r.int(10000, 89999)} ${r.pick(PATRONS)}`;
  else name = `IE ${r.pick(PATRONS)}`;
  return { code, name };
}
