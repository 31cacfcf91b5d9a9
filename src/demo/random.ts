import { SEED } from "./demoSettings.js";

/** A seeded stream of random draws for one named purpose. */
export interface Random {
  /** Uniform in [0, 1). */
  next: () => number;
  uniform: (lo: number, hi: number) => number;
  /** An integer in [lo, hi], both included. */
  int: (lo: number, hi: number) => number;
  normal: (mean?: number, sd?: number) => number;
  bernoulli: (p: number) => 0 | 1;
  pick: <T>(list: readonly T[]) => T;
  binomial: (n: number, p: number) => number;
  /** k distinct items, in random order. */
  sample: <T>(list: readonly T[], k: number) => T[];
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a, 32 bits. */
function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let k = 0; k < text.length; k++) {
    h ^= text.charCodeAt(k);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/**
 * A generator for one named purpose, e.g. `rng("visits", "150102", "2026-10")`: a mulberry32
 * stream seeded from SEED and the keys, so changing one part of the model does not reshuffle the rest.
 */
export function rng(...keys: string[]): Random {
  const next = mulberry32(hash32([SEED, ...keys].join("|")));
  const normal = (mean = 0, sd = 1) => {
    const u = 1 - next();
    const v = next();
    return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  };
  return {
    next,
    uniform: (lo, hi) => lo + (hi - lo) * next(),
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    normal,
    bernoulli: (p) => (next() < p ? 1 : 0),
    pick: <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T,
    binomial: (n, p) => {
      if (n <= 40) {
        let k = 0;
        for (let j = 0; j < n; j++) k += next() < p ? 1 : 0;
        return k;
      }
      const k = Math.round(n * p + Math.sqrt(n * p * (1 - p)) * normal());
      return Math.min(n, Math.max(0, k));
    },
    sample: <T>(list: readonly T[], k: number): T[] =>
      list
        .map((item) => ({ item, key: next() }))
        .sort((a, b) => a.key - b.key)
        .slice(0, k)
        .map((x) => x.item),
  };
}

export const logistic = (x: number) => 1 / (1 + Math.exp(-x));
export const logit = (p: number) => Math.log(p / (1 - p));
export const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));
