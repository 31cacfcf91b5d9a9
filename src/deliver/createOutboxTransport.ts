import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, writeSync } from "node:fs";
import { join } from "node:path";
import { syncDir } from "./openLedger.js";
import type { MailTransport } from "./types.js";

/**
 * The default transport without an SMTP URL: each message becomes an `.eml` file in the period's
 * `outbox/`, written atomically (temporary file, fsync, rename), ready to be sent by any mail client.
 */
export function createOutboxTransport(dir: string): MailTransport {
  let made = false;
  return {
    kind: "outbox",
    description: `outbox ${dir}`,
    send(message) {
      if (!made) {
        mkdirSync(dir, { recursive: true });
        made = true;
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
      syncDir(dir);
      return Promise.resolve({ status: "sent", reply: `written to outbox/${message.outboxName}` });
    },
    close: () => Promise.resolve(),
  };
}
