import type { Messages } from "../../model.js";

/**
 * A dataset value from a known list (a contact's role, a school's level or area) in the report's
 * language: the locale's `PREFIX.VALUE` (the value lower-cased, accents stripped, words joined by
 * dashes: "Especialista de monitoreo" → `contact.role.especialista-de-monitoreo`) when there is one,
 * else the value as written (a role the locale does not know is printed like a name).
 */
export function translateValue(messages: Messages, prefix: string, value: string): string {
  const key = value
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return messages[`${prefix}.${key}`] ?? value;
}
