import type { Dataset, TeamSettings, Thresholds } from "../model.js";
import { teamSettingsOf } from "../dataset/teamSettings.js";
import { loadConfig } from "./loadConfig.js";
import { resolveOptions, type OptionFlags, type ResolvedOptions } from "./resolveOptions.js";

/**
 * The effective settings of one command: flags over the config file over the defaults
 * (resolveOptions), and, once the dataset is read, over dataset.json (applySettings). Resolved once
 * per command — `run` once for all its steps, which receive it as `settings` — and passed to
 * everything that reads the dataset: build, views, preview, publish (so the public site, the preview
 * and the PDFs agree), and to send and status for the output folder, SMTP and sender.
 */
export type Settings = ResolvedOptions;

/** A step's arguments: its flags, the `--config` path, and the settings when a caller (run) has them. */
export interface SettingsArgs extends OptionFlags {
  config?: string;
  settings?: Settings;
}

/** The settings given by the caller, else the config file (`--config` or ./semaforo.config.json) with the flags over it. */
export async function loadSettings(
  args: SettingsArgs,
  cwd: string = process.cwd(),
  env: Record<string, string | undefined> = process.env,
): Promise<Settings> {
  if (args.settings) return args.settings;
  return resolveOptions(args, await loadConfig(cwd, args.config), env);
}

/**
 * The dataset as the reports see it: the settings' thresholds and team settings over dataset.json's.
 * Pure; the one place the override is applied (the build, views, preview and publish all call it).
 */
export function applySettings(
  dataset: Dataset,
  settings: { thresholds?: Partial<Thresholds>; team?: Partial<TeamSettings> },
): Dataset {
  const overrides = settings.thresholds ?? {};
  const team = settings.team ?? {};
  if (Object.keys(overrides).length === 0 && Object.keys(team).length === 0) return dataset;
  return {
    ...dataset,
    config: {
      ...dataset.config,
      thresholds: { ...dataset.config.thresholds, ...overrides },
      ...(Object.keys(team).length > 0 ? { team: { ...teamSettingsOf(dataset.config), ...team } } : {}),
    },
  };
}
