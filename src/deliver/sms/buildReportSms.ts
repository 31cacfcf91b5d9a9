import type { Locale, ManifestSms, Messages, Period, ReportLevel, ReportView } from "../../model.js";
import { composeSchoolSms, composeUnitSms } from "./composeSms.js";
import { smsDeliveryId } from "./smsDeliveryId.js";
import { smsReference } from "./smsReference.js";

export interface ReportSmsPlan {
  level: ReportLevel;
  code: string;
  language: Locale;
  phones?: { phone: string; name: string; emailed: boolean }[];
}

/**
 * Every SMS of one report, from its view: one per recipient with a phone, and on a district's
 * Spanish report with `schools` (dataset.json `sms.schools`) one per school visited this month
 * whose director's phone is a mobile. Each text ends with the reference of its delivery id. Pure.
 */
export function buildReportSms(
  period: Period,
  plan: ReportSmsPlan,
  view: ReportView,
  messages: Messages,
  schools: boolean,
): ManifestSms[] {
  const list: ManifestSms[] = [];
  for (const recipient of plan.phones ?? []) {
    const sms = { to: recipient.phone };
    const reference = smsReference(smsDeliveryId(period, plan.level, plan.code, plan.language, sms));
    list.push({
      to: recipient.phone,
      name: recipient.name,
      text: composeUnitSms(view, messages, { emailed: recipient.emailed, reference }),
    });
  }
  if (schools && view.level === "district" && plan.language === "es" && view.schools) {
    const district = view;
    for (const row of district.schools?.rows ?? []) {
      const to = row.info?.mobile;
      if (!to) continue;
      const school = { code: row.code, name: row.name };
      const reference = smsReference(
        smsDeliveryId(period, plan.level, plan.code, plan.language, { to, school }),
      );
      list.push({
        to,
        name: row.info?.director ?? row.name,
        school,
        text: composeSchoolSms(district, row, messages, reference),
      });
    }
  }
  return list;
}
