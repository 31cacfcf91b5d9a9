import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { findProjectRoot } from "../dataset/findProjectRoot.js";
import { CliError, ExitCode } from "../errors.js";
import type { Locale, Messages } from "../model.js";

/** Reads `templates/locales/<locale>.json` of the project: flat dotted keys → strings. */
export async function readMessages(locale: Locale, root: string = findProjectRoot()): Promise<Messages> {
  const file = join(root, "templates", "locales", `${locale}.json`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(file, "utf8"));
  } catch (error) {
    throw new CliError(
      "bad-locale-file",
      `${file}: cannot read the ${locale} messages (${error instanceof Error ? error.message : String(error)}).`,
      ExitCode.internal,
      "The locale files ship with semaforo: reinstall it, or fix the JSON syntax.",
    );
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    throw new CliError("bad-locale-file", `${file}: expected an object of strings.`, ExitCode.internal);
  }
  const messages: Messages = {};
  for (const [key, value] of Object.entries(parsed)) {
    if (typeof value !== "string") {
      throw new CliError("bad-locale-file", `${file}: "${key}" is not a string.`, ExitCode.internal);
    }
    messages[key] = value;
  }
  return messages;
}
