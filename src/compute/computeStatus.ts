import type { ReferentialReason, Status, Thresholds } from "../model.js";
import type { ResolvedTargets } from "./resolveTargets.js";

export interface StatusInput {
  /** The value rounded to the display precision (one decimal); null when there is no data. */
  shown: number | null;
  schools: number;
  /** Coefficient of variation in %, null when unknown (always for roll-ups). */
  cv: number | null;
  targets: ResolvedTargets;
  better: "higher" | "lower";
  thresholds: Thresholds;
}

export interface StatusResult {
  status: Status;
  reason: ReferentialReason | null;
}

/**
 * The traffic-light rule (docs/decisions.md): no-data without a value; referential when fewer than
 * `minSchools` schools were visited, when cv > `maxCv`, or when there is no target; otherwise green at
 * or beyond the target, amber at or beyond the minimum, red past it. "Beyond" means ≥ when higher is
 * better and ≤ when lower is better. Values are compared as shown, rounded to one decimal.
 */
export function computeStatus(input: StatusInput): StatusResult {
  const { shown, schools, cv, targets, better, thresholds } = input;
  if (shown === null) return { status: "no-data", reason: null };
  if (schools < thresholds.minSchools) return { status: "referential", reason: "few-schools" };
  if (cv !== null && cv > thresholds.maxCv) return { status: "referential", reason: "high-cv" };
  if (targets.target === null || targets.minimum === null)
    return { status: "referential", reason: "no-target" };
  const reaches = (limit: number) => (better === "higher" ? shown >= limit : shown <= limit);
  if (reaches(targets.target)) return { status: "green", reason: null };
  if (reaches(targets.minimum)) return { status: "amber", reason: null };
  return { status: "red", reason: null };
}

/** Whether a status counts in rankings and change alerts: a value that is not unreliable. */
export const isReliable = (result: StatusResult) =>
  result.status !== "no-data" && result.reason !== "few-schools" && result.reason !== "high-cv";
