import { userInfo } from "node:os";
import { loadManifest } from "../archive/manifest.js";
import { acquireSendLock } from "../archive/acquireSendLock.js";
import { createOutboxTransport } from "./createOutboxTransport.js";
import { createSmtpTransport } from "./createSmtpTransport.js";
import { openLedger } from "./openLedger.js";
import { readEmailTemplates } from "./readEmailTemplates.js";
import { readLedger } from "../archive/readLedger.js";
import type { SendEffects } from "./sendReportSet.js";

/**
 * The real IO of a send: the manifest, the e-mail templates, the lock and the ledger on disk, an
 * SMTP server or the outbox folder, the clock and timers. Hooks (`warn`, `onDelivery`) and any
 * effect can be replaced field by field.
 */
export function defaultSendEffects(overrides: Partial<SendEffects> = {}): SendEffects {
  return {
    loadManifest,
    readTemplates: () => readEmailTemplates(),
    makeTransport: (target) =>
      target.kind === "smtp"
        ? createSmtpTransport(target.settings, { rate: target.rate, sleep: target.sleep })
        : createOutboxTransport(target.dir),
    lock: (file, options) => acquireSendLock(file, options),
    readLedger,
    openLedger,
    clock: () => new Date(),
    random: Math.random,
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    whoAmI,
    warn: () => undefined,
    ...overrides,
  };
}

function whoAmI(): string {
  try {
    return userInfo().username;
  } catch {
    return process.env.USER ?? "unknown user";
  }
}
