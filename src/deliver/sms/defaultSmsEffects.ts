import { userInfo } from "node:os";
import { loadManifest } from "../../archive/manifest.js";
import { acquireSendLock } from "../acquireSendLock.js";
import { openLedger } from "../openLedger.js";
import { readLedger } from "../../archive/readLedger.js";
import { createHttpSmsTransport } from "./createHttpSmsTransport.js";
import { createSmppTransport } from "./createSmppTransport.js";
import { createSmsOutboxTransport } from "./createSmsOutboxTransport.js";
import type { SendSmsEffects } from "./sendSmsSet.js";

/** The real IO of an SMS send; any effect can be replaced field by field. */
export function defaultSmsEffects(overrides: Partial<SendSmsEffects> = {}): SendSmsEffects {
  const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
  return {
    loadManifest,
    makeSmsTransport: (target) =>
      target.kind === "outbox"
        ? createSmsOutboxTransport(target.dir)
        : target.settings.kind === "smpp"
          ? createSmppTransport(target.settings, {
              sleep: overrides.sleep ?? sleep,
              transceiver: target.settings.bind === "transceiver",
            })
          : createHttpSmsTransport(target.settings),
    lock: (file, options) => acquireSendLock(file, options),
    readLedger,
    openLedger,
    clock: () => new Date(),
    random: Math.random,
    sleep,
    whoAmI: () => {
      try {
        return userInfo().username;
      } catch {
        return process.env.USER ?? "unknown user";
      }
    },
    warn: () => undefined,
    ...overrides,
  };
}
