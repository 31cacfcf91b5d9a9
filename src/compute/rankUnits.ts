import { compareNames, roundToDisplay } from "../locale/format.js";

export interface RankInput {
  code: string;
  name: string;
  value: number | null;
  /** False for referential (few schools, high cv) and no-data units: left out of the ranking. */
  rankable: boolean;
}

export interface RankResult {
  /** Rank per code; null for units left out. */
  ranks: Map<string, number | null>;
  /** Ranked codes best first (ties by name, then code), then those left out by name. */
  order: string[];
  ranked: number;
  excluded: number;
}

const byName = (a: RankInput, b: RankInput) =>
  compareNames(a.name, b.name) || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);

/**
 * Competition ranking (1, 2, 2, 4) on values rounded to the display precision, best first:
 * highest first when `better` is "higher", lowest first when "lower".
 */
export function rankUnits(units: RankInput[], better: "higher" | "lower"): RankResult {
  const sign = better === "higher" ? -1 : 1;
  const rankable = units
    .filter((unit) => unit.rankable && unit.value !== null)
    .map((unit) => ({ unit, shown: roundToDisplay(unit.value as number) }));
  rankable.sort((a, b) => sign * (a.shown - b.shown) || byName(a.unit, b.unit));
  const left = units.filter((unit) => !(unit.rankable && unit.value !== null)).sort(byName);

  const ranks = new Map<string, number | null>();
  rankable.forEach((entry, index) => {
    const previous = rankable[index - 1];
    const rank =
      previous && previous.shown === entry.shown ? (ranks.get(previous.unit.code) as number) : index + 1;
    ranks.set(entry.unit.code, rank);
  });
  for (const unit of left) ranks.set(unit.code, null);
  return {
    ranks,
    order: [...rankable.map((entry) => entry.unit.code), ...left.map((unit) => unit.code)],
    ranked: rankable.length,
    excluded: left.length,
  };
}

/** A tie that a shortened list cuts through: `tied` units share `rank`, `shown` of them are listed. */
export interface TieCut {
  rank: number;
  tied: number;
  shown: number;
}

/** How many units share `rank` (0 for a rank nobody holds). */
export function countTied(result: RankResult, rank: number): number {
  let count = 0;
  for (const value of result.ranks.values()) if (value === rank) count += 1;
  return count;
}

/**
 * Whether a list showing only `shown` (codes of ranked units) cuts a tie at its edge — the rank of
 * its last listed unit (`edge`) shared by units left out — and by how much. Null when it does not.
 * Example: 27 UGELs at rank 1, a top 10 → {rank: 1, tied: 27, shown: 10}.
 */
export function tieCut(result: RankResult, shown: string[], edge: string | undefined): TieCut | null {
  const rank = edge === undefined ? null : (result.ranks.get(edge) ?? null);
  if (rank === null) return null;
  const tied = countTied(result, rank);
  const listed = shown.filter((code) => result.ranks.get(code) === rank).length;
  return tied > listed ? { rank, tied, shown: listed } : null;
}
