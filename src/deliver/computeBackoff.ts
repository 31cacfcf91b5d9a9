export interface RetryPolicy {
  /** Hand-overs per delivery in one run, the first included. */
  attempts: number;
  /** Delay before the second attempt, in ms; doubled each time. */
  baseMs: number;
  /** Upper bound of one delay, in ms. */
  maxMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 5, baseMs: 2000, maxMs: 60_000 };

/**
 * Exponential backoff with jitter before attempt `attempt + 1`: between half and all of
 * min(maxMs, baseMs × 2^(attempt−1)). `random` is in [0, 1). Pure.
 */
export function computeBackoff(attempt: number, policy: RetryPolicy, random: number): number {
  const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + (ceiling / 2) * random);
}
