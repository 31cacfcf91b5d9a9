import { compare } from "../dataset/compare.js";
import { roundToDisplay } from "../locale/format.js";
import type { SeverityScore, TeamPriority } from "../model.js";

/** Points per indicator below the minimum this month. */
export const RED_POINTS = 10;
/** Points per month of a red streak beyond the first. */
export const STREAK_POINTS = 5;
/** Points per winnable commitment. */
export const COMMITMENT_POINTS = 10;
/** Any one indicator's gap, streak or fall counts at most this many points. */
export const PART_CAP = 20;

/** What one weak indicator brings to the score (reliable values only; see buildTeamBrief). */
export interface IndicatorSeverity {
  /** Below the minimum this month (reliable). */
  red: boolean;
  /** Points below the minimum (0 when not red). */
  gap: number;
  /** School months in a row below the minimum, ending this month. */
  redStreak: number;
  /** Points fallen since last school month when at least the alert (else null). */
  fall: number | null;
  winnable: boolean;
}

/**
 * The severity score (docs/decisions.md, "The team's brief"), summed over a unit's weak indicators:
 * 10 per indicator below the minimum + its points below the minimum (≤ 20 each) + 5 per month of
 * its red streak beyond the first (≤ 20 each) + the points of each sharp fall (≤ 20 each) + 10 per
 * winnable commitment. Acute cases (many reds, far below, falling) lead; a commitment alone is 10.
 */
export function scoreUnit(indicators: IndicatorSeverity[]): SeverityScore {
  const cap = (value: number) => Math.min(PART_CAP, Math.max(0, value));
  const sum = (part: (i: IndicatorSeverity) => number) =>
    roundToDisplay(indicators.reduce((total, i) => total + part(i), 0));
  const red = sum((i) => (i.red ? RED_POINTS : 0));
  const gap = sum((i) => (i.red ? cap(i.gap) : 0));
  const streak = sum((i) => cap(STREAK_POINTS * Math.max(0, i.redStreak - 1)));
  const fall = sum((i) => (i.fall === null ? 0 : cap(i.fall)));
  const commitment = sum((i) => (i.winnable ? COMMITMENT_POINTS : 0));
  return {
    red,
    gap,
    streak,
    fall,
    commitment,
    total: roundToDisplay(red + gap + streak + fall + commitment),
  };
}

export interface Scored {
  code: string;
  score: SeverityScore;
  /** Indicators below the minimum this month: the first tie-break. */
  reds: number;
}

/**
 * The support ranking: the higher score first; on equal scores, more indicators below the minimum;
 * then the code, so the order is always the same. Every unit has its own rank (1, 2, 3…); the
 * first `capacity` are "acompañar", the next up to 2 × capacity "observar", the others "resto".
 */
export function buildTeamBriefRanking<S extends Scored>(
  scores: S[],
  capacity: number,
): (S & { rank: number; priority: TeamPriority })[] {
  return [...scores]
    .sort((a, b) => b.score.total - a.score.total || b.reds - a.reds || compare(a.code, b.code))
    .map((score, index) => ({
      ...score,
      rank: index + 1,
      priority: index < capacity ? "acompañar" : index < 3 * capacity ? "observar" : "resto",
    }));
}
