import { join } from "node:path";
import { findProjectRoot } from "../../src/findProjectRoot.js";
import { readDataset } from "../../src/dataset/readDataset.js";
import type { Dataset } from "../../src/model.js";

/** fixtures/tiny (2 regions × 3 districts), read and checked like `semaforo validate` does. */
export async function readTinyDataset(): Promise<Dataset> {
  const { dataset, problems } = await readDataset(join(findProjectRoot(), "fixtures", "tiny"));
  if (!dataset) throw new Error(`fixtures/tiny is invalid:\n${problems.map((p) => p.message).join("\n")}`);
  return dataset;
}
