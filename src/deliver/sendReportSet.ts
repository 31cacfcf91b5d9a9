import { assertPeriod } from "../assertPeriod.js";
import { join } from "node:path";
import { ExitCode, errors } from "../errors.js";
import type { DeliveryEvent, DeliveryState, ReportLevel, Locale, Manifest } from "../model.js";
import type { SendLock } from "./acquireSendLock.js";
import { addressKey } from "./addressKey.js";
import { computeBackoff, DEFAULT_RETRY, type RetryPolicy } from "./computeBackoff.js";
import type { Ledger } from "./openLedger.js";
import { parseSender, type Sender } from "./parseSender.js";
import { parseSmtpUrl, type SmtpSettings } from "./parseSmtpUrl.js";
import { planDeliveries } from "./planDeliveries.js";
import { prepareMessage, type MessageSettings } from "./prepareMessage.js";
import type { EmailTemplates } from "./renderEmail.js";
import { replayLedger } from "./replayLedger.js";
import type { LedgerEntry, MailTransport, OutgoingMessage, PlannedDelivery } from "./types.js";

import { DEFAULT_MAX_SIZE } from "./defaultMaxSize.js";

export { DEFAULT_MAX_SIZE };

export interface SendReportSetOptions {
  /** The output folder (`--out`); the period's folder is OUT/PERIOD. */
  out: string;
  period: string;
  /** `--smtp` or SEMAFORO_SMTP_URL; without it, messages go to OUT/PERIOD/outbox/. */
  smtpUrl?: string;
  dryRun?: boolean;
  /** Unit codes to consider. */
  only?: string[];
  /** Unit codes whose `unknown` deliveries are sent again on purpose (needs `reason`). */
  force?: string[];
  /** Addresses of the forced units to send again whatever their state, `sent` included. */
  forceTo?: string[];
  /** Why the operator forces a re-send: recorded in the ledger with who asked. */
  reason?: string;
  /** Who asks for a forced re-send (default: the OS user). */
  forcedBy?: string;
  resendFailed?: boolean;
  /** Largest encoded message, in bytes (default 10 MB). */
  maxSize?: number;
  /** SMTP messages per second. */
  rate?: number;
  retry?: Partial<RetryPolicy>;
  /** For SEMAFORO_SMTP_USER / SEMAFORO_SMTP_PASS. */
  env?: Record<string, string | undefined>;
  /** Overrides the manifest's `email` sender settings, field by field (semaforo.config.json `email`). */
  sender?: { from?: string; fromName?: string; replyTo?: string };
}

/** Where this run's messages go, decided from the options before any transport is made. */
export type TransportTarget =
  | { kind: "smtp"; settings: SmtpSettings; rate?: number; sleep: (ms: number) => Promise<void> }
  | { kind: "outbox"; dir: string };

/**
 * The IO of a send, passed in as one argument so tests run it with fakes (Observable Framework's
 * "effects", like `BuildEffects`); `defaultSendEffects()` gives the real ones. The archive's PDFs
 * are read from the period folder by prepareMessage, which checks their sha256.
 */
export interface SendEffects {
  loadManifest: (periodDir: string) => Promise<Manifest>;
  readTemplates: () => Promise<EmailTemplates>;
  /**
   * Makes the run's transport. Making one connects to nothing (a dry run makes it only for its
   * kind and description, then closes it); the SMTP transport connects on its first message.
   */
  makeTransport: (target: TransportTarget) => MailTransport;
  /** One send per period at a time (OUT/PERIOD/.send.lock). */
  lock: (file: string, options: { clock: () => Date; warn: (text: string) => void }) => SendLock;
  /** Reads the ledger without opening it for writing (the dry run). */
  readLedger: (file: string) => { events: DeliveryEvent[] };
  /** Opens the ledger for appending: every event is written and fsync'd before the run goes on. */
  openLedger: (file: string, warn: (text: string) => void) => Ledger;
  clock: () => Date;
  random: () => number;
  sleep: (ms: number) => Promise<void>;
  /** Who asks for a forced re-send, when the options do not say (`forcedBy`). */
  whoAmI: () => string;
  warn: (text: string) => void;
  /** Called after each delivery this run acts on (progress). */
  onDelivery?: (result: DeliveryResult, done: number, total: number) => void;
}

/** Why a run stopped before the end: the deliveries not reached stay `pending`. */
export type SendStop =
  /** Credentials (535), TLS, the certificate or the host name: every further message would fail the same way. Exit 2. */
  | { kind: "config"; reason: string; reply: string }
  /** No connection to the server, after every retry: the next `send` tries again. Exit 5. */
  | { kind: "unreachable"; reason: string; reply: string };

export interface DeliveryResult {
  id: string;
  level: ReportLevel;
  code: string;
  /** The unit's name. */
  unit: string;
  language: Locale;
  email: string;
  file: string;
  bytes: number;
  /** State after this run (for a dry run: before it). */
  state: DeliveryState;
  /** The transport of the event that set the state. */
  transport?: DeliveryEvent["transport"];
  /** `sent` with an older build of the PDF than the manifest's. */
  outdated: boolean;
  /**
   * What this run did with it: `sent` (SMTP accepted), `written` (outbox), `attempted` (did not
   * end sent), `skipped`, `not-reached` (the run stopped first); a dry run says `would-send`, or
   * `refused` with the words the real send would record.
   */
  action: "sent" | "written" | "skipped" | "attempted" | "not-reached" | "would-send" | "refused";
  /** Why it was skipped or refused, or what the server said. */
  reply?: string;
}

export interface SendReport {
  period: string;
  dryRun: boolean;
  /** `smtp` or `outbox`. */
  transportKind: DeliveryEvent["transport"];
  transport: string;
  deliveries: DeliveryResult[];
  counts: Record<DeliveryState, number>;
  /** Deliveries an SMTP server accepted in this run. */
  sentNow: number;
  /** Deliveries written to the outbox in this run. */
  writtenNow: number;
  /** Why the run stopped before the end, or null when it did not. */
  stop: SendStop | null;
}

/**
 * `semaforo send`: delivers OUT/PERIOD's reports by e-mail, one message per recipient address,
 * recording every state change in OUT/PERIOD/deliveries.jsonl (appended, fsync'd) so that a run can
 * be killed, re-run or run twice without losing or duplicating a message. Delivery states come from
 * replayLedger only (the same model `status` shows).
 */
export async function sendReportSet(
  options: SendReportSetOptions,
  effects: SendEffects,
): Promise<SendReport> {
  assertPeriod(options.period);
  const periodDir = join(options.out, options.period);
  const manifest = await effects.loadManifest(periodDir);
  const { warn, clock } = effects;
  const sender = resolveSender(mergeSender(manifest.email, options.sender));
  const only = options.only ?? [];
  const force = options.force ?? [];
  const forceTo = options.forceTo ?? [];
  checkCodes(manifest, [...only, ...force]);
  const forced = checkForce(manifest, force, forceTo, options.reason, options.forcedBy ?? effects.whoAmI);
  if (manifest.failures.length > 0) {
    warn(
      `${manifest.failures.length} report(s) could not be rendered in the last build and cannot be sent: ${manifest.failures.map((f) => f.code).join(", ")}.`,
    );
  }
  const smtp = options.smtpUrl ? parseSmtpUrl(options.smtpUrl, options.env ?? {}) : null;
  const target: TransportTarget = smtp
    ? { kind: "smtp", settings: smtp, rate: options.rate, sleep: effects.sleep }
    : { kind: "outbox", dir: join(periodDir, "outbox") };
  const ledgerFile = join(periodDir, "deliveries.jsonl");
  const settings = (templates: EmailTemplates): MessageSettings => ({
    periodDir,
    manifest,
    sender,
    templates,
    clock,
    maxSize: options.maxSize ?? DEFAULT_MAX_SIZE,
  });
  const planOptions = (transport: MailTransport) => ({
    only,
    force,
    forceTo,
    resendFailed: options.resendFailed ?? false,
    domain: sender.domain,
    transport: transport.kind,
  });

  if (options.dryRun) {
    // Made for its kind and description only: nothing is sent through it.
    const transport = effects.makeTransport(target);
    try {
      const events = effects.readLedger(ledgerFile).events;
      const plan = planDeliveries(manifest, replayLedger(events), planOptions(transport));
      warnIdleForce(plan, force, warn);
      const message = settings(await effects.readTemplates());
      const cache = {};
      const deliveries: DeliveryResult[] = [];
      for (const p of plan) {
        if (p.action === "skip") {
          deliveries.push(result(p, p.previous, "skipped", skipReply(p)));
          continue;
        }
        const prepared = await prepareMessage(message, p, cache);
        deliveries.push(
          prepared.ok
            ? result(p, p.previous, "would-send", sendNote(p))
            : result(p, p.previous, "refused", prepared.reason),
        );
      }
      return summarize(options.period, true, transport, deliveries, null);
    } finally {
      await transport.close();
    }
  }

  const lock = effects.lock(join(periodDir, ".send.lock"), { clock, warn });
  let ledger: Ledger | undefined;
  let transport: MailTransport | undefined;
  try {
    ledger = effects.openLedger(ledgerFile, warn);
    const events: DeliveryEvent[] = [...ledger.events];
    transport = effects.makeTransport(target);
    const plan = planDeliveries(manifest, replayLedger(events), planOptions(transport));
    warnIdleForce(plan, force, warn);
    const templates = await effects.readTemplates();
    const policy = { ...DEFAULT_RETRY, ...options.retry };
    const run = new Runner(settings(templates), transport, ledger, events, {
      clock,
      policy,
      forced,
      random: effects.random,
      sleep: effects.sleep,
    });

    const toSend = plan.filter((p) => p.action === "send");
    const acted = new Map<string, DeliveryResult["action"]>();
    let stop: SendStop | null = null;
    let done = 0;
    for (const delivery of toSend) {
      if (stop) {
        acted.set(delivery.id, "not-reached");
        continue;
      }
      const outcome = await run.deliver(delivery);
      const action = outcome.state === "sent" || outcome.state === "written" ? outcome.state : "attempted";
      acted.set(delivery.id, action);
      stop = outcome.stop;
      done += 1;
      const entry = replayLedger(events.filter((e) => e.id === delivery.id)).get(delivery.id);
      effects.onDelivery?.(
        result(delivery, entry ?? delivery.previous, action, entry?.reply),
        done,
        toSend.length,
      );
    }

    const final = replayLedger(events);
    const deliveries = plan.map((p) => {
      const entry = final.get(p.id) ?? p.previous;
      const action = acted.get(p.id) ?? "skipped";
      const reply =
        action === "skipped"
          ? skipReply(p)
          : action === "not-reached"
            ? `not attempted: the run stopped first (${stop?.reason ?? "stopped"})`
            : entry.reply;
      return result(p, entry, action, reply);
    });
    return summarize(options.period, false, transport, deliveries, stop);
  } finally {
    try {
      await transport?.close();
    } finally {
      ledger?.close();
      lock.release();
    }
  }
}

/**
 * The exit code of a send: 0 when every delivery in scope ended `sent` (for an outbox run:
 * `written` or `sent`), else 5; 2 when a configuration problem stopped it. A dry run exits 5 when
 * the real send would refuse a delivery, else 0.
 */
export function sendExitCode(report: SendReport): ExitCode {
  if (report.stop?.kind === "config") return ExitCode.usage;
  if (report.dryRun) {
    return report.deliveries.some((d) => d.action === "refused") ? ExitCode.deliveryFailed : ExitCode.ok;
  }
  const done = (d: DeliveryResult) =>
    d.state === "sent" || (report.transportKind === "outbox" && d.state === "written");
  return report.deliveries.every(done) ? ExitCode.ok : ExitCode.deliveryFailed;
}

interface RunSettings {
  clock: () => Date;
  policy: RetryPolicy;
  /** Recorded on the events of forced re-sends. */
  forced: { by: string; reason: string } | null;
  random: () => number;
  sleep: (ms: number) => Promise<void>;
}

/** A delivery's state after this run, and why the run must stop after it (or null). */
interface DeliverOutcome {
  state: DeliveryState;
  stop: SendStop | null;
}

/** Sends one delivery at a time: checks, builds, hands over with retries, records each step. */
class Runner {
  private readonly cache: { file?: string; bytes?: Buffer } = {};

  constructor(
    private readonly message: MessageSettings,
    private readonly transport: MailTransport,
    private readonly ledger: Pick<Ledger, "append">,
    private readonly events: DeliveryEvent[],
    private readonly settings: RunSettings,
  ) {}

  async deliver(delivery: PlannedDelivery): Promise<DeliverOutcome> {
    const forced =
      (delivery.why === "forced-unknown" || delivery.why === "forced-to") && this.settings.forced
        ? { forced: this.settings.forced }
        : {};
    const record = (state: DeliveryEvent["state"], extra: { attempt?: number; reply?: string } = {}) => {
      const event: DeliveryEvent = {
        id: delivery.id,
        messageId: delivery.messageId,
        at: this.settings.clock().toISOString(),
        level: delivery.report.level,
        code: delivery.report.code,
        language: delivery.language,
        email: delivery.email,
        file: delivery.report.file,
        sha256: delivery.report.sha256,
        state,
        ...extra,
        transport: this.transport.kind,
        ...forced,
      };
      this.ledger.append(event);
      this.events.push(event);
    };

    const prepared = await prepareMessage(this.message, delivery, this.cache);
    if (!prepared.ok) {
      record("failed", { reply: prepared.reason });
      return { state: "failed", stop: null };
    }
    return this.handOver(delivery, prepared.message, record);
  }

  private async handOver(
    delivery: PlannedDelivery,
    message: OutgoingMessage,
    record: (state: DeliveryEvent["state"], extra?: { attempt?: number; reply?: string }) => void,
  ): Promise<DeliverOutcome> {
    const { policy } = this.settings;
    for (let attempt = 1; ; attempt++) {
      const number = delivery.previous.attempts + attempt;
      record("attempt", { attempt: number });
      const outcome = await this.transport.send(message);
      switch (outcome.status) {
        case "sent":
        case "written":
          record(outcome.status, { attempt: number, reply: outcome.reply });
          return { state: outcome.status, stop: null };
        case "lost":
          record("unknown", {
            attempt: number,
            reply: `the connection broke after the message was handed over: ${outcome.reply}`,
          });
          return { state: "unknown", stop: null };
        case "rejected":
          if (outcome.permanent) {
            record("failed", { attempt: number, reply: outcome.reply });
            return { state: "failed", stop: null };
          }
          break;
        case "not-sent":
          if (outcome.fatal) {
            record("pending", { attempt: number, reply: outcome.reply });
            return {
              state: "pending",
              stop: {
                kind: "config",
                reason: `the SMTP server cannot be used (${outcome.reply}); check the URL, credentials and certificate`,
                reply: outcome.reply,
              },
            };
          }
          break;
      }
      if (attempt >= policy.attempts) {
        // Nothing was accepted, only temporary errors (4xx, no connection): the delivery stays
        // `pending`, so the next plain `send` tries it again. `failed` is kept for what a retry
        // cannot fix (a 5xx, a refusal before sending).
        record("pending", {
          attempt: number,
          reply: `not delivered in this run, gave up after ${attempt === 1 ? "1 attempt (no retries)" : `${attempt} attempts (the first and ${attempt - 1} ${attempt === 2 ? "retry" : "retries"})`}: ${outcome.reply}; the next send tries again`,
        });
        const unreachable = outcome.status === "not-sent";
        return {
          state: "pending",
          stop: unreachable
            ? {
                kind: "unreachable",
                reason: `the SMTP server could not be reached (${outcome.reply})`,
                reply: outcome.reply,
              }
            : null,
        };
      }
      record("pending", { attempt: number, reply: outcome.reply });
      await this.settings.sleep(computeBackoff(attempt, policy, this.settings.random()));
    }
  }
}

function mergeSender(
  recorded: Manifest["email"],
  override: SendReportSetOptions["sender"],
): Manifest["email"] {
  const from = override?.from ?? recorded?.from;
  if (from === undefined) return undefined;
  const fromName = override?.fromName ?? recorded?.fromName;
  const replyTo = override?.replyTo ?? recorded?.replyTo;
  return { from, ...(fromName ? { fromName } : {}), ...(replyTo ? { replyTo } : {}) };
}

function resolveSender(email: Manifest["email"]): Sender {
  if (!email) {
    throw errors.noSender();
  }
  const parsed = parseSender(email);
  if (!parsed.ok) {
    throw errors.badSender(parsed.problems);
  }
  return parsed.sender;
}

function checkCodes(manifest: Manifest, codes: string[]): void {
  const known = new Set(manifest.reports.map((r) => r.code));
  const unknown = codes.filter((c) => !known.has(c));
  if (unknown.length > 0) throw errors.unknownUnit(unknown, `${manifest.period}'s manifest`, known);
}

/** `--force` needs a reason; `--to` needs `--force` and names recipients of the forced units. */
function checkForce(
  manifest: Manifest,
  force: string[],
  forceTo: string[],
  reason: string | undefined,
  by: string | (() => string),
): { by: string; reason: string } | null {
  if (forceTo.length > 0 && force.length === 0) throw errors.toNeedsForce();
  if (force.length === 0) return null;
  if (reason === undefined || reason.trim() === "") throw errors.forceNeedsReason();
  const recipients = new Set(
    manifest.reports.filter((r) => force.includes(r.code)).flatMap((r) => r.recipients.map(addressKey)),
  );
  const strangers = forceTo.filter((a) => !recipients.has(addressKey(a)));
  if (strangers.length > 0) throw errors.toNotRecipient(strangers, force);
  return { by: typeof by === "string" ? by : by(), reason: reason.trim() };
}

/** `--force CODE` re-sends nothing already `sent` by itself: say so rather than do nothing silently. */
function warnIdleForce(plan: PlannedDelivery[], force: string[], warn: (text: string) => void): void {
  for (const code of force) {
    const acted = plan.some(
      (p) => p.report.code === code && (p.why === "forced-unknown" || p.why === "forced-to"),
    );
    if (!acted) {
      warn(
        `--force ${code}: no delivery of that unit is unknown, so nothing is sent again; to send again to an address that is sent, name it with --to ADDRESS.`,
      );
    }
  }
}

function result(
  p: PlannedDelivery,
  entry: LedgerEntry,
  action: DeliveryResult["action"],
  reply: string | undefined,
): DeliveryResult {
  return {
    id: p.id,
    level: p.report.level,
    code: p.report.code,
    unit: p.report.name,
    language: p.language,
    email: p.email,
    file: p.report.file,
    bytes: p.report.bytes,
    state: entry.state,
    ...(entry.transport ? { transport: entry.transport } : {}),
    outdated: entry.state === "sent" && entry.sentSha256 !== p.report.sha256,
    action,
    ...(reply !== undefined ? { reply } : {}),
  };
}

/** Why a delivery is skipped, and what the operator can do about it. */
function skipReply(p: PlannedDelivery): string | undefined {
  switch (p.why) {
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
    default:
      return undefined;
  }
}

/** What a dry run says about a delivery it would send, when it is not simply new. */
function sendNote(p: PlannedDelivery): string | undefined {
  switch (p.why) {
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
    default:
      return undefined;
  }
}

function summarize(
  period: string,
  dryRun: boolean,
  transport: MailTransport,
  deliveries: DeliveryResult[],
  stop: SendStop | null,
): SendReport {
  const counts: Record<DeliveryState, number> = { sent: 0, written: 0, failed: 0, unknown: 0, pending: 0 };
  for (const d of deliveries) counts[d.state] += 1;
  return {
    period,
    dryRun,
    transportKind: transport.kind,
    transport: transport.description,
    deliveries,
    counts,
    sentNow: deliveries.filter((d) => d.action === "sent").length,
    writtenNow: deliveries.filter((d) => d.action === "written").length,
    stop,
  };
}
