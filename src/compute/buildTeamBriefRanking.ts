import { compare } from "../dataset/compare.js";

export interface SupportScore {
  code: string;
  /** Indicators below the minimum for two or more school months in a row. */
  streaks: number;
  /** Commitments at risk (still reachable). */
  commitmentsAtRisk: number;
  /** Largest worsening since last school month, points (0 when none). */
  worstFall: number;
}

/**
 * The support ranking (docs/decisions.md, "The team's brief"): first the units with more
 * indicators below the minimum two or more months in a row (a lasting problem), then more
 * commitments at risk (money still to win), then the largest fall (a new problem),
 * then the code, so ties always come out in the same order. Ties share a rank.
 */
export function buildTeamBriefRanking<S extends SupportScore>(scores: S[]): (S & { rank: number })[] {
  const sorted = [...scores].sort(
    (a, b) =>
      b.streaks - a.streaks ||
      b.commitmentsAtRisk - a.commitmentsAtRisk ||
      b.worstFall - a.worstFall ||
      compare(a.code, b.code),
  );
  let rank = 0;
  let previous = "";
  return sorted.map((score, index) => {
    const key = `${score.streaks}|${score.commitmentsAtRisk}|${score.worstFall}`;
    if (key !== previous) rank = index + 1;
    previous = key;
    return { ...score, rank };
  });
}
