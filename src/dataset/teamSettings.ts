import { z } from "zod";
import type { DatasetConfig, TeamSettings } from "../model.js";

/** The enabling team's settings when dataset.json and the config say nothing (docs/decisions.md). */
export const TEAM_DEFAULTS: TeamSettings = { capacity: 15, supportMonths: 3 };

/** The largest capacity: Peru's 224 UGELs (a brief cannot accompany more units than exist). */
export const MAX_TEAM_CAPACITY = 224;

/** The settings in force: dataset.json `team` (or the config's override merged into it), else the defaults. */
export function teamSettingsOf(config: DatasetConfig): TeamSettings {
  return { ...TEAM_DEFAULTS, ...config.team };
}

/** dataset.json `team` (and the config's `team`): each key optional, checked, defaults filled later. */
export const teamSettingsSchema = z
  .strictObject({
    capacity: z
      .number({
        error: `must be a whole number from 1 to ${MAX_TEAM_CAPACITY} (UGELs the team accompanies in a month)`,
      })
      .int(`must be a whole number from 1 to ${MAX_TEAM_CAPACITY} (UGELs the team accompanies in a month)`)
      .min(1, `must be a whole number from 1 to ${MAX_TEAM_CAPACITY} (UGELs the team accompanies in a month)`)
      .max(
        MAX_TEAM_CAPACITY,
        `must be a whole number from 1 to ${MAX_TEAM_CAPACITY} (UGELs the team accompanies in a month)`,
      )
      .optional(),
    supportMonths: z
      .number({ error: "must be a whole number of months from 1 to 12" })
      .int("must be a whole number of months from 1 to 12")
      .min(1, "must be a whole number of months from 1 to 12")
      .max(12, "must be a whole number of months from 1 to 12")
      .optional(),
  })
  .optional();

/** The keys that are set (exactOptionalPropertyTypes: an absent key is not `undefined`). */
export function dropUndefined<T extends object>(value: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as {
    [K in keyof T]?: Exclude<T[K], undefined>;
  };
}
