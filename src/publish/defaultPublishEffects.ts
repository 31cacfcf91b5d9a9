import { readDataset } from "../dataset/readDataset.js";
import { readMessages } from "../locale/readMessages.js";
import { loadSiteTemplates } from "./loadSiteTemplates.js";
import type { PublishEffects } from "./publishPeriod.js";
import { writePublicFolder } from "./writePublicFolder.js";

/** The real IO of a publish: the dataset folder, the locale files, the clock and the disk. */
export function defaultPublishEffects(): PublishEffects {
  return {
    readDataset,
    readMessages: (locale) => readMessages(locale),
    now: () => new Date(),
    templates: () => loadSiteTemplates(),
    write: writePublicFolder,
  };
}
