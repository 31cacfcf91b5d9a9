import { closeSync, fsyncSync, openSync, readdirSync, renameSync, unlinkSync, writeSync } from "node:fs";
import { makeDirsSync } from "../makeDirs.js";
import { basename, join } from "node:path";
import { syncDirSync } from "./openLedger.js";
import { sendWriteError } from "./sendWriteError.js";
import type { MailTransport } from "./types.js";
import { InternalError } from "../errors.js";

/** A temporary file of this transport: `.NAME.eml.PID.tmp`. */
const TEMPORARY = /^\..+\.eml\.\d+\.tmp$/;

/**
 * The default transport without an SMTP URL: each message becomes an `.eml` file in the period's
 * `outbox/`, written atomically (temporary file, fsync, rename), ready to be sent by any mail client.
 * The delivery is then `written`, not `sent`: it reached nobody yet, and an SMTP run still sends it.
 *
 * A write that fails (a full disk, a read-only folder) removes its temporary file and stops the run
 * with `send-write-failed` naming the file (exit 2). Temporary files left by a killed run are removed
 * before the first message is written (the send holds the period's lock).
 */
export function createOutboxTransport(dir: string): MailTransport {
  let made = false;
  return {
    kind: "outbox",
    description: `outbox ${dir}`,
    send(message) {
      if (basename(message.outboxName) !== message.outboxName || message.outboxName.startsWith(".")) {
        throw new InternalError(`unsafe outbox file name ${JSON.stringify(message.outboxName)}`);
      }
      const target = join(dir, message.outboxName);
      if (!made) {
        try {
          makeDirsSync(dir);
          for (const name of readdirSync(dir)) if (TEMPORARY.test(name)) unlinkSync(join(dir, name));
        } catch (error) {
          throw sendWriteError(dir, error);
        }
        made = true;
      }
      const temporary = join(dir, `.${message.outboxName}.${process.pid}.tmp`);
      try {
        // O_EXCL: never through a file or link already there.
        const fd = openSync(temporary, "wx", 0o644);
        try {
          for (let at = 0; at < message.raw.length;) {
            at += writeSync(fd, message.raw, at, message.raw.length - at);
          }
          fsyncSync(fd);
        } finally {
          closeSync(fd);
        }
        renameSync(temporary, target);
      } catch (error) {
        try {
          unlinkSync(temporary);
        } catch {
          // Not created, or already renamed.
        }
        throw sendWriteError(target, error);
      }
      syncDirSync(dir);
      return Promise.resolve({ status: "written", reply: `written to outbox/${message.outboxName}` });
    },
    close: () => Promise.resolve(),
  };
}
