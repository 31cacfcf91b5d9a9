import { describe, expect, it } from "@jest/globals";
import { createSemaphore } from "../../src/pdf/createSemaphore.js";

describe("createSemaphore", () => {
  it("runs at most `count` tasks at once, the others in the order they came, and frees a slot on failure", async () => {
    const slots = createSemaphore(2);
    let running = 0;
    let most = 0;
    const started: number[] = [];
    const task = (i: number) =>
      slots.use(async () => {
        started.push(i);
        running++;
        most = Math.max(most, running);
        await new Promise((resolve) => setTimeout(resolve, 5));
        running--;
        if (i === 1) throw new Error("task 1 failed");
        return i;
      });
    const results = await Promise.allSettled([0, 1, 2, 3, 4].map(task));
    expect(most).toBe(2);
    expect(started).toEqual([0, 1, 2, 3, 4]);
    expect(results.map((r) => (r.status === "fulfilled" ? r.value : "failed"))).toEqual([
      0,
      "failed",
      2,
      3,
      4,
    ]);
  });

  it("takes at least one slot", async () => {
    expect(await createSemaphore(0).use(() => Promise.resolve("ran"))).toBe("ran");
  });
});
