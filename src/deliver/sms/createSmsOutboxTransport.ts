import { closeSync, fsyncSync, openSync, renameSync, writeSync } from "node:fs";
import { basename, join } from "node:path";
import { makeDirsSync } from "../../makeDirs.js";
import { syncDirSync } from "../openLedger.js";
import { countSegments } from "./gsm7.js";
import type { SmsTransport } from "./types.js";
import { InternalError } from "../../errors.js";

/**
 * Without an SMS URL: each SMS becomes a text file in `OUT/PERIOD/outbox/sms/` (To, Reference,
 * Segments, a blank line, the text), written atomically. The delivery is `written`: it reached
 * nobody, and a run with an SMS URL sends it.
 */
export function createSmsOutboxTransport(dir: string): SmsTransport {
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
        throw new InternalError(`unsafe outbox file name ${JSON.stringify(message.outboxName)}`);
      }
      const content =
        `To: ${message.to}\nReference: ${message.reference}\nLength: ${[...message.text].length}\n` +
        `Segments: ${countSegments(message.text)}\n\n${message.text}\n`;
      const temporary = join(dir, `.${message.outboxName}.${process.pid}.tmp`);
      const fd = openSync(temporary, "w", 0o644);
      try {
        writeSync(fd, content);
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
      renameSync(temporary, join(dir, message.outboxName));
      syncDirSync(dir);
      return Promise.resolve({ status: "written", reply: `written to outbox/sms/${message.outboxName}` });
    },
    close: () => Promise.resolve(),
  };
}
