import type { Level, Locale } from "../model.js";
import { slugify } from "./slugify.js";

/**
 * A report's path relative to the period folder: `district/010003-ugel-bongara.pdf`, and for the
 * English copy `district/010003-ugel-bongara.en.pdf`.
 */
export function reportFile(level: Level, code: string, name: string, language: Locale): string {
  const slug = slugify(name);
  return `${level}/${code}${slug ? `-${slug}` : ""}${language === "es" ? "" : `.${language}`}.pdf`;
}
