import { reportFile } from "../archive/reportFile.js";
import { errors } from "../errors.js";
import type { Locale, Recipient, ReportLevel, ReportView } from "../model.js";

export interface PlanOptions {
  /** Unit codes to build (`--only`); all when absent. */
  only?: string[];
  /** `--level`; `team` is the enabling team's brief (planTeamReports). */
  level?: ReportLevel;
  /** Every report in this language only (`--lang`). Default: Spanish for every unit, plus English
   * for the units that have English-speaking recipients. */
  lang?: Locale;
}

/** One PDF to make. */
export interface ReportPlan {
  level: ReportLevel;
  code: string;
  /** The unit's name in Spanish: the file name's slug never depends on the language. */
  name: string;
  language: Locale;
  /** Relative to the period folder. */
  file: string;
  /** Addresses of the unit's recipients who read this language (all of them under `--lang`). */
  recipients: string[];
  /** Their names by address, for the e-mail's To: header. */
  recipientNames: Record<string, string>;
  /** Recipients with a phone (recipients.csv `phone`), for the report's SMS; `emailed`: they also get the PDF. */
  phones?: { phone: string; name: string; emailed: boolean }[];
}

/** Which languages each unit gets, and who receives each copy (pure). */
export function planReports(
  units: ReportView[],
  recipients: Recipient[],
  options: PlanOptions = {},
): ReportPlan[] {
  const known = new Set(units.map((u) => u.code));
  const unknown = (options.only ?? []).filter((code) => !known.has(code));
  if (unknown.length > 0) {
    throw errors.unknownUnit(unknown, "this dataset (--only)", known);
  }
  const only = options.only ? new Set(options.only) : null;
  const plans: ReportPlan[] = [];
  const seen = new Set<string>();
  for (const unit of units) {
    const id = `${unit.level}/${unit.code}`;
    if (seen.has(id)) continue;
    seen.add(id);
    if (only && !only.has(unit.code)) continue;
    if (options.level && unit.level !== options.level) continue;
    const own = recipients.filter((r) => r.level === unit.level && r.code === unit.code);
    const languages: Locale[] = options.lang
      ? [options.lang]
      : own.some((r) => r.language === "en")
        ? ["es", "en"]
        : ["es"];
    for (const language of languages) {
      const all = options.lang ? own : own.filter((r) => r.language === language);
      const to = all.filter((r) => r.email !== "");
      const phones = phoneRecipients(all);
      plans.push({
        level: unit.level,
        code: unit.code,
        name: unit.name,
        language,
        file: reportFile(unit.level, unit.code, unit.name, language),
        recipients: [...new Set(to.map((r) => r.email))].sort(),
        recipientNames: Object.fromEntries(
          [...to].sort((a, b) => a.email.localeCompare(b.email)).map((r) => [r.email, r.name]),
        ),
        ...(phones.length > 0 ? { phones } : {}),
      });
    }
  }
  return plans;
}

/** The recipients with a phone, one per number (sorted), `emailed` when one of its rows has an e-mail too. */
function phoneRecipients(recipients: Recipient[]): NonNullable<ReportPlan["phones"]> {
  const byPhone = new Map<string, { phone: string; name: string; emailed: boolean }>();
  for (const r of recipients) {
    if (!r.phone) continue;
    const known = byPhone.get(r.phone);
    if (known) known.emailed ||= r.email !== "";
    else byPhone.set(r.phone, { phone: r.phone, name: r.name, emailed: r.email !== "" });
  }
  return [...byPhone.values()].sort((a, b) => (a.phone < b.phone ? -1 : a.phone > b.phone ? 1 : 0));
}
