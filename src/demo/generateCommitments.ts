import type { Commitment } from "../model.js";
import { rng } from "./random.js";
import type { DemoUnits } from "./readUnits.js";

/** One row of commitments.csv, as written: the evaluation months as "MM" or "MM-MM". */
export interface DemoCommitmentRow extends Omit<Commitment, "months"> {
  months: string;
}

interface PlannedCommitment {
  indicator: string;
  type: Commitment["type"];
  months: string;
  /** Share of the unit's maximum amount. */
  share: number;
}

const COMMITMENT_PLAN: PlannedCommitment[] = [
  { indicator: "asistencia-docentes", type: "variable", months: "03-11", share: 0.4 },
  { indicator: "asistencia-directores", type: "fija", months: "03-10", share: 0.35 },
  { indicator: "materiales", type: "fija", months: "07", share: 0.25 },
];

/**
 * Performance commitments for 2026 (commitments.csv), in the shape of the yearly norm: every DRE
 * and UGEL commits on teacher attendance (average of March–November, variable), principal
 * attendance (average of March–October, fixed) and on timely materials (July only, fixed); a third
 * of the UGELs also on student attendance (variable). Amounts in soles, larger for larger units.
 */
export function generateCommitments({ districts, regions }: DemoUnits): DemoCommitmentRow[] {
  const rows: DemoCommitmentRow[] = [];
  const add = (level: Commitment["level"], code: string, maximum: number, plan: PlannedCommitment[]) => {
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
