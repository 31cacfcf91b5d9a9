import type { Indicator, Period, Thresholds } from "../model.js";

/**
 * The demo's knobs: the seed, the calendar, the indicators and their model, and the situations
 * built in on purpose (a strike, a region without targets, districts without a visit).
 */

/** Every random draw is seeded from this and a key naming what is drawn (random.ts). */
export const SEED = "semaforo-demo-2026";

export const INDICATOR_IDS = [
  "asistencia-directores",
  "asistencia-docentes",
  "asistencia-estudiantes",
  "horas-clase",
  "materiales",
  "servicios-basicos",
  "mantenimiento",
] as const;
export type IndicatorId = (typeof INDICATOR_IDS)[number];
/** A number per indicator, e.g. a logit-scale effect or a probability. */
export type PerIndicator<T = number> = Record<IndicatorId, T>;

/** indicators.json: the 7 indicators of the Semáforo Escuela, in report order. */
export const DEMO_INDICATORS: (Indicator & { id: IndicatorId })[] = [
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

/** dataset.json `thresholds`: the rule's knobs. */
export const THRESHOLDS: Thresholds = { minSchools: 5, maxCv: 15, amberBand: 5, fallAlert: 5 };

export interface IndicatorModel {
  /** National level, logit scale. */
  base: number;
  /** Shift for a fully rural district. */
  rural: number;
  /** Shift per month of the calendar. */
  trend: number;
  /** Spread of the districts' own effects. */
  districtSd: number;
  /** Spread between schools, for the indicators counted over people (teachers, students). */
  schoolSd?: number;
}

/** Model parameters per indicator (logit scale). */
export const MODEL: PerIndicator<IndicatorModel> = {
  "asistencia-directores": { base: 2.3, rural: -0.35, trend: 0.012, districtSd: 0.25 },
  "asistencia-docentes": { base: 2.7, rural: -0.35, trend: 0.015, districtSd: 0.2, schoolSd: 0.55 },
  "asistencia-estudiantes": { base: 2.15, rural: -0.3, trend: 0.015, districtSd: 0.2, schoolSd: 0.45 },
  "horas-clase": { base: 1.55, rural: -0.45, trend: 0.015, districtSd: 0.25 },
  materiales: { base: 1.25, rural: -0.9, trend: 0.02, districtSd: 0.3 },
  "servicios-basicos": { base: 1.1, rural: -1.2, trend: 0.012, districtSd: 0.3 },
  mantenimiento: { base: 0.75, rural: -0.5, trend: 0.02, districtSd: 0.3 },
};

/** The school months: April–November 2025 and March–October 2026. */
export const PERIODS: Period[] = [
  ...["04", "05", "06", "07", "08", "09", "10", "11"].map((m) => `2025-${m}`),
  ...["03", "04", "05", "06", "07", "08", "09", "10"].map((m) => `2026-${m}`),
];
export const LAST: Period = "2026-10";
export const PREV: Period = "2026-09";
/** Months whose school-level rows go into schools.csv (reduced if the file gets too big). */
export const SCHOOL_MONTHS: Period[] = ["2026-10"];
/** Planned visits a month; months with small samples or gaps bring the total to about 5,000. */
export const VISITS_PER_MONTH = 5250;
/** Teachers' strike: these regions have no rows at all in that month. */
export const STRIKE = { period: "2026-06", regions: ["080000", "210000", "050000"] };
/** This region gets no targets of its own (nor its districts): the national fallback is used. */
export const REGION_WITHOUT_TARGETS = "240000";
/** Districts with no visit in the last month (a "no data" alert). */
export const NO_DATA_LAST = 3;
/** Design effect assumed for the cv (stratified sample). */
export const DEFF = 0.2;

export const AMAZON = new Set(["160000", "250000", "170000", "010000", "220000"]);
export const ANDEAN = new Set([
  "030000",
  "050000",
  "060000",
  "080000",
  "090000",
  "100000",
  "190000",
  "210000",
]);
export const METRO = new Set(["150101", "070101"]);
export const COAST = new Set([
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
export const URBAN = new Set([
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
