import { readFile } from "node:fs/promises";
import path from "node:path";
import { errors } from "../errors.js";
import type { Config } from "./configSchema.js";
import { formatConfigProblem, parseConfig } from "./parseConfig.js";

/** The file looked up in the current directory when `--config` is not given. */
export const CONFIG_FILE = "semaforo.config.json";

/**
 * Reads the config: `explicitPath` (from `--config`, must exist) or `./semaforo.config.json` when
 * present, else `{}`. Every mistake is listed at once in a CliError (exit 2). `data` and `out` are
 * returned relative to `cwd` (they are written relative to the config file).
 */
export async function loadConfig(cwd: string, explicitPath?: string): Promise<Config> {
  const file = path.resolve(cwd, explicitPath ?? CONFIG_FILE);
  const shown = path.relative(cwd, file) || file;
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") {
      if (explicitPath === undefined) return {};
      throw errors.configNotFound(shown);
    }
    throw error;
  }
  const { config, problems } = parseConfig(text, shown);
  if (!config) throw errors.badConfig(shown, problems.map(formatConfigProblem));
  return relativeTo(cwd, path.dirname(file), config);
}

function relativeTo(cwd: string, dir: string, config: Config): Config {
  const fix = (p: string | undefined) =>
    p === undefined || path.isAbsolute(p) ? p : path.relative(cwd, path.resolve(dir, p)) || ".";
  const result: Config = { ...config };
  if (config.data !== undefined) result.data = fix(config.data);
  if (config.out !== undefined) result.out = fix(config.out);
  return result;
}
