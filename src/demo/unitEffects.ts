import {
  AMAZON,
  ANDEAN,
  COAST,
  INDICATOR_IDS,
  METRO,
  MODEL,
  URBAN,
  type PerIndicator,
} from "./demoSettings.js";
import { rng } from "./random.js";
import type { DemoDistrict, DemoRegion } from "./readUnits.js";

const perIndicator = (draw: (id: (typeof INDICATOR_IDS)[number]) => number) =>
  Object.fromEntries(INDICATOR_IDS.map((id) => [id, draw(id)])) as PerIndicator;

/**
 * A region's effect per indicator (logit scale): noise, plus Amazon regions lower on basic
 * services, Andean ones lower on materials, Lima and Callao higher, the coast a little higher.
 */
export function regionEffects(region: DemoRegion): PerIndicator {
  const r = rng("region-effect", region.code);
  const e = perIndicator(() => r.normal(0, 0.12));
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
    for (const id of INDICATOR_IDS) e[id] += 0.3;
    e["servicios-basicos"] += 0.9;
    e.materiales += 0.25;
  }
  if (COAST.has(region.code)) {
    e["servicios-basicos"] += 0.3;
    e.mantenimiento += 0.1;
  }
  return e;
}

/** How rural a district is (0–1), its size (share of the visits) and its own effects. */
export interface DistrictProfile {
  rurality: number;
  weight: number;
  effects: PerIndicator;
}

export function districtProfile(d: DemoDistrict): DistrictProfile {
  const r = rng("district", d.code);
  let rurality: number;
  if (METRO.has(d.regionCode)) rurality = r.uniform(0, 0.1);
  else if (URBAN.has(d.code)) rurality = r.uniform(0.1, 0.35);
  else rurality = r.uniform(0.45, 1);
  let weight = Math.exp(r.normal(0, 0.45));
  if (d.regionCode === "150101") weight *= 3.6;
  else if (URBAN.has(d.code)) weight *= 1.8;
  if (d.code === "120014") weight *= 0.12; // UGEL Río Ene - Mantaro: few schools reached
  const effects = perIndicator((id) => r.normal(0, MODEL[id].districtSd));
  return { rurality, weight, effects };
}
