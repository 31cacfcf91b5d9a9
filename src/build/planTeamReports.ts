import { reportFile } from "../archive/reportFile.js";
import { NATIONAL_CODE, type Locale, type Recipient } from "../model.js";
import type { PlanOptions, ReportPlan } from "./planReports.js";

/**
 * The enabling team's brief (level `team`, code PE): one PDF per language its recipients read,
 * as planReports does for a unit; none when recipients.csv has no `team` row, or when `--level`
 * or `--only` leave it out (`--only PE` keeps it). `name` is its Spanish name, for the file name.
 */
export function planTeamReports(
  recipients: Recipient[],
  name: string,
  options: PlanOptions = {},
): ReportPlan[] {
  const own = recipients.filter((r) => r.level === "team");
  if (own.length === 0) return [];
  if (options.level && options.level !== "team") return [];
  if (options.only && !options.only.includes(NATIONAL_CODE)) return [];
  const languages: Locale[] = options.lang
    ? [options.lang]
    : own.some((r) => r.language === "en")
      ? ["es", "en"]
      : ["es"];
  return languages.map((language) => {
    // The brief goes by e-mail only: a team row with only a phone gets nothing.
    const to = (options.lang ? own : own.filter((r) => r.language === language)).filter(
      (r) => r.email !== "",
    );
    return {
      level: "team",
      code: NATIONAL_CODE,
      name,
      language,
      file: reportFile("team", NATIONAL_CODE, name, language),
      recipients: [...new Set(to.map((r) => r.email))].sort(),
      recipientNames: Object.fromEntries(
        [...to].sort((a, b) => a.email.localeCompare(b.email)).map((r) => [r.email, r.name]),
      ),
    };
  });
}
