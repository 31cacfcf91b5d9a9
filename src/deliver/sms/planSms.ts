import { decideDelivery } from "../decideDelivery.js";
import type { PlanDecision } from "../types.js";
import type { SmsDeliveryView } from "./listSmsDeliveries.js";

export interface SmsPlanOptions {
  only: readonly string[];
  force: readonly string[];
  /** `--to`: phones (E.164) of the forced units, sent again whatever their state. */
  forceTo: readonly string[];
  resendFailed: boolean;
  /** An SMS centre or gateway run delivers what was only `written` to the outbox. */
  transport: "smpp" | "http" | "outbox";
}

export type PlannedSms = SmsDeliveryView & PlanDecision;

/**
 * Which SMS this run sends: THE send rule (decideDelivery), the one the e-mails follow, with phones
 * for addresses. Pure.
 */
export function planSms(list: readonly SmsDeliveryView[], options: SmsPlanOptions): PlannedSms[] {
  const scope = new Set([...options.only, ...options.force]);
  const forced = new Set(options.force);
  const named = new Set(options.forceTo);
  const planned: PlannedSms[] = [];
  for (const view of list) {
    const code = view.report.code;
    if (options.only.length > 0 && !scope.has(code)) continue;
    if (options.only.length === 0 && forced.size > 0 && !forced.has(code)) continue;
    const decision = decideDelivery(view.entry, {
      forced: forced.has(code),
      named: named.has(view.sms.to),
      resendFailed: options.resendFailed,
      transport: options.transport,
      // An SMS has no PDF version of its own: a rebuilt text is a new message only on purpose.
      outdated: false,
    });
    planned.push({ ...view, ...decision });
  }
  return planned;
}
