import { errors } from "../errors.js";
import type { Locale, ReportLevel } from "../model.js";
import { checkCode } from "../dataset/checkCode.js";
import { slugify } from "./slugify.js";

/**
 * A report's path relative to the period folder: `district/010003-ugel-bongara.pdf`, and for the
 * English copy `district/010003-ugel-bongara.en.pdf`. The name is the code (checked by the one
 * code rule, `unsafe-code` otherwise) plus a bounded slug, so no input can steer it elsewhere.
 */
export function reportFile(level: ReportLevel, code: string, name: string, language: Locale): string {
  // The rule validate applies: a dataset that validates always names its files (defence in depth).
  if (checkCode(code) !== null) throw errors.unsafeCode(level, code);
  const slug = slugify(name);
  return `${level}/${code}${slug ? `-${slug}` : ""}${language === "es" ? "" : `.${language}`}.pdf`;
}
