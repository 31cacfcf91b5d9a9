import type { PlanReason, PlannedAction } from "../types.js";
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

export interface PlannedSms extends SmsDeliveryView {
  action: PlannedAction;
  why: PlanReason;
}

/**
 * Which SMS this run sends: the e-mail channel's rules (planDeliveries), with phones for
 * addresses. Sent: new and pending; `written` when the run has an SMS URL; `failed` with
 * resendFailed; a forced unit's `unknown` ones; a forced unit's phones named with `--to`. Never
 * sent twice without naming it: `sent`, and `unknown` without --force. Pure.
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
    const decide = (action: PlannedAction, why: PlanReason): PlannedSms => ({ ...view, action, why });
    if (forced.has(code) && named.has(view.sms.to)) {
      planned.push(decide("send", "forced-to"));
      continue;
    }
    switch (view.entry.state) {
      case "pending":
        planned.push(decide("send", view.entry.attempts > 0 || view.entry.at ? "retry-pending" : "new"));
        break;
      case "written":
        planned.push(options.transport === "outbox" ? decide("skip", "already-written") : decide("send", "written"));
        break;
      case "sent":
        planned.push(decide("skip", "already-sent"));
        break;
      case "failed":
        planned.push(options.resendFailed ? decide("send", "resend-failed") : decide("skip", "failed"));
        break;
      case "unknown":
        planned.push(forced.has(code) ? decide("send", "forced-unknown") : decide("skip", "unknown"));
        break;
    }
  }
  return planned;
}
