import { describe, expect, it } from "@jest/globals";
import { runLimited } from "../../src/build/runLimited.js";

describe("runLimited", () => {
  it("keeps input order and at most `limit` calls in flight", async () => {
    let inFlight = 0;
    let most = 0;
    const results = await runLimited([1, 2, 3, 4, 5], 2, async (n) => {
      most = Math.max(most, ++inFlight);
      await Promise.resolve();
      inFlight--;
      return n * 10;
    });
    expect(results).toEqual([10, 20, 30, 40, 50]);
    expect(most).toBe(2);
  });

  it("after an error starts nothing new, lets the calls in flight finish, then throws the first error", async () => {
    const started: number[] = [];
    const finished: number[] = [];
    let release: () => void = () => {};
    const slow = new Promise<void>((resolve) => (release = resolve));
    const run = runLimited([0, 1, 2, 3, 4], 2, async (n) => {
      started.push(n);
      if (n === 0) {
        await slow; // still writing when the other call fails
        finished.push(n);
        return n;
      }
      throw new Error(`disk full at ${n}`);
    });
    let settled = false;
    void run.catch(() => (settled = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(settled).toBe(false); // waits for call 0
    release();
    await expect(run).rejects.toThrow("disk full at 1");
    expect(started).toEqual([0, 1]);
    expect(finished).toEqual([0]);
  });
});
