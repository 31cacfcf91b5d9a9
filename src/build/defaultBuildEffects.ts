import { buildTeamBrief } from "../compute/buildTeamBrief.js";
import { buildViews } from "../compute/buildViews.js";
import { readDataset } from "../dataset/readDataset.js";
import { readMessages } from "../locale/readMessages.js";
import type { TeamSettings, Thresholds } from "../model.js";
import { teamSettingsOf } from "../dataset/teamSettings.js";
import { chromiumVersion } from "../pdf/chromiumVersion.js";
import { findChromium } from "../pdf/findChromium.js";
import { launchPrinter } from "../pdf/launchPrinter.js";
import { loadTemplates } from "../render/loadTemplates.js";
import { GeoCache } from "../render/maps/GeoCache.js";
import { renderReport, type RenderContext, type Templates } from "../render/renderReport.js";
import { renderTeamBrief } from "../render/renderTeamBrief.js";
import type { BuildEffects } from "./buildReportSet.js";
import { fullGc } from "./collectGarbage.js";
import { rendererFingerprint } from "./rendererFingerprint.js";

/** The real IO of a build: files, the locale messages, the templates, Chromium and the clock. */
export function defaultBuildEffects(
  overrides: { thresholds?: Partial<Thresholds>; team?: Partial<TeamSettings> } = {},
): BuildEffects {
  let templates: Templates | undefined;
  let gc: (() => void) | undefined;
  let geoCache: GeoCache | undefined;
  return {
    readDataset: async (dir) => {
      const result = await readDataset(dir);
      // Thresholds from semaforo.config.json win over dataset.json.
      if (result.dataset && overrides.thresholds) {
        result.dataset.config.thresholds = { ...result.dataset.config.thresholds, ...overrides.thresholds };
      }
      if (result.dataset && overrides.team) {
        result.dataset.config.team = { ...teamSettingsOf(result.dataset.config), ...overrides.team };
      }
      return result;
    },
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
    browserVersion: () => chromiumVersion(findChromium().path),
    launchPrinter,
    collectGarbage: () => (gc ??= fullGc() ?? (() => {}))(),
    now: () => new Date(),
  };
}
