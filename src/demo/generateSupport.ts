import type { Result, SupportAction } from "../model.js";
import { THRESHOLDS } from "./demoSettings.js";
import { rng } from "./random.js";

/** What the enabling team did: a first visit, then maybe one follow-up. */
const SUPPORT_ACTIONS: readonly string[] = [
  "Visita de acompañamiento al especialista de la UGEL y plan de mejora",
  "Taller con directores sobre registro de asistencia",
  "Reunión de seguimiento con la jefatura de gestión pedagógica",
  "Llamada de seguimiento y revisión del plan de mejora",
];

/**
 * support.csv: what the enabling team did in July–September 2026 for the UGELs weakest in June —
 * the 4 lowest values of teacher, principal and student attendance among the rows with at least 5
 * schools — a visit in July and, for 60 % of them, a follow-up in August or September.
 */
export function generateSupport(results: Result[]): SupportAction[] {
  const june = results
    .filter((row) => row.period === "2026-06" && row.denominator > 0 && row.schools >= THRESHOLDS.minSchools)
    .map((row) => ({ ...row, value: row.numerator / row.denominator }));
  const byIndicator = new Map<string, typeof june>();
  for (const row of june) {
    const list = byIndicator.get(row.indicator) ?? [];
    list.push(row);
    byIndicator.set(row.indicator, list);
  }
  const picked: typeof june = [];
  for (const id of ["asistencia-docentes", "asistencia-directores", "asistencia-estudiantes"]) {
    const lowest = (byIndicator.get(id) ?? []).sort(
      (a, b) => a.value - b.value || (a.districtCode < b.districtCode ? -1 : 1),
    );
    picked.push(...lowest.slice(0, 4));
  }
  const support: SupportAction[] = [];
  for (const row of picked) {
    const r = rng("support", row.districtCode, row.indicator);
    const day = r.int(3, 26);
    support.push({
      date: `2026-07-${String(day).padStart(2, "0")}`,
      level: "district",
      code: row.districtCode,
      indicator: row.indicator,
      action: SUPPORT_ACTIONS[0] as string,
    });
    if (r.next() < 0.6)
      support.push({
        date: `2026-0${r.int(8, 9)}-${String(r.int(2, 28)).padStart(2, "0")}`,
        level: "district",
        code: row.districtCode,
        indicator: row.indicator,
        action: r.pick(SUPPORT_ACTIONS.slice(1)),
      });
  }
  return support.sort((a, b) => (a.code + a.indicator + a.date < b.code + b.indicator + b.date ? -1 : 1));
}
