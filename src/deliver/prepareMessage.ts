import { existsSync, readFileSync } from "node:fs";
import { fileInPeriod } from "../archive/resolveInPeriod.js";
import { insidePeriod } from "../formats/insidePeriod.js";
import { formatSize } from "../formatSize.js";
import type { Manifest } from "../model.js";
import { buildEmail } from "./buildEmail.js";
import { composeMessage } from "./composeMessage.js";
import { outboxName } from "./outboxName.js";
import type { Sender } from "./parseSender.js";
import type { EmailTemplates } from "./renderEmail.js";
import type { Delivery, OutgoingMessage } from "./types.js";
import { checkAgainstEntry } from "../formats/sha256Hex.js";

export interface MessageSettings {
  periodDir: string;
  manifest: Manifest;
  sender: Sender;
  templates: EmailTemplates;
  clock: () => Date;
  /** Largest encoded message, in bytes. */
  maxSize: number;
}

export type PreparedMessage = { ok: true; message: OutgoingMessage } | { ok: false; reason: string };

/**
 * Everything `send` checks before handing a message over: the PDF (inside the period folder by the
 * period's one path rule, fileInPeriod: no symbolic link leading out; its sha256 the manifest's),
 * the addresses and header values (checkAddress / checkHeaderText, the one rule `validate` also
 * applies), the encoded size. The dry run calls this too, so it refuses exactly
 * what send would refuse, in the same words. Reads the PDF; `cache` keeps the last one read.
 */
export async function prepareMessage(
  settings: MessageSettings,
  delivery: Delivery,
  cache: { file?: string; bytes?: Buffer } = {},
): Promise<PreparedMessage> {
  const refuse = (reason: string): PreparedMessage => ({ ok: false, reason });
  const pdf = readPdf(settings.periodDir, delivery, cache);
  if (typeof pdf === "string") return refuse(pdf);
  const extra: { file: string; bytes: Buffer }[] = [];
  for (const attachment of delivery.report.attachments ?? []) {
    const bytes = readChecked(settings.periodDir, attachment);
    if (typeof bytes === "string") return refuse(bytes);
    extra.push({ file: attachment.file, bytes });
  }
  const built = buildEmail({
    delivery,
    manifest: settings.manifest,
    sender: settings.sender,
    templates: settings.templates,
    pdf,
    extra,
    date: settings.clock(),
  });
  if (!built.ok) return refuse(built.reason);
  const raw = await composeMessage(built.mail);
  if (raw.length > settings.maxSize) {
    return refuse(
      `refused, nothing sent: the encoded message is ${formatSize(raw.length)}, over the limit of ${formatSize(settings.maxSize)} (--max-size)`,
    );
  }
  const name = outboxName(delivery);
  if (insidePeriod(settings.periodDir, `outbox/${name}`) === null) {
    return refuse(`refused, nothing sent: the outbox file name ${JSON.stringify(name)} is not safe`);
  }
  return { ok: true, message: { from: settings.sender.address, to: delivery.email, raw, outboxName: name } };
}

/** The PDF's bytes once their sha256 matches the manifest, or why not. */
function readPdf(
  periodDir: string,
  delivery: Delivery,
  cache: { file?: string; bytes?: Buffer },
): Buffer | string {
  const { report } = delivery;
  if (cache.file === report.file && cache.bytes) return cache.bytes;
  const path = fileInPeriod(periodDir, report.file);
  if (path === null) return `refused, nothing sent: ${report.file} points outside the period folder`;
  if (!existsSync(path)) return `refused, nothing sent: ${report.file} is missing from the archive`;
  const bytes = readFileSync(path);
  const { matches, sha256 } = checkAgainstEntry(bytes, report);
  if (!matches) {
    return `refused, nothing sent: ${report.file} does not match the manifest (sha256 ${sha256}, manifest ${report.sha256}); run semaforo verify, or rebuild`;
  }
  cache.file = report.file;
  cache.bytes = bytes;
  return bytes;
}

/** An attachment's bytes once their sha256 matches the manifest, or why not. */
function readChecked(periodDir: string, file: { file: string; sha256: string }): Buffer | string {
  const path = fileInPeriod(periodDir, file.file);
  if (path === null) return `refused, nothing sent: ${file.file} points outside the period folder`;
  if (!existsSync(path)) return `refused, nothing sent: ${file.file} is missing from the archive`;
  const bytes = readFileSync(path);
  const { matches, sha256 } = checkAgainstEntry(bytes, file);
  if (!matches)
    return `refused, nothing sent: ${file.file} does not match the manifest (sha256 ${sha256}, manifest ${file.sha256}); run semaforo verify, or rebuild`;
  return bytes;
}
