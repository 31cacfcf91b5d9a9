import { describe, expect, it } from "@jest/globals";
import { fullGc } from "../../src/build/collectGarbage.js";

describe("fullGc", () => {
  it("gives V8's full collection on this Node: what is no longer reachable is gone after it", async () => {
    const gc = fullGc();
    expect(typeof gc).toBe("function");
    const ref = new WeakRef({ pdf: new Uint8Array(1_000_000) });
    // A WeakRef's target is kept until the current job ends.
    await new Promise((resolve) => setImmediate(resolve));
    gc?.();
    expect(ref.deref()).toBeUndefined();
  });
});
