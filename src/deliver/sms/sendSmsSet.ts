import { createHash } from "node:crypto";
import { join } from "node:path";
import { assertPeriod } from "../../assertPeriod.js";
import { errors } from "../../errors.js";
import type { DeliveryEvent, DeliveryState, Locale, ReportLevel } from "../../model.js";
import { DEFAULT_RETRY, type RetryPolicy } from "../computeBackoff.js";
import { deliverWithRetry } from "../deliverWithRetry.js";
import type { Ledger } from "../openLedger.js";
import { replayLedger } from "../replayLedger.js";
import type { SendStop } from "../sendReport.js";
import type { SendOutcome, Transport } from "../transport.js";
import type { LedgerEntry } from "../types.js";
import type { SendEffects } from "../sendReportSet.js";
import { checkPhone } from "../../rules/checkPhone.js";
import { countSegments, MAX_SEGMENTS } from "./gsm7.js";
import { listSmsDeliveries } from "./listSmsDeliveries.js";
import { parseSmsUrl, type SmsSettings } from "./parseSmsUrl.js";
import { planSms, type PlannedSms } from "./planSms.js";
import { smsReference } from "./smsReference.js";
import type { SmsMessage, SmsOutcome, SmsReceipt, SmsTransport } from "./types.js";

export interface SendSmsOptions {
  out: string;
  period: string;
  /** `--sms`, SEMAFORO_SMS_URL or the config's `sms.url`; without it, text files in OUT/PERIOD/outbox/sms/. */
  smsUrl?: string;
  /** The password from the variable the config's `sms.passwordEnv` names (replaces the URL's). */
  password?: string;
  dryRun?: boolean;
  only?: string[];
  force?: string[];
  /** `--to`: phones of the forced units (E.164 or 9 national digits). */
  forceTo?: string[];
  reason?: string;
  forcedBy?: string;
  resendFailed?: boolean;
  retry?: Partial<RetryPolicy>;
  /** Messages handed over at once (outstanding submits). Default DEFAULT_SMS_WINDOW. */
  window?: number;
}

/** SMS handed over at once (outstanding submits) when the caller does not say. */
export const DEFAULT_SMS_WINDOW = 10;

/** Where this run's SMS go. */
export type SmsTarget = { kind: "network"; settings: SmsSettings } | { kind: "outbox"; dir: string };

/** The e-mail send's effects (manifest, lock, ledger, clock, …) with an SMS transport in place of the mail one. */
export type SendSmsEffects = Omit<SendEffects, "readTemplates" | "makeTransport" | "onDelivery"> & {
  makeSmsTransport: (target: SmsTarget) => SmsTransport;
  onDelivery?: (result: SmsDeliveryResult, done: number, total: number) => void;
};

export interface SmsDeliveryResult {
  id: string;
  channel: "sms";
  level: ReportLevel;
  code: string;
  unit: string;
  language: Locale;
  /** E.164. */
  phone: string;
  name: string;
  /** For a school director's SMS. */
  school?: { code: string; name: string };
  text: string;
  /** Characters (GSM-7). */
  length: number;
  segments: number;
  state: DeliveryState;
  transport?: DeliveryEvent["transport"];
  /** Delivery receipt, when the centre sent one. */
  receipt?: "delivered" | "undelivered";
  action: "sent" | "written" | "skipped" | "attempted" | "not-reached" | "would-send" | "refused";
  reply?: string;
}

export interface SmsSendReport {
  period: string;
  channel: "sms";
  dryRun: boolean;
  transportKind: "smpp" | "http" | "outbox";
  transport: string;
  deliveries: SmsDeliveryResult[];
  counts: Record<DeliveryState, number>;
  sentNow: number;
  writtenNow: number;
  stop: SendStop | null;
}

/**
 * `semaforo send --channel sms`: the SMS the build put in the manifest, one per phone, through an
 * SMPP centre, an HTTP gateway or the outbox, each state change appended to the same ledger as the
 * e-mails (`channel: "sms"`), under the same lock, with the same rules: a rerun sends nothing
 * `sent`, an `unknown` SMS is never sent again without `--force`.
 */
export async function sendSmsSet(options: SendSmsOptions, effects: SendSmsEffects): Promise<SmsSendReport> {
  assertPeriod(options.period);
  const periodDir = join(options.out, options.period);
  const manifest = await effects.loadManifest(periodDir);
  const { clock, warn } = effects;
  const only = options.only ?? [];
  const force = options.force ?? [];
  const forceTo = (options.forceTo ?? []).map((raw) => {
    const phone = checkPhone(raw, { international: true });
    if (!phone.ok) throw errors.toNotRecipient([raw], force);
    return phone.phone;
  });
  const known = new Set(manifest.reports.map((r) => r.code));
  const unknownCodes = [...only, ...force].filter((c) => !known.has(c));
  if (unknownCodes.length > 0) throw errors.unknownUnit(unknownCodes, `${manifest.period}'s manifest`, known);
  if (forceTo.length > 0 && force.length === 0) throw errors.toNeedsForce();
  // `--to` names phones of the forced units' SMS, as for the e-mails (checkForce).
  const phones = new Set(
    manifest.reports.filter((r) => force.includes(r.code)).flatMap((r) => (r.sms ?? []).map((s) => s.to)),
  );
  const strangers = (options.forceTo ?? []).filter((_, i) => !phones.has(forceTo[i] as string));
  if (strangers.length > 0) throw errors.toNotRecipient(strangers, force);
  let forced: { by: string; reason: string } | null = null;
  if (force.length > 0) {
    if (!options.reason?.trim()) throw errors.forceNeedsReason();
    forced = { by: options.forcedBy ?? effects.whoAmI(), reason: options.reason.trim() };
  }
  const target: SmsTarget = options.smsUrl
    ? { kind: "network", settings: parseSmsUrl(options.smsUrl, options.password) }
    : { kind: "outbox", dir: join(periodDir, "outbox", "sms") };
  const ledgerFile = join(periodDir, "deliveries.jsonl");
  const transportKind: SmsSendReport["transportKind"] =
    target.kind === "outbox" ? "outbox" : target.settings.kind;
  const planOptions = {
    only,
    force,
    forceTo,
    resendFailed: options.resendFailed ?? false,
    transport: transportKind,
  };

  if (options.dryRun) {
    const events = effects.readLedger(ledgerFile).events;
    const plan = planSms(listSmsDeliveries(manifest, replayLedger(events)), planOptions);
    const deliveries = plan.map((p) => {
      const problem = refusal(p);
      return result(
        p,
        p.entry,
        p.action === "skip" ? "skipped" : problem ? "refused" : "would-send",
        problem ?? note(p),
      );
    });
    return summarize(options.period, true, transportKind, describe(target), deliveries, null);
  }

  const lock = effects.lock(join(periodDir, ".send.lock"), { clock, warn });
  let ledger: Ledger | undefined;
  let transport: SmsTransport | undefined;
  try {
    ledger = effects.openLedger(ledgerFile, warn);
    const events: DeliveryEvent[] = [...ledger.events];
    const plan = planSms(listSmsDeliveries(manifest, replayLedger(events)), planOptions);
    transport = effects.makeSmsTransport(target);
    const append = (event: DeliveryEvent) => {
      ledger?.append(event);
      events.push(event);
    };
    // Receipts that arrive while the session is open: recorded for the message (every part). A
    // receipt can come before its SMS is done (part 1's, while part 2 goes out; or in the same
    // packet as the submit's response): it waits until the SMS's ids are known.
    const byGatewayId = new Map<string, PlannedSms>();
    const early = new Map<string, SmsReceipt[]>();
    const record = (p: PlannedSms, receipt: SmsReceipt) =>
      append({
        ...base(p, clock),
        state: "sent",
        transport: transportKind,
        receipt: receipt.state,
        reply: receipt.detail,
      });
    transport.onReceipt?.((receipt) => {
      const id = receipt.messageId.toUpperCase();
      const p = byGatewayId.get(id);
      if (p) record(p, receipt);
      else early.set(id, [...(early.get(id) ?? []), receipt]);
    });
    const policy = { ...DEFAULT_RETRY, ...options.retry };
    const toSend = plan.filter((p) => p.action === "send");
    const acted = new Map<string, SmsDeliveryResult["action"]>();
    let stop: SendStop | null = null;
    let done = 0;
    let next = 0;
    const worker = async () => {
      while (next < toSend.length) {
        const p = toSend[next++] as PlannedSms;
        if (stop) {
          acted.set(p.id, "not-reached");
          continue;
        }
        const outcome = await deliver(p, transport as SmsTransport, append, {
          clock,
          policy,
          random: effects.random,
          sleep: effects.sleep,
          forced: p.why === "forced-unknown" || p.why === "forced-to" ? forced : null,
          transportKind,
          attemptsBefore: p.entry.attempts,
        });
        for (const raw of outcome.ids) {
          const id = raw.toUpperCase();
          byGatewayId.set(id, p);
          for (const receipt of early.get(id) ?? []) record(p, receipt);
          early.delete(id);
        }
        acted.set(
          p.id,
          outcome.state === "sent" || outcome.state === "written" ? outcome.state : "attempted",
        );
        stop ??= outcome.stop;
        done += 1;
        const entry = replayLedger(events.filter((e) => e.id === p.id)).get(p.id) ?? p.entry;
        effects.onDelivery?.(
          result(p, entry, acted.get(p.id) ?? "attempted", entry.reply),
          done,
          toSend.length,
        );
      }
    };
    const window = Math.max(1, Math.floor(options.window ?? DEFAULT_SMS_WINDOW));
    await Promise.all(Array.from({ length: Math.min(window, toSend.length) }, () => worker()));
    // Receipts already on their way are taken while the session closes.
    await transport.close();
    const final = replayLedger(events);
    const deliveries = plan.map((p) => {
      const entry = final.get(p.id) ?? p.entry;
      const action = acted.get(p.id) ?? "skipped";
      const reply =
        action === "skipped"
          ? skipReply(p)
          : action === "not-reached"
            ? `not attempted: the run stopped first (${stop?.reason ?? "stopped"})`
            : entry.reply;
      return result(p, entry, action, reply);
    });
    return summarize(options.period, false, transportKind, transport.description, deliveries, stop);
  } finally {
    try {
      await transport?.close();
    } finally {
      ledger?.close();
      lock.release();
    }
  }
}

interface DeliverSettings {
  clock: () => Date;
  policy: RetryPolicy;
  random: () => number;
  sleep: (ms: number) => Promise<void>;
  forced: { by: string; reason: string } | null;
  transportKind: DeliveryEvent["transport"];
  attemptsBefore: number;
}

/**
 * One SMS: checked (the same refusal words as the dry run), then handed over by the one retry loop
 * of every channel (deliverWithRetry), each step appended to the ledger before the next: the
 * attempt with the text handed over, the outcome with the centre's message ids.
 */
async function deliver(
  p: PlannedSms,
  transport: SmsTransport,
  append: (event: DeliveryEvent) => void,
  s: DeliverSettings,
): Promise<{ state: DeliveryState; stop: SendStop | null; ids: string[] }> {
  const record = (state: DeliveryEvent["state"], extra: Partial<DeliveryEvent> = {}) =>
    append({
      ...base(p, s.clock),
      state,
      transport: s.transportKind,
      ...(s.forced ? { forced: s.forced } : {}),
      ...extra,
    });
  const problem = refusal(p);
  if (problem) {
    record("failed", { reply: problem });
    return { state: "failed", stop: null, ids: [] };
  }
  const message: SmsMessage = {
    to: p.sms.to,
    text: p.sms.text,
    reference: smsReference(p.id),
    outboxName: smsOutboxName(p),
  };
  let ids: string[] = [];
  const adapter: Transport<SmsMessage> = {
    kind: s.transportKind,
    description: transport.description,
    async send(m) {
      let outcome: SmsOutcome;
      try {
        outcome = await transport.send(m);
      } catch (error) {
        outcome = { status: "not-sent", fatal: false, reply: (error as Error).message };
      }
      return toSendOutcome(outcome, (found) => (ids = found));
    },
    close: () => Promise.resolve(),
  };
  const outcome = await deliverWithRetry(
    adapter,
    message,
    s.attemptsBefore,
    (step) =>
      record(step.state, {
        attempt: step.attempt,
        ...(step.reply !== undefined ? { reply: step.reply } : {}),
        ...(step.state === "attempt" ? { text: p.sms.text } : {}),
        ...(step.state === "sent" && ids.length > 0 ? { gatewayIds: ids } : {}),
      }),
    s,
  );
  return { ...outcome, ids: outcome.state === "sent" ? ids : [] };
}

/** An SMS transport's outcome in the delivery model's words (the retry loop's vocabulary). Pure. */
export function toSendOutcome(outcome: SmsOutcome, onIds: (ids: string[]) => void): SendOutcome {
  switch (outcome.status) {
    case "sent":
      onIds(outcome.ids);
      return { status: "sent", reply: outcome.reply };
    case "written":
      return { status: "written", reply: outcome.reply };
    case "lost":
      return { status: "unknown", reply: `handed over, no definite answer: ${outcome.reply}` };
    case "rejected":
      return outcome.permanent
        ? { status: "failed", reply: outcome.reply }
        : {
            status: "retry",
            reply: outcome.reply,
            reached: true,
            ...(outcome.retryAfterMs !== undefined ? { afterMs: outcome.retryAfterMs } : {}),
          };
    case "not-sent":
      return outcome.fatal
        ? { status: "stop", reply: outcome.reply }
        : { status: "retry", reply: outcome.reply, reached: false };
  }
}

/** What every event of an SMS delivery carries. */
function base(p: PlannedSms, clock: () => Date) {
  return {
    id: p.id,
    messageId: `sms:${smsReference(p.id)}`,
    at: clock().toISOString(),
    level: p.report.level,
    code: p.report.code,
    language: p.report.language,
    email: p.sms.to,
    file: p.report.file,
    // The PDF build the text was made from (so verify finds every version the ledger names).
    sha256: p.report.sha256,
    channel: "sms" as const,
    ...(p.sms.school ? { school: p.sms.school.code } : {}),
  };
}

/** Why an SMS of the manifest cannot be sent as it is (the same words in the dry run and the send). */
function refusal(p: PlannedSms): string | null {
  const phone = checkPhone(p.sms.to, { international: true });
  if (!phone.ok) return `the phone number ${phone.reason}`;
  try {
    const segments = countSegments(p.sms.text);
    if (segments > MAX_SEGMENTS)
      return `the text needs ${segments} SMS parts; at most ${MAX_SEGMENTS} are sent`;
  } catch (error) {
    return `the text is not GSM-7 (${(error as Error).message})`;
  }
  return null;
}

/** The outbox file name, from safe parts only. */
export function smsOutboxName(p: Pick<PlannedSms, "id" | "report" | "sms">): string {
  const hash = createHash("sha256").update(p.id).digest("hex").slice(0, 8);
  const code = p.report.code.replace(/[^A-Za-z0-9_-]/g, "_").slice(0, 40) || "_";
  const school = p.sms.school ? `-${p.sms.school.code.replace(/[^A-Za-z0-9_-]/g, "_").slice(0, 40)}` : "";
  return `${p.report.level}-${code}${school}-${p.report.language}-${p.sms.to.replace(/[^0-9+]/g, "")}-${hash}.txt`;
}

function describe(target: SmsTarget): string {
  return target.kind === "outbox" ? `outbox ${target.dir}` : target.settings.display;
}

function result(
  p: PlannedSms,
  entry: LedgerEntry,
  action: SmsDeliveryResult["action"],
  reply: string | undefined,
): SmsDeliveryResult {
  let segments: number;
  try {
    segments = countSegments(p.sms.text);
  } catch {
    segments = 0;
  }
  return {
    id: p.id,
    channel: "sms",
    level: p.report.level,
    code: p.report.code,
    unit: p.report.name,
    language: p.report.language,
    phone: p.sms.to,
    name: p.sms.name,
    ...(p.sms.school ? { school: p.sms.school } : {}),
    text: p.sms.text,
    length: [...p.sms.text].length,
    segments,
    state: entry.state,
    ...(entry.transport ? { transport: entry.transport } : {}),
    ...(entry.receipt ? { receipt: entry.receipt } : {}),
    action,
    ...(reply !== undefined ? { reply } : {}),
  };
}

function skipReply(p: PlannedSms): string | undefined {
  switch (p.why) {
    case "already-sent":
      return "already sent";
    case "already-written":
      return "already written to the outbox; a run with an SMS URL sends it";
    case "failed":
      return `failed before (${p.entry.reply ?? "no reply"}); --resend-failed retries it`;
    case "unknown":
      return `unknown (${p.entry.reply ?? "no reply"}); ask the recipient, then --force ${p.report.code} --reason "…" re-sends it`;
    default:
      return undefined;
  }
}

function note(p: PlannedSms): string | undefined {
  switch (p.why) {
    case "written":
      return "written to the outbox before; not sent yet";
    case "retry-pending":
      return `not sent yet (${p.entry.reply ?? "interrupted"})`;
    case "resend-failed":
      return `failed before (${p.entry.reply ?? "no reply"}); sent again`;
    case "forced-unknown":
      return "unknown before; sent again on purpose (--force)";
    case "forced-to":
      return `${p.entry.state} before; sent again on purpose (--force --to)`;
    default:
      return skipReply(p);
  }
}

function summarize(
  period: string,
  dryRun: boolean,
  transportKind: SmsSendReport["transportKind"],
  transport: string,
  deliveries: SmsDeliveryResult[],
  stop: SendStop | null,
): SmsSendReport {
  const counts: Record<DeliveryState, number> = { sent: 0, written: 0, failed: 0, unknown: 0, pending: 0 };
  for (const d of deliveries) counts[d.state] += 1;
  return {
    period,
    channel: "sms",
    dryRun,
    transportKind,
    transport,
    deliveries,
    counts,
    sentNow: deliveries.filter((d) => d.action === "sent").length,
    writtenNow: deliveries.filter((d) => d.action === "written").length,
    stop,
  };
}
