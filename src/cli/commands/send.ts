import { DEFAULT_MAX_SIZE } from "../../deliver/defaultMaxSize.js";
import type { SendReport } from "../../deliver/sendReportSet.js";
import { CliError, errors } from "../../errors.js";
import { codeList } from "../codeList.js";
import { numberFlag } from "../numberFlag.js";
import { smtpUrlOrThrow } from "../../config/resolveOptions.js";
import { loadSettings, type Settings } from "../../config/settings.js";
import { formatSize } from "../../formatSize.js";
import { defineCommand, type Io } from "../command.js";
import { errorDocument } from "../errorDocument.js";
import { createProgress } from "../progress.js";
import type { StepResult } from "../step.js";
import { formatSmsReport, smsExitCode, smsStep } from "../smsStep.js";

// Heavy modules (nodemailer, the e-mail templates…) are imported when the command runs, not when
// `semaforo` starts: `--help`, `--version` and the other commands do not pay for them.

export const sendCommand = defineCommand({
  command: "send",
  describe: "E-mail the period's reports (one message per recipient), with a ledger so nothing is sent twice",
  examples: [
    ["$0 send --out out --period 2026-10 --dry-run", "Who gets what, without sending"],
    ["$0 send --out out --period 2026-10", "Write every message to out/2026-10/outbox/ as .eml files"],
    ["SEMAFORO_SMTP_URL=smtps://user:pass@smtp.example.org $0 send --period 2026-10", "Send through SMTP"],
    ["$0 send --period 2026-10 --resend-failed", "Try again the deliveries that failed"],
    [
      '$0 send --period 2026-10 --force 150102 --reason "UGEL says it never arrived"',
      "Send one unit's `unknown` deliveries again on purpose",
    ],
    [
      '$0 send --period 2026-10 --force 150102 --to ana@ugel.example.org --reason "corrected build"',
      "Send one address its report again, also when it was `sent` (e.g. it holds an older build)",
    ],
  ],
  builder: (y) =>
    y
      .option("out", {
        type: "string",
        describe: "Output folder (holds PERIOD/manifest.json; default: out)",
      })
      .option("period", { type: "string", demandOption: true, describe: "Month to send, YYYY-MM" })
      .option("smtp", {
        type: "string",
        describe:
          "SMTP server, smtp://[user:pass@]host[:port] or smtps://… (default: SEMAFORO_SMTP_URL; else the outbox)",
      })
      .option("sms", {
        type: "string",
        describe:
          "SMS centre or gateway, smpp://system_id:pass@host[:2775][?source=NAME][&bind=transceiver] or http(s)://… (default: SEMAFORO_SMS_URL, the config's sms.url; else outbox/sms/)",
      })
      .option("channel", {
        type: "string",
        choices: ["email", "sms", "all"] as const,
        default: "all",
        describe: "Which channel to send: e-mail, SMS, or both",
      })
      .option("dry-run", { type: "boolean", default: false, describe: "List who gets what; send nothing" })
      .option("only", { type: "string", describe: "Only these unit codes, comma-separated" })
      .option("resend-failed", {
        type: "boolean",
        default: false,
        describe: "Send again deliveries that failed",
      })
      .option("force", {
        type: "string",
        describe:
          "Send these units' `unknown` deliveries again on purpose, comma-separated (needs --reason; `sent` ones only with --to)",
      })
      .option("to", {
        type: "string",
        describe:
          "With --force: these recipient addresses get the report again whatever their state, `sent` included, comma-separated",
      })
      .option("reason", {
        type: "string",
        describe: "Why --force is used; recorded in the delivery ledger with your user name",
      })
      .option("max-size", {
        type: "number",
        default: DEFAULT_MAX_SIZE / 1024 / 1024,
        describe: "Largest message, in MB",
      })
      .option("rate", { type: "number", describe: "At most N SMTP messages per second" })
      .option("retries", {
        type: "number",
        default: 4,
        describe: "Retries of a delivery after a temporary failure (4: at most 5 attempts)",
      }),
  run: (args, io) => runSend({ ...args, channel: args.channel as SendArgs["channel"] }, io),
});

export interface SendArgs {
  out?: string;
  period: string;
  smtp?: string;
  /** `--sms`: the SMS centre or gateway URL. */
  sms?: string;
  /** `--channel` (default all). */
  channel?: "email" | "sms" | "all";
  "dry-run": boolean;
  only?: string;
  "resend-failed": boolean;
  force?: string;
  to?: string;
  reason?: string;
  "max-size": number;
  rate?: number;
  retries: number;
  json: boolean;
  config?: string;
  /** The settings resolved by the caller (run); else resolved from the flags and the config. */
  settings?: Settings;
}

/** `semaforo send`: flags over semaforo.config.json over defaults. */
export async function runSend(args: SendArgs, io: Io): Promise<number> {
  const result = await sendStep(args, io);
  printSend(result, args.json, io);
  return result.exitCode;
}

/** The send step (of `send` and `run`): prints only progress and warnings; returns the typed summary. */
export async function sendStep(args: SendArgs, io: Io): Promise<StepResult<SendReport>> {
  const options = await loadSettings({
    out: args.out,
    smtp: args.smtp,
    ...(args.sms !== undefined ? { sms: args.sms } : {}),
    rate: args.rate,
    config: args.config,
    settings: args.settings,
  });
  const channel = args.channel ?? "all";
  const smtpUrl = args["dry-run"] || channel === "sms" ? options.smtp.url : smtpUrlOrThrow(options);
  // `--to` names addresses (with an @) for the e-mails and phone numbers for the SMS.
  const to = codeList(args.to, "to", "send") ?? [];
  // The config's `email` settings override the ones the build recorded, field by field.
  const sender = options.email;
  const maxSize = numberFlag(args["max-size"], "max-size", "positive", "send");
  const attempts = 1 + Math.floor(numberFlag(args.retries, "retries", "nonNegative", "send"));
  numberFlag(args.rate, "rate", "positive", "send");
  let progress: ReturnType<typeof createProgress> | null = null;
  const { sendReportSet, sendExitCode } = await import("../../deliver/sendReportSet.js");
  const { defaultSendEffects } = await import("../../deliver/defaultSendEffects.js");
  const effects = defaultSendEffects({
    warn: (text) => io.err(`warning: ${text}`),
    onDelivery: (result, done, total) => {
      progress ??= createProgress(io, total, "Sending", { json: args.json });
      // Counted under the word the summary uses (failed, unknown, pending…), never lumped as "failed".
      progress.tick(
        `${result.code} ${result.email}`,
        result.action === "sent" || result.action === "written"
          ? undefined
          : result.action === "attempted"
            ? result.state
            : result.action,
      );
    },
  });
  const only = codeList(args.only, "only", "send") ?? [];
  const force = codeList(args.force, "force", "send") ?? [];
  const toAddresses = to.filter((t) => t.includes("@"));
  const toPhones = to.filter((t) => !t.includes("@"));
  // With `--to`, a channel none of whose recipients it names forces nothing: `--force X --to +51…`
  // re-sends that SMS, not unit X's `unknown` e-mails (and the other way round).
  const forceEmail = to.length > 0 && toAddresses.length === 0 ? [] : force;
  const forceSms = to.length > 0 && toPhones.length === 0 ? [] : force;
  const report =
    channel === "sms"
      ? emptyEmailReport(args.period, args["dry-run"])
      : await sendReportSet(
          {
            out: options.out,
            period: args.period,
            smtpUrl,
            sender,
            dryRun: args["dry-run"],
            only: codeList(args.only, "only", "send") ?? [],
            force: forceEmail,
            forceTo: toAddresses,
            ...(args.reason !== undefined ? { reason: args.reason } : {}),
            resendFailed: args["resend-failed"],
            maxSize: Math.round(maxSize * 1024 * 1024),
            rate: options.rate,
            retry: { attempts },
            env: process.env,
          },
          effects,
        );
  (progress as ReturnType<typeof createProgress> | null)?.stop();
  const emailExit = sendExitCode(report);
  // A configuration stop of the e-mails stops the run before the SMS.
  if (channel === "email" || report.stop?.kind === "config") return { exitCode: emailExit, summary: report };
  const sms = await smsStep(
    {
      period: args.period,
      out: options.out,
      dryRun: args["dry-run"],
      only,
      force: forceSms,
      forceTo: toPhones,
      ...(args.reason !== undefined ? { reason: args.reason } : {}),
      resendFailed: args["resend-failed"],
      attempts,
      json: args.json,
      settings: options,
    },
    io,
  );
  const smsExit = smsExitCode(sms);
  const exitCode = emailExit === 2 || smsExit === 2 ? 2 : Math.max(emailExit, smsExit);
  return { exitCode: exitCode as typeof emailExit, summary: { ...report, sms } };
}

/** The e-mail part of a `--channel sms` run: nothing planned, nothing sent. */
function emptyEmailReport(period: string, dryRun: boolean): SendReport {
  return {
    period,
    dryRun,
    transportKind: "outbox",
    transport: "(no e-mail: --channel sms)",
    deliveries: [],
    counts: { sent: 0, written: 0, failed: 0, unknown: 0, pending: 0 },
    sentNow: 0,
    writtenNow: 0,
    stop: null,
  };
}

/**
 * The error a send's stop amounts to: a configuration stop (535, TLS, certificate, host name) is
 * an expected error of exit 2, like a bad flag; an unreachable server is not (exit 5, retried).
 */
export function sendError(report: SendReport): CliError | null {
  if (report.stop?.kind === "config") return errors.smtpUnusable(report.stop.reply);
  return report.sms?.stop?.kind === "config" ? errors.smsUnusable(report.sms.stop.reply) : null;
}

/**
 * Prints a send step's summary. Under `--json`: the summary, or, when a configuration problem
 * stopped the run, the error document every exit-2 error prints, with the summary as `send`.
 */
export function printSend(result: StepResult<SendReport>, json: boolean, io: Io): void {
  if (!json) {
    const lines =
      result.summary.deliveries.length > 0 || !result.summary.sms ? formatSendReport(result.summary) : [];
    if (result.summary.sms) lines.push(...formatSmsReport(result.summary.sms));
    io.out(lines.join("\n"));
    return;
  }
  const error = sendError(result.summary);
  const document = error ? { ...errorDocument(error), send: result.summary } : result.summary;
  io.out(JSON.stringify(document, null, 2));
}

/** The human summary of a send: the problems, one summary line, and what to do next. */
export function formatSendReport(report: SendReport): string[] {
  const lines: string[] = [];
  if (report.dryRun) {
    const rows = report.deliveries.map((d) => [
      d.action === "would-send" ? "send" : d.action === "refused" ? "REFUSE" : "skip",
      d.email,
      `${d.level} ${d.code} ${d.unit}`,
      d.language,
      d.file,
      formatSize(d.bytes),
      d.state,
      d.reply ?? "",
    ]);
    lines.push(...table([["", "address", "unit", "lang", "file", "size", "state", "note"], ...rows]));
    const toSend = report.deliveries.filter((d) => d.action === "would-send").length;
    const refused = report.deliveries.filter((d) => d.action === "refused").length;
    lines.push(
      "",
      `Dry run for ${report.period} via ${report.transport}: ${toSend} of ${deliveries(report.deliveries.length)} would be ${report.transportKind === "smtp" ? "sent" : "written to the outbox"}` +
        `${refused ? `, ${refused} would be refused (see REFUSE)` : ""}. Nothing was sent.`,
    );
    lines.push(...advice(report));
    return lines;
  }
  for (const d of report.deliveries) {
    if (d.state === "sent" || d.state === "written" || d.action === "skipped") continue;
    lines.push(`${d.state.padEnd(7)} ${d.level} ${d.code} → ${d.email}: ${d.reply ?? ""}`);
  }
  const { sent, written, failed, unknown, pending } = report.counts;
  const now =
    report.transportKind === "smtp"
      ? `${report.sentNow} sent now`
      : `${report.writtenNow} written to the outbox now (not sent: no SMTP URL)`;
  lines.push(
    `${report.period} via ${report.transport}: ${now}; ${sent} sent, ${written ? `${written} written, ` : ""}${failed} failed, ${unknown} unknown` +
      `${pending ? `, ${pending} not sent yet` : ""} of ${deliveries(report.deliveries.length)}.`,
  );
  if (report.stop) lines.push(`Stopped early: ${report.stop.reason}.`);
  lines.push(...advice(report));
  if (pending) lines.push("Deliveries not sent yet are sent by running the same command again.");
  return lines;
}

/** What to do next about written, failed, unknown and outdated deliveries. */
function advice(report: SendReport): string[] {
  const lines: string[] = [];
  const { deliveries } = report;
  if (report.counts.written && report.transportKind === "outbox")
    lines.push(
      "Written deliveries are .eml files in the outbox: nobody got them yet. Send them with --smtp URL (or SEMAFORO_SMTP_URL).",
    );
  if (deliveries.some((d) => d.state === "failed"))
    lines.push("Failed deliveries are retried with --resend-failed once the cause is fixed.");
  const unknownCodes = [...new Set(deliveries.filter((d) => d.state === "unknown").map((d) => d.code))];
  if (unknownCodes.length) {
    lines.push(
      `Unknown deliveries may or may not have arrived (the connection broke after the message was handed over): they are never re-sent automatically. Ask the recipients, then re-send on purpose with --force ${unknownCodes.join(",")} --reason "…".`,
    );
  }
  const outdated = deliveries.filter((d) => d.outdated);
  if (outdated.length) {
    lines.push(
      `${outdated.length} recipient(s) hold an older build of their PDF: ${outdated.map((d) => `${d.code} ${d.email}`).join(", ")}. Send the new one with --force CODE --to ADDRESS --reason "…".`,
    );
  }
  return lines;
}

function table(rows: string[][]): string[] {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? "").length))) ?? [];
  return rows.map((r) =>
    r
      .map((cell, i) => cell.padEnd(widths[i] ?? 0))
      .join("  ")
      .trimEnd(),
  );
}

/** "1 delivery", "507 deliveries". */
const deliveries = (count: number) => `${count} ${count === 1 ? "delivery" : "deliveries"}`;
