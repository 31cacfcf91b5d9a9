/** Runs at most `count` tasks at once; the others wait their turn, first come first served. */
export interface Semaphore {
  use<T>(task: () => Promise<T>): Promise<T>;
}

/** A counting semaphore (`count` is at least 1). */
export function createSemaphore(count: number): Semaphore {
  let free = Math.max(1, count);
  const waiting: (() => void)[] = [];
  const acquire = (): Promise<void> => {
    if (free > 0) {
      free--;
      return Promise.resolve();
    }
    return new Promise((resolve) => waiting.push(resolve));
  };
  const release = (): void => {
    const next = waiting.shift();
    if (next) next();
    else free++;
  };
  return {
    async use(task) {
      await acquire();
      try {
        return await task();
      } finally {
        release();
      }
    },
  };
}
