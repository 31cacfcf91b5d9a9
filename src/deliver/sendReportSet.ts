import { assertPeriod } from "../assertPeriod.js";
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { CliError, ExitCode } from "../errors.js";
import type { DeliveryEvent, DeliveryState, Level, Locale, Manifest } from "../model.js";
import { loadManifest } from "../archive/manifest.js";
import { acquireSendLock } from "./acquireSendLock.js";
import { buildEmail } from "./buildEmail.js";
import { composeMessage } from "./composeMessage.js";
import { computeBackoff, DEFAULT_RETRY, type RetryPolicy } from "./computeBackoff.js";
import { createOutboxTransport } from "./createOutboxTransport.js";
import { createSmtpTransport } from "./createSmtpTransport.js";
import { openLedger } from "./openLedger.js";
import { parseSender, type Sender } from "./parseSender.js";
import { parseSmtpUrl } from "./parseSmtpUrl.js";
import { planDeliveries } from "./planDeliveries.js";
import { readEmailTemplates } from "./readEmailTemplates.js";
import { readLedger } from "./readLedger.js";
import type { EmailTemplates } from "./renderEmail.js";
import { replayLedger } from "./replayLedger.js";
import type { MailTransport, PlannedDelivery } from "./types.js";

export const DEFAULT_MAX_SIZE = 10 * 1024 * 1024;

export interface SendReportSetOptions {
  /** The output folder (`--out`); the period's folder is OUT/PERIOD. */
  out: string;
  period: string;
  /** `--smtp` or SEMAFORO_SMTP_URL; without it, messages go to OUT/PERIOD/outbox/. */
  smtpUrl?: string;
  dryRun?: boolean;
  /** Unit codes to consider. */
  only?: string[];
  /** Unit codes whose report is sent again on purpose, whatever the ledger says. */
  force?: string[];
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
  /** Effects, with real defaults. */
  transport?: MailTransport;
  templates?: EmailTemplates;
  clock?: () => Date;
  random?: () => number;
  sleep?: (ms: number) => Promise<void>;
  warn?: (text: string) => void;
  /** Called after each delivery this run acts on (progress). */
  onDelivery?: (result: DeliveryResult, done: number, total: number) => void;
}

export interface DeliveryResult {
  id: string;
  level: Level;
  code: string;
  /** The unit's name. */
  unit: string;
  language: Locale;
  email: string;
  file: string;
  bytes: number;
  /** State after this run (for a dry run: before it). */
  state: DeliveryState;
  /** What this run did with it (dry run: what it would do). */
  action: "sent" | "skipped" | "attempted" | "not-reached";
  /** Why it was skipped or what the server said. */
  reply?: string;
}

export interface SendReport {
  period: string;
  dryRun: boolean;
  transport: string;
  deliveries: DeliveryResult[];
  counts: Record<DeliveryState, number>;
  /** Deliveries sent by this run. */
  sentNow: number;
  /** Why the run stopped before the end (server unreachable, bad credentials), or null. */
  stopped: string | null;
  /** The stop was a configuration problem (credentials, TLS): exit 2 rather than 5. */
  stoppedByConfig: boolean;
}

/**
 * `semaforo send`: delivers OUT/PERIOD's reports by e-mail, one message per recipient address,
 * recording every state change in OUT/PERIOD/deliveries.jsonl (appended, fsync'd) so that a run can
 * be killed, re-run or run twice without losing or duplicating a message.
 */
export async function sendReportSet(options: SendReportSetOptions): Promise<SendReport> {
  assertPeriod(options.period);
  const periodDir = join(options.out, options.period);
  const manifest = await loadManifest(periodDir);
  const warn = options.warn ?? (() => undefined);
  const clock = options.clock ?? (() => new Date());
  const sender = resolveSender(mergeSender(manifest.email, options.sender));
  const only = options.only ?? [];
  const force = options.force ?? [];
  checkCodes(manifest, [...only, ...force]);
  if (manifest.failures.length > 0) {
    warn(
      `${manifest.failures.length} report(s) could not be rendered in the last build and cannot be sent: ${manifest.failures.map((f) => f.code).join(", ")}.`,
    );
  }
  const planOptions = { only, force, resendFailed: options.resendFailed ?? false, domain: sender.domain };
  const smtp = options.smtpUrl ? parseSmtpUrl(options.smtpUrl, options.env ?? {}) : null;
  const transportName =
    options.transport?.description ?? (smtp ? smtp.display : `outbox ${join(periodDir, "outbox")}`);

  if (options.dryRun) {
    const ledger = replayLedger(readLedger(join(periodDir, "deliveries.jsonl")).events);
    const plan = planDeliveries(manifest, ledger, planOptions);
    const deliveries = plan.map((p) =>
      result(p, p.previous.state, p.action === "send" ? "attempted" : "skipped", skipReply(p)),
    );
    return summarize(options.period, true, transportName, deliveries, 0, null, false);
  }

  const lock = acquireSendLock(join(periodDir, ".send.lock"), { clock, warn });
  const ledgerFile = join(periodDir, "deliveries.jsonl");
  let ledger: ReturnType<typeof openLedger> | undefined;
  let transport: MailTransport | undefined;
  try {
    ledger = openLedger(ledgerFile, warn);
    const events: DeliveryEvent[] = [...ledger.events];
    const plan = planDeliveries(manifest, replayLedger(events), planOptions);
    const templates = options.templates ?? (await readEmailTemplates());
    transport =
      options.transport ??
      (smtp
        ? createSmtpTransport(smtp, { rate: options.rate, sleep: options.sleep })
        : createOutboxTransport(join(periodDir, "outbox")));
    const policy = { ...DEFAULT_RETRY, ...options.retry };
    const run = new Runner(manifest, periodDir, sender, templates, transport, ledger, events, {
      clock,
      policy,
      maxSize: options.maxSize ?? DEFAULT_MAX_SIZE,
      random: options.random ?? Math.random,
      sleep: options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
    });

    const toSend = plan.filter((p) => p.action === "send");
    const acted = new Map<string, DeliveryResult["action"]>();
    let stopped: string | null = null;
    let stoppedByConfig = false;
    let done = 0;
    for (const delivery of toSend) {
      if (stopped) {
        acted.set(delivery.id, "not-reached");
        continue;
      }
      const outcome = await run.deliver(delivery);
      acted.set(delivery.id, outcome.state === "sent" ? "sent" : "attempted");
      if (outcome.stop) {
        stopped = outcome.stop;
        stoppedByConfig = outcome.config;
      }
      done += 1;
      const state = replayLedger(events).get(delivery.id);
      options.onDelivery?.(
        result(delivery, state?.state ?? "pending", acted.get(delivery.id) ?? "attempted", state?.reply),
        done,
        toSend.length,
      );
    }

    const final = replayLedger(events);
    const deliveries = plan.map((p) => {
      const entry = final.get(p.id) ?? p.previous;
      const action = acted.get(p.id) ?? "skipped";
      return result(p, entry.state, action, action === "skipped" ? skipReply(p) : entry.reply);
    });
    const sentNow = deliveries.filter((d) => d.action === "sent").length;
    return summarize(
      options.period,
      false,
      transport.description,
      deliveries,
      sentNow,
      stopped,
      stoppedByConfig,
    );
  } finally {
    try {
      await transport?.close();
    } finally {
      ledger?.close();
      lock.release();
    }
  }
}

/** The exit code of a send: 0 when every delivery in scope is `sent` (now or before), else 5. */
export function sendExitCode(report: SendReport): number {
  if (report.stoppedByConfig) return ExitCode.usage;
  if (report.dryRun) return ExitCode.ok;
  return report.deliveries.every((d) => d.state === "sent") ? ExitCode.ok : ExitCode.deliveryFailed;
}

interface RunSettings {
  clock: () => Date;
  policy: RetryPolicy;
  maxSize: number;
  random: () => number;
  sleep: (ms: number) => Promise<void>;
}

/** Sends one delivery at a time: checks, builds, hands over with retries, records each step. */
class Runner {
  private pdfCache: { file: string; bytes: Buffer } | null = null;

  constructor(
    private readonly manifest: Manifest,
    private readonly periodDir: string,
    private readonly sender: Sender,
    private readonly templates: EmailTemplates,
    private readonly transport: MailTransport,
    private readonly ledger: { append(event: DeliveryEvent): void },
    private readonly events: DeliveryEvent[],
    private readonly settings: RunSettings,
  ) {}

  async deliver(
    delivery: PlannedDelivery,
  ): Promise<{ state: DeliveryState; stop: string | null; config: boolean }> {
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
      };
      this.ledger.append(event);
      this.events.push(event);
    };
    const fail = (reply: string) => {
      record("failed", { reply });
      return { state: "failed" as const, stop: null, config: false };
    };

    const pdf = this.readPdf(delivery);
    if (typeof pdf === "string") return fail(pdf);
    const built = buildEmail({
      delivery,
      manifest: this.manifest,
      sender: this.sender,
      templates: this.templates,
      pdf,
      date: this.settings.clock(),
    });
    if (!built.ok) return fail(built.reason);
    const raw = await composeMessage(built.mail);
    if (raw.length > this.settings.maxSize) {
      return fail(
        `refused, nothing sent: the encoded message is ${megabytes(raw.length)}, over the limit of ${megabytes(this.settings.maxSize)} (--max-size)`,
      );
    }
    const message = {
      from: this.sender.address,
      to: delivery.email,
      raw,
      outboxName: `${delivery.report.level}-${delivery.report.code}-${delivery.language}-${delivery.email}.eml`,
    };

    const { policy } = this.settings;
    for (let attempt = 1; ; attempt++) {
      const number = delivery.previous.attempts + attempt;
      record("attempt", { attempt: number });
      const outcome = await this.transport.send(message);
      switch (outcome.status) {
        case "sent":
          record("sent", { attempt: number, reply: outcome.reply });
          return { state: "sent", stop: null, config: false };
        case "lost":
          record("unknown", {
            attempt: number,
            reply: `the connection broke after the message was handed over: ${outcome.reply}`,
          });
          return { state: "unknown", stop: null, config: false };
        case "rejected":
          if (outcome.permanent) {
            record("failed", { attempt: number, reply: outcome.reply });
            return { state: "failed", stop: null, config: false };
          }
          break;
        case "not-sent":
          if (outcome.fatal) {
            record("pending", { attempt: number, reply: outcome.reply });
            return {
              state: "pending",
              stop: `the SMTP server cannot be used (${outcome.reply}); check the URL, credentials and certificate`,
              config: true,
            };
          }
          break;
      }
      if (attempt >= policy.attempts) {
        record("failed", { attempt: number, reply: `gave up after ${attempt} attempts: ${outcome.reply}` });
        const unreachable = outcome.status === "not-sent";
        return {
          state: "failed",
          stop: unreachable ? `the SMTP server could not be reached (${outcome.reply})` : null,
          config: false,
        };
      }
      record("pending", { attempt: number, reply: outcome.reply });
      await this.settings.sleep(computeBackoff(attempt, policy, this.settings.random()));
    }
  }

  /** The PDF's bytes once their sha256 matches the manifest, or why not. */
  private readPdf(delivery: PlannedDelivery): Buffer | string {
    const { report } = delivery;
    if (this.pdfCache?.file === report.file) return this.pdfCache.bytes;
    const path = join(this.periodDir, report.file);
    if (!existsSync(path)) return `refused, nothing sent: ${report.file} is missing from the archive`;
    const bytes = readFileSync(path);
    const sha256 = createHash("sha256").update(bytes).digest("hex");
    if (sha256 !== report.sha256) {
      return `refused, nothing sent: ${report.file} does not match the manifest (sha256 ${sha256}, manifest ${report.sha256}); run semaforo verify, or rebuild`;
    }
    this.pdfCache = { file: report.file, bytes };
    return bytes;
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
    throw new CliError(
      "no-sender",
      "The manifest names no sender (email.from): it was built before senders were recorded.",
      ExitCode.usage,
      "Rebuild the report set with semaforo build (dataset.json has email.from).",
    );
  }
  const parsed = parseSender(email);
  if (!parsed.ok) {
    throw new CliError(
      "bad-sender",
      `The sender settings cannot be used, so nothing was sent:\n  ${parsed.problems.join("\n  ")}`,
      ExitCode.usage,
      "Fix `email` in dataset.json and rebuild.",
    );
  }
  return parsed.sender;
}

function checkCodes(manifest: Manifest, codes: string[]): void {
  const known = new Set(manifest.reports.map((r) => r.code));
  const unknown = codes.filter((c) => !known.has(c));
  if (unknown.length > 0) {
    throw new CliError(
      "unknown-unit",
      `No report for ${unknown.join(", ")} in ${manifest.period}'s manifest.`,
      ExitCode.usage,
      "Use the unit codes of the manifest's reports (PE for the national report).",
    );
  }
}

function result(
  p: PlannedDelivery,
  state: DeliveryState,
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
    state,
    action,
    ...(reply !== undefined ? { reply } : {}),
  };
}

function skipReply(p: PlannedDelivery): string | undefined {
  switch (p.why) {
    case "already-sent":
      return "already sent";
    case "failed":
      return `failed before (${p.previous.reply ?? "no reply"}); --resend-failed retries it`;
    case "unknown":
      return `unknown (${p.previous.reply ?? "no reply"}); --force ${p.report.code} re-sends it`;
    default:
      return undefined;
  }
}

function summarize(
  period: string,
  dryRun: boolean,
  transport: string,
  deliveries: DeliveryResult[],
  sentNow: number,
  stopped: string | null,
  stoppedByConfig: boolean,
): SendReport {
  const counts: Record<DeliveryState, number> = { sent: 0, failed: 0, unknown: 0, pending: 0 };
  for (const d of deliveries) counts[d.state] += 1;
  return { period, dryRun, transport, deliveries, counts, sentNow, stopped, stoppedByConfig };
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
