import type { DeliveryEvent } from "../model.js";
import type { PlannedDelivery } from "./types.js";

/**
 * The words of a send, apart from its logic: what the ledger, the summary and the warnings say about
 * a delivery. Pure. (The summary's own lines are printed by the `send` command, cli/commands/send.ts.)
 */

/** The server a transport talks to, as a sentence names it. */
function server(transport: DeliveryEvent["transport"]): string {
  return transport === "smtp"
    ? "the SMTP server"
    : transport === "smpp"
      ? "the SMPP centre"
      : transport === "http"
        ? "the SMS gateway"
        : "the outbox";
}

/** What the plan says about a delivery: why it is skipped, or, when it is not simply new, why it is sent. */
export function planNote(p: PlannedDelivery): string | undefined {
  switch (p.why) {
    case "new":
      return undefined;
    case "already-sent":
      return "already sent";
    case "already-written":
      return "already written to the outbox; an SMTP run sends it";
    case "outdated":
      return `holds an older build of the PDF; --force ${p.report.code} --to ${p.email} --reason "…" sends the new one`;
    case "failed":
      return `failed before (${p.previous.reply ?? "no reply"}); --resend-failed retries it`;
    case "unknown":
      return `unknown (${p.previous.reply ?? "no reply"}); ask the recipient, then --force ${p.report.code} --reason "…" re-sends it`;
    case "written":
      return "written to the outbox before; not sent yet";
    case "retry-pending":
      return `not sent yet (${p.previous.reply ?? "interrupted"})`;
    case "resend-failed":
      return `failed before (${p.previous.reply ?? "no reply"}); sent again`;
    case "forced-unknown":
      return "unknown before; sent again on purpose (--force)";
    case "forced-to":
      return p.outdated
        ? "holds an older build of the PDF; the new one is sent on purpose (--force --to)"
        : `${p.previous.state} before; sent again on purpose (--force --to)`;
  }
}

/** The reply of a delivery that this run's transport could not take, after the last retry. */
export function gaveUpReply(attempts: number, reply: string): string {
  const tries =
    attempts === 1
      ? "1 attempt (no retries)"
      : `${attempts} attempts (the first and ${attempts - 1} ${attempts === 2 ? "retry" : "retries"})`;
  return `not delivered in this run, gave up after ${tries}: ${reply}; the next send tries again`;
}

/** The reply of a message handed over whose final answer never came. */
export function lostReply(reply: string): string {
  return `the connection broke after the message was handed over: ${reply}`;
}

/** Why the run stopped: the server cannot be used as configured. */
export function unusableReason(transport: DeliveryEvent["transport"], reply: string): string {
  return `${server(transport)} cannot be used (${reply}); check the URL, credentials and certificate`;
}

/** Why the run stopped: the server could not be reached after every retry. */
export function unreachableReason(transport: DeliveryEvent["transport"], reply: string): string {
  return `${server(transport)} could not be reached (${reply})`;
}

/** The reply of a delivery the run did not reach because it stopped first. */
export function notReachedReply(reason: string | undefined): string {
  return `not attempted: the run stopped first (${reason ?? "stopped"})`;
}

/** The warning when the last build could not render some reports. */
export function unrenderedWarning(codes: readonly string[]): string {
  return `${codes.length} report(s) could not be rendered in the last build and cannot be sent: ${codes.join(", ")}.`;
}

/** The warning when `--force CODE` finds nothing to send again. */
export function idleForceWarning(code: string): string {
  return `--force ${code}: no delivery of that unit is unknown, so nothing is sent again; to send again to an address that is sent, name it with --to ADDRESS.`;
}
