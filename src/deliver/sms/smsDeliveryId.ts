import type { Locale, ManifestSms, Period, ReportLevel } from "../../model.js";

/**
 * The delivery id of an SMS: `period/level/code/language/sms:+519…`, and for a school director's
 * SMS `…/sms:+519…:SCHOOLCODE` (one director may run two schools). It never equals an e-mail
 * delivery's id (an address has an @, never this prefix), so both channels share one ledger. Pure.
 */
export function smsDeliveryId(
  period: Period,
  level: ReportLevel,
  code: string,
  language: Locale,
  sms: Pick<ManifestSms, "to" | "school">,
): string {
  return `${period}/${level}/${code}/${language}/sms:${sms.to}${sms.school ? `:${sms.school.code}` : ""}`;
}
