import { errors } from "../errors.js";
import type { Settings } from "./settings.js";

/** The dataset folder of the settings (`--data`, else the config's `data`); `no-data` (exit 2) when neither names one. */
export function datasetFolder(settings: Pick<Settings, "data">): string {
  const data = settings.data;
  if (!data) throw errors.noData();
  return data;
}
