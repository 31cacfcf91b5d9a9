import { roundToDisplay } from "../locale/format.js";
import type { CommitmentState } from "../model.js";

export interface CommitmentInput {
  type: "fija" | "variable";
  better: "higher" | "lower";
  /**
   * The unit's monthly values in the evaluation months so far; null = no data. They are taken as
   * shown, at one decimal (rounded here if they are not): the rule a reader can check with a
   * calculator from the values the report prints.
   */
  monthly: (number | null)[];
  /** Evaluation months still to come after the report's month. */
  remaining: number;
  target: number | null;
  baseline: number | null;
  minimum: number | null;
  /** Amount assignable for this commitment. */
  amount: number;
}

export interface CommitmentStandingFigures {
  state: CommitmentState;
  /** Average of the monthly values so far, rounded to the display precision; null without data. */
  ytd: number | null;
  /** Share of the way from baseline to target (may leave 0–1); null without baseline or value. */
  progress: number | null;
  /** Average needed in the remaining months to meet the target; null when met or none remain. */
  needed: number | null;
  /** Estimated transfer in soles, whole soles. */
  transfer: number;
}

/**
 * The commitment rule, pure and on numbers only. The year-to-date value is the average of the
 * shown (one-decimal) monthly values so far (months without data do not count, and are not made up). Met: at or
 * past the target. Otherwise the value needed on average in the remaining months is
 * (target × (months with data + remaining) − sum so far) / remaining; out of reach when no month
 * remains or that average is beyond 0–100; at risk when it can still be met.
 * Transfer: fija, the whole amount when met, else nothing; variable, the whole amount when met,
 * nothing unless the value is strictly past the minimum, else amount × progress from the baseline
 * (from the minimum when there is no baseline), kept within 0–1.
 */
export function computeCommitment(input: CommitmentInput): CommitmentStandingFigures {
  const { better, target, remaining } = input;
  const values = input.monthly
    .filter((value): value is number => value !== null)
    .map((value) => roundToDisplay(value));
  if (target === null) return { state: "no-target", ytd: null, progress: null, needed: null, transfer: 0 };
  const sum = values.reduce((total, value) => total + value, 0);
  const ytd = values.length === 0 ? null : roundToDisplay(sum / values.length);
  // Signed so that "more is better" holds for both directions of indicator.
  const sign = better === "higher" ? 1 : -1;
  const past = (value: number, mark: number) => sign * (value - mark) >= 0;
  const neededRaw = remaining > 0 ? (target * (values.length + remaining) - sum) / remaining : null;
  if (ytd === null) {
    return {
      state: "no-data",
      ytd: null,
      progress: null,
      needed: neededRaw === null ? null : roundToDisplay(neededRaw),
      transfer: 0,
    };
  }
  const progress =
    input.baseline === null || input.baseline === target
      ? null
      : (ytd - input.baseline) / (target - input.baseline);
  const met = past(ytd, target);
  const needed = met || neededRaw === null ? null : roundToDisplay(neededRaw);
  const reachable = needed !== null && needed >= 0 && needed <= 100;
  const state: CommitmentState = met ? "met" : reachable ? "at-risk" : "out-of-reach";
  return { state, ytd, progress, needed, transfer: transferOf(input, ytd, met) };
}

function transferOf(input: CommitmentInput, ytd: number, met: boolean): number {
  if (met) return Math.round(input.amount);
  if (input.type === "fija" || input.target === null) return 0;
  const sign = input.better === "higher" ? 1 : -1;
  // The minimum is the value the unit must exceed: at it or short of it, nothing.
  if (input.minimum !== null && sign * (ytd - input.minimum) <= 0) return 0;
  const start = input.baseline ?? input.minimum;
  if (start === null || start === input.target) return 0;
  const share = Math.min(1, Math.max(0, (ytd - start) / (input.target - start)));
  return Math.round(input.amount * share);
}
