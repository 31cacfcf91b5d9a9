import { parseDatasetConfig } from "../dataset/parseDatasetConfig.js";
import { InternalError } from "../errors.js";
import type { Contact, Dataset, Recipient, Result, SupportAction, Target } from "../model.js";
import { addDemoPhones } from "./addDemoPhones.js";
import { demoDataset } from "./demoDataset.js";
import { demoDatasetJson } from "./demoDatasetJson.js";
import { generateCommitments, type DemoCommitmentRow } from "./generateCommitments.js";
import { generateContacts } from "./generateContacts.js";
import { generateRecipients } from "./generateRecipients.js";
import { generateResults, type DemoSchoolRow } from "./generateResults.js";
import { generateSupport } from "./generateSupport.js";
import { chooseDistrictsWithoutTargets, generateTargets } from "./generateTargets.js";
import { planScenarios } from "./planScenarios.js";
import { planVisits, type Visits } from "./planVisits.js";
import type { DemoUnits } from "./readUnits.js";
import { checkStories, STORIES, type DemoStory } from "./stories.js";
import { districtProfile } from "./unitEffects.js";

/** Everything the demo writes, before it is written. */
export interface DemoGenerated {
  units: DemoUnits;
  visits: Visits;
  noDataLast: Set<string>;
  withoutTargets: Set<string>;
  /** dataset.json, as an object. */
  datasetJson: ReturnType<typeof demoDatasetJson>;
  results: Result[];
  schoolRows: DemoSchoolRow[];
  targets: Target[];
  recipients: Recipient[];
  contacts: Required<Contact>[];
  commitments: DemoCommitmentRow[];
  support: SupportAction[];
  stories: DemoStory[];
  /** The results and targets as the project's Dataset, for its rules (roll-up, fallback, status). */
  dataset: Dataset;
}

/**
 * The whole demo from its geography, deterministically (every draw is seeded, random.ts). Pure:
 * the only input is `units` (readUnits).
 */
export function generateDemo(units: DemoUnits): DemoGenerated {
  const { districts, regions } = units;
  const profiles = new Map(districts.map((d) => [d.code, districtProfile(d)]));
  const { visits, noDataLast } = planVisits(districts, profiles);
  const withoutTargets = chooseDistrictsWithoutTargets(districts, visits);
  const shocks = planScenarios(districts, visits, withoutTargets);
  const { results, schoolRows } = generateResults(districts, regions, profiles, visits, shocks);
  const recipients = generateRecipients(units);
  const datasetJson = demoDatasetJson(addDemoPhones(recipients));
  // The thresholds and the rest of dataset.json as the project reads them.
  const { config, problems } = parseDatasetConfig(JSON.stringify(datasetJson));
  if (!config) throw new InternalError(`dataset.json: ${problems.map((p) => p.message).join("; ")}`);
  const targets = generateTargets(demoDataset(config, units, results, []), withoutTargets);
  checkStories(STORIES, new Set(districts.map((d) => d.code)));
  return {
    units,
    visits,
    noDataLast,
    withoutTargets,
    datasetJson,
    results,
    schoolRows,
    targets,
    recipients,
    contacts: generateContacts(units),
    commitments: generateCommitments(units),
    support: generateSupport(results),
    stories: STORIES,
    dataset: demoDataset(config, units, results, targets),
  };
}
