import { buildTeamBrief } from "../compute/buildTeamBrief.js";
import { buildViews } from "../compute/buildViews.js";
import { readDataset } from "../dataset/readDataset.js";
import { readMessages } from "../locale/readMessages.js";
import { chromiumVersion } from "../pdf/chromiumVersion.js";
import { requireChromium } from "../pdf/findChromium.js";
import { launchPrinter } from "../pdf/launchPrinter.js";
import { loadTemplates } from "../render/loadTemplates.js";
import { GeoCache } from "../render/maps/GeoCache.js";
import { renderReport, type RenderContext, type Templates } from "../render/renderReport.js";
import { renderTeamBrief } from "../render/renderTeamBrief.js";
import type { BuildEffects } from "./buildReportSet.js";
import { fullGc } from "./collectGarbage.js";
import { defaultArchiveEffects } from "./defaultArchiveEffects.js";
import { rendererFingerprint } from "./rendererFingerprint.js";

/** The real IO of a build: files, the locale messages, the templates, Chromium, the archive and the clock. */
export function defaultBuildEffects(): BuildEffects {
  let templates: Templates | undefined;
  let gc: (() => void) | undefined;
  let geoCache: GeoCache | undefined;
  return {
    // The settings' thresholds are applied once, by buildReportSet (applySettings).
    readDataset,
    readMessages: (locale) => readMessages(locale),
    buildViews,
    makeRenderer: (dataset, messages, generatedAt) => {
      templates ??= loadTemplates();
      const geo = { regions: dataset.config.geo.regions, districts: dataset.config.geo.districts };
      // One cache of projected map paths for every report of the run, whatever the language.
      geoCache ??= new GeoCache(dataset.topology, geo);
      const context: RenderContext = {
        templates,
        messages,
        topology: dataset.topology,
        geo,
        generatedAt,
        geoCache,
      };
      const fingerprint = rendererFingerprint({
        messages,
        topology: dataset.topology,
        geo,
        generatedAt,
      });
      return Promise.resolve({ render: (view) => renderReport(view, context), fingerprint });
    },
    buildTeamBrief,
    makeTeamRenderer: (messages, generatedAt) => {
      templates ??= loadTemplates();
      const context = { templates, messages, generatedAt };
      const fingerprint = rendererFingerprint({ team: true, messages, generatedAt });
      return Promise.resolve({ render: (view) => renderTeamBrief(view, context), fingerprint });
    },
    browserVersion: () => chromiumVersion(requireChromium().path),
    launchPrinter,
    archive: defaultArchiveEffects(),
    collectGarbage: () => (gc ??= fullGc() ?? (() => {}))(),
    now: () => new Date(),
  };
}
