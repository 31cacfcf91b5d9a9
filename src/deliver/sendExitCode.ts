import { ExitCode } from "../errors.js";
import type { DeliveryEvent } from "../model.js";
import type { DeliveryResult, SendReport } from "./sendReport.js";

/**
 * Whether a delivery is done as far as this run could take it: `sent`; or `written` when the run
 * wrote to the outbox (an outbox run can do no more). A run through a server that leaves a delivery
 * `written` did not deliver it. Pure.
 */
export function deliveryDone(
  delivery: Pick<DeliveryResult, "state">,
  transport: DeliveryEvent["transport"],
): boolean {
  return delivery.state === "sent" || (delivery.state === "written" && transport === "outbox");
}

/**
 * The exit code of a send: 0 when every delivery in scope is done (deliveryDone), else 5; 2 when a
 * configuration problem stopped it. A dry run exits 5 when the real send would refuse a delivery,
 * else 0. Pure.
 */
export function sendExitCode(report: SendReport): ExitCode {
  if (report.stop?.kind === "config") return ExitCode.usage;
  if (report.dryRun) {
    return report.deliveries.some((d) => d.action === "refused") ? ExitCode.deliveryFailed : ExitCode.ok;
  }
  return report.deliveries.every((d) => deliveryDone(d, report.transportKind))
    ? ExitCode.ok
    : ExitCode.deliveryFailed;
}
