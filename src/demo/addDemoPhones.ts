import type { Recipient } from "../model.js";
import { rng } from "./random.js";

/**
 * The demo's SMS recipients (issue #25): the first recipient of each region and district (the one
 * whose address starts `dre-` / `ugel-`) also gets the SMS, on a synthetic Peruvian mobile number
 * (+519 and 8 digits drawn from the unit's own random stream). Returns dataset.json's `sms`, which
 * turns on the school SMS (the directors' phones of schools.csv, already 9-digit mobiles).
 */
export function addDemoPhones(recipients: Recipient[]): { schools: true } {
  for (const r of recipients) {
    if (
      (r.level === "region" || r.level === "district") &&
      r.email.startsWith(`${r.level === "region" ? "dre" : "ugel"}-`)
    )
      r.phone = `+519${String(rng("sms-phone", r.code).int(10000000, 99999999))}`;
  }
  return { schools: true };
}
