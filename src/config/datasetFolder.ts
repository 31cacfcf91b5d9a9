import { errors } from "../errors.js";
import type { Config } from "./configSchema.js";

/** The dataset folder: `--data`, else the config's `data`; `no-data` (exit 2) when neither names one. */
export function datasetFolder(flag: string | undefined, config: Config): string {
  const data = flag ?? config.data;
  if (!data) throw errors.noData();
  return data;
}
