import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { findProjectRoot } from "../findProjectRoot.js";
import { errors } from "../errors.js";
import type { Locale, Messages } from "../model.js";

/** Reads `templates/locales/<locale>.json` of the project: flat dotted keys → strings. */
export async function readMessages(locale: Locale, root: string = findProjectRoot()): Promise<Messages> {
  const file = join(root, "templates", "locales", `${locale}.json`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(file, "utf8"));
  } catch (error) {
    throw errors.badLocaleFile(
      file,
      `cannot read the ${locale} messages (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    throw errors.badLocaleFile(file, "expected an object of strings");
  }
  const messages: Messages = {};
  for (const [key, value] of Object.entries(parsed)) {
    if (typeof value !== "string") {
      throw errors.badLocaleFile(file, `"${key}" is not a string`);
    }
    messages[key] = value;
  }
  return messages;
}
