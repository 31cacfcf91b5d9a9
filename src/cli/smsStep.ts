import type { Settings } from "../config/settings.js";
import { errors } from "../errors.js";
import type { SmsSendReport } from "../deliver/sms/sendSmsSet.js";
import type { Io } from "./command.js";
import { createProgress } from "./progress.js";

export interface SmsStepArgs {
  period: string;
  out: string;
  dryRun: boolean;
  only: string[];
  force: string[];
  /** `--to` values that are phones (no @). */
  forceTo: string[];
  reason?: string;
  resendFailed: boolean;
  attempts: number;
  json: boolean;
  settings: Settings;
}

/**
 * The SMS part of `send` (and `run`): the URL and password variable as the settings resolved them
 * (`--sms`, SEMAFORO_SMS_URL, the config's `sms.url` and `sms.passwordEnv`); then sendSmsSet.
 */
export async function smsStep(args: SmsStepArgs, io: Io): Promise<SmsSendReport> {
  const { url, passwordEnv } = args.settings.sms;
  let password: string | undefined;
  if (url && passwordEnv) {
    password = process.env[passwordEnv];
    if (password === undefined && !args.dryRun) throw errors.smsPasswordMissing(passwordEnv);
  }
  const { sendSmsSet } = await import("../deliver/sms/sendSmsSet.js");
  const { defaultSmsEffects } = await import("../deliver/sms/defaultSmsEffects.js");
  let progress: ReturnType<typeof createProgress> | null = null;
  const report = await sendSmsSet(
    {
      out: args.out,
      period: args.period,
      ...(url ? { smsUrl: url } : {}),
      ...(password !== undefined ? { password } : {}),
      dryRun: args.dryRun,
      only: args.only,
      force: args.force,
      forceTo: args.forceTo,
      ...(args.reason !== undefined ? { reason: args.reason } : {}),
      resendFailed: args.resendFailed,
      retry: { attempts: args.attempts },
    },
    defaultSmsEffects({
      warn: (text) => io.err(`warning: ${text}`),
      onDelivery: (result, _done, total) => {
        progress ??= createProgress(io, total, "Sending SMS", { json: args.json });
        progress.tick(
          `${result.code} ${result.phone}`,
          result.action === "sent" || result.action === "written"
            ? undefined
            : result.action === "attempted"
              ? result.state
              : result.action,
        );
      },
    }),
  );
  (progress as ReturnType<typeof createProgress> | null)?.stop();
  return report;
}

/** The exit code of the SMS part: like the e-mails' (sendExitCode). */
export function smsExitCode(report: SmsSendReport): 0 | 2 | 5 {
  if (report.stop?.kind === "config") return 2;
  if (report.dryRun) return report.deliveries.some((d) => d.action === "refused") ? 5 : 0;
  const done = (d: SmsSendReport["deliveries"][number]) =>
    d.state === "sent" || (report.transportKind === "outbox" && d.state === "written");
  return report.deliveries.every(done) ? 0 : 5;
}

/** The human summary of the SMS part: a dry run shows each text, its length and segments. */
export function formatSmsReport(report: SmsSendReport): string[] {
  const lines: string[] = [];
  if (report.deliveries.length === 0) return lines;
  if (report.dryRun) {
    lines.push("", "SMS:");
    for (const d of report.deliveries) {
      const verb = d.action === "would-send" ? "send" : d.action === "refused" ? "REFUSE" : "skip";
      const who = d.school
        ? `${d.level} ${d.code} school ${d.school.code}`
        : `${d.level} ${d.code} ${d.unit}`;
      lines.push(
        `${verb.padEnd(6)} ${d.phone}  ${who}  ${d.language}  ${d.length} chars, ${d.segments} segment${d.segments === 1 ? "" : "s"}  ${d.state}${d.reply ? `  ${d.reply}` : ""}`,
        `       ${d.text}`,
      );
    }
    const toSend = report.deliveries.filter((d) => d.action === "would-send").length;
    lines.push(
      `Dry run for ${report.period} via ${report.transport}: ${toSend} of ${report.deliveries.length} SMS would be ${report.transportKind === "outbox" ? "written to the outbox" : "sent"}. Nothing was sent.`,
    );
    return lines;
  }
  for (const d of report.deliveries) {
    if (d.state === "sent" || d.state === "written" || d.action === "skipped") continue;
    lines.push(`${d.state.padEnd(7)} ${d.level} ${d.code} → ${d.phone}: ${d.reply ?? ""}`);
  }
  const { sent, written, failed, unknown, pending } = report.counts;
  const now =
    report.transportKind === "outbox"
      ? `${report.writtenNow} written to outbox/sms now (not sent: no SMS URL)`
      : `${report.sentNow} sent now`;
  lines.push(
    `SMS ${report.period} via ${report.transport}: ${now}; ${sent} sent, ${written ? `${written} written, ` : ""}${failed} failed, ${unknown} unknown` +
      `${pending ? `, ${pending} not sent yet` : ""} of ${report.deliveries.length} SMS.`,
  );
  if (report.stop) lines.push(`SMS stopped early: ${report.stop.reason}.`);
  if (unknown)
    lines.push(
      'Unknown SMS were handed to the centre or gateway without a definite answer: never re-sent automatically; --force CODE --reason "…" re-sends them.',
    );
  return lines;
}
