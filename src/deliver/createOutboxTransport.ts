import { closeSync, fsyncSync, openSync, renameSync, writeSync } from "node:fs";
import { makeDirsSync } from "../makeDirs.js";
import { basename, join } from "node:path";
import { syncDirSync } from "./openLedger.js";
import type { MailTransport } from "./types.js";

/**
 * The default transport without an SMTP URL: each message becomes an `.eml` file in the period's
 * `outbox/`, written atomically (temporary file, fsync, rename), ready to be sent by any mail client.
 * The delivery is then `written`, not `sent`: it reached nobody yet, and an SMTP run still sends it.
 */
export function createOutboxTransport(dir: string): MailTransport {
  let made = false;
  return {
    kind: "outbox",
    description: `outbox ${dir}`,
    send(message) {
      if (!made) {
        makeDirsSync(dir);
        made = true;
      }
      if (basename(message.outboxName) !== message.outboxName || message.outboxName.startsWith(".")) {
        throw new Error(`unsafe outbox file name ${JSON.stringify(message.outboxName)}`);
      }
      const target = join(dir, message.outboxName);
      const temporary = join(dir, `.${message.outboxName}.${process.pid}.tmp`);
      const fd = openSync(temporary, "w", 0o644);
      try {
        writeSync(fd, message.raw);
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
      renameSync(temporary, target);
      syncDirSync(dir);
      return Promise.resolve({ status: "written", reply: `written to outbox/${message.outboxName}` });
    },
    close: () => Promise.resolve(),
  };
}
