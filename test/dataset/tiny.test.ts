import { describe, expect, it } from "@jest/globals";
import { readDataset } from "../../src/dataset/readDataset.js";

describe("fixtures/tiny", () => {
  it("reads without errors", async () => {
    const { dataset, problems } = await readDataset("fixtures/tiny");
    expect(problems.filter((p) => p.severity === "error")).toEqual([]);
    expect(dataset).not.toBeNull();
  });
});
