import { resolveFileInPeriod } from "../archive/resolveInPeriod.js";
import { assertPeriod } from "../assertPeriod.js";
import { join } from "node:path";
import { errors } from "../errors.js";
import type { DeliveryEvent, DeliveryState, Manifest } from "../model.js";
import type { SendLock } from "./acquireSendLock.js";
import { applyPlan } from "./applyPlan.js";
import { checkCodes, checkForce } from "./checkSendOptions.js";
import { DEFAULT_RETRY, type RetryPolicy } from "./computeBackoff.js";
import { DEFAULT_MAX_SIZE } from "./defaultMaxSize.js";
import { emailChannel } from "./emailChannel.js";
import type { Ledger } from "./openLedger.js";
import { parseSender, type Sender } from "./parseSender.js";
import { parseSmtpUrl, type SmtpSettings } from "./parseSmtpUrl.js";
import { planDeliveries } from "./planDeliveries.js";
import { previewPlan } from "./previewPlan.js";
import type { EmailTemplates } from "./renderEmail.js";
import { replayLedger } from "./replayLedger.js";
import type { DeliveryResult, SendReport, SendStop } from "./sendReport.js";
import { idleForceWarning, unrenderedWarning } from "./sendWords.js";
import { writing } from "./sendWriteError.js";
import type { MailTransport, PlannedDelivery } from "./types.js";

export { DEFAULT_MAX_SIZE };
export { sendExitCode } from "./sendExitCode.js";
export type { DeliveryResult, SendReport, SendStop };

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
  // Every file the send opens in the period folder follows the period's one path rule: nothing is
  // read or written through a symbolic link leading out of it (exit 2, before anything is written).
  const inPeriod = (file: string) => (
    resolveFileInPeriod(periodDir, file, "The send"),
    join(periodDir, file)
  );
  inPeriod("manifest.json");
  const manifest = await effects.loadManifest(periodDir);
  const { warn, clock } = effects;
  const sender = resolveSender(mergeSender(manifest.email, options.sender));
  const only = options.only ?? [];
  const force = options.force ?? [];
  const forceTo = options.forceTo ?? [];
  checkCodes(manifest, [...only, ...force]);
  const forced = checkForce(manifest, force, forceTo, options.reason, options.forcedBy ?? effects.whoAmI);
  if (manifest.failures.length > 0) warn(unrenderedWarning(manifest.failures.map((f) => f.code)));
  const smtp = options.smtpUrl ? parseSmtpUrl(options.smtpUrl, options.env ?? {}) : null;
  const target: TransportTarget = smtp
    ? { kind: "smtp", settings: smtp, rate: options.rate, sleep: effects.sleep }
    : { kind: "outbox", dir: inPeriod("outbox") };
  const ledgerFile = inPeriod("deliveries.jsonl");

  // A dry run reads the ledger; a send locks the period and opens the ledger for appending. From
  // there on both make the same plan from the same state: only the last step differs.
  const lockFile = inPeriod(".send.lock");
  const lock = options.dryRun ? null : writing(lockFile, () => effects.lock(lockFile, { clock, warn }));
  let ledger: Ledger | undefined;
  let transport: MailTransport | undefined;
  try {
    let events: DeliveryEvent[];
    if (options.dryRun) {
      // Made for its kind and description only: nothing is sent through it.
      transport = effects.makeTransport(target);
      events = [...effects.readLedger(ledgerFile).events];
    } else {
      ledger = writing(ledgerFile, () => effects.openLedger(ledgerFile, warn));
      events = [...ledger.events];
      transport = effects.makeTransport(target);
    }
    const plan = planDeliveries(manifest, replayLedger(events), {
      only,
      force,
      forceTo,
      resendFailed: options.resendFailed ?? false,
      domain: sender.domain,
      transport: transport.kind,
    });
    warnIdleForce(plan, force, warn);
    const channel = emailChannel(
      {
        periodDir,
        manifest,
        sender,
        templates: await effects.readTemplates(),
        clock,
        maxSize: options.maxSize ?? DEFAULT_MAX_SIZE,
      },
      transport,
    );
    if (!ledger)
      return summarizeSend(options.period, true, transport, await previewPlan(plan, channel), null);
    const open = ledger;
    const append = (event: DeliveryEvent) => writing(ledgerFile, () => open.append(event));
    const applied = await applyPlan(plan, channel, { append }, events, {
      clock,
      forced,
      policy: { ...DEFAULT_RETRY, ...options.retry },
      random: effects.random,
      sleep: effects.sleep,
      ...(effects.onDelivery ? { onDelivery: effects.onDelivery } : {}),
    });
    return summarizeSend(options.period, false, transport, applied.deliveries, applied.stop);
  } finally {
    try {
      await transport?.close();
    } finally {
      ledger?.close();
      lock?.release();
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

/** `--force CODE` re-sends nothing already `sent` by itself: say so rather than do nothing silently. */
function warnIdleForce(plan: PlannedDelivery[], force: string[], warn: (text: string) => void): void {
  for (const code of force) {
    const acted = plan.some(
      (p) => p.report.code === code && (p.why === "forced-unknown" || p.why === "forced-to"),
    );
    if (!acted) warn(idleForceWarning(code));
  }
}

/** The report of a run: its deliveries, the count of each state, what this run sent or wrote. Pure. */
function summarizeSend(
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
