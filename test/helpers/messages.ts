import { readFileSync } from "node:fs";
import { join } from "node:path";
import { findProjectRoot } from "../../src/findProjectRoot.js";
import type { Locale, Messages } from "../../src/model.js";

const cache = new Map<Locale, Messages>();

/** The real locale messages of the project (`templates/locales/<locale>.json`, read once). */
export function messagesOf(locale: Locale): Messages {
  let messages = cache.get(locale);
  if (!messages) {
    messages = JSON.parse(
      readFileSync(join(findProjectRoot(), "templates", "locales", `${locale}.json`), "utf8"),
    ) as Messages;
    cache.set(locale, messages);
  }
  return messages;
}
