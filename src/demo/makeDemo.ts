import { indexDataset } from "../compute/indexDataset.js";
import { findProjectRoot } from "../findProjectRoot.js";
import { readMessages } from "../locale/readMessages.js";
import { NATIONAL_CODE } from "../model.js";
import { join } from "node:path";
import { demoFacts } from "./demoFacts.js";
import { demoFiles } from "./demoFiles.js";
import { generateDemo } from "./generateDemo.js";
import { readUnits } from "./readUnits.js";
import { summarizeDemo } from "./summarizeDemo.js";
import { writeDemo } from "./writeDemo.js";

export interface MakeDemoOptions {
  /** The project folder (geo/ugel.csv, templates/locales/); default the one this code runs from. */
  root?: string;
  /** The folder to (re)write; default `fixtures/demo` of the project. */
  out?: string;
}

/**
 * Generates the demo dataset into `out`, replacing it (`npm run demo`), and returns the summary
 * line to print. Deterministic: two runs write byte-identical files.
 */
export async function makeDemo(options: MakeDemoOptions = {}): Promise<string> {
  const root = options.root ?? findProjectRoot(import.meta.url);
  const out = options.out ?? join(root, "fixtures", "demo");
  const generated = generateDemo(readUnits(root));
  const facts = demoFacts(generated, indexDataset(generated.dataset, NATIONAL_CODE, "es"));
  writeDemo(out, demoFiles(generated, facts));
  return summarizeDemo(generated, facts, await readMessages("es", root));
}
