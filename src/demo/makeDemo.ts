import { join } from "node:path";
import { indexDataset } from "../compute/indexDataset.js";
import { findProjectRoot } from "../findProjectRoot.js";
import { readMessages } from "../locale/readMessages.js";
import { NATIONAL_CODE } from "../model.js";
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
 *
 * Everything is synthetic except the unit list (readUnits: the real DRE/GRE and UGEL of
 * geo/ugel.csv) and the map (geo/peru.topojson, named in dataset.json). The steps, one module each:
 * the units' effects (unitEffects), the visits per district and month (planVisits), the districts
 * without targets and the shocks that make every alert happen (generateTargets, planScenarios), the
 * results and school rows (generateResults, simulateSchools), the targets from each unit's April
 * value (generateTargets), recipients and their phones, contacts, commitments, support actions and
 * stories, then the files (demoFiles, writeDemo). Every draw is seeded (random.ts); the roll-up,
 * the target fallback and the status are the project's own (compute/indexDataset).
 */
export async function makeDemo(options: MakeDemoOptions = {}): Promise<string> {
  const root = options.root ?? findProjectRoot(import.meta.url);
  const out = options.out ?? join(root, "fixtures", "demo");
  const generated = generateDemo(readUnits(root));
  const facts = demoFacts(generated, indexDataset(generated.dataset, NATIONAL_CODE, "es"));
  writeDemo(out, demoFiles(generated, facts));
  return summarizeDemo(generated, facts, await readMessages("es", root));
}
