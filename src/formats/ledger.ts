import { join } from "node:path";
import { z } from "zod";
import { languageSchema, levelSchema } from "./manifest.js";
import { open } from "./open.js";

/**
 * `OUT/PERIOD/deliveries.jsonl`: the one definition of a ledger line. readLedger checks every line
 * against it (a line that does not match stops the run, naming the line); the `DeliveryEvent` type
 * is inferred from it. The ledger is only ever appended to, and an event is `open`: a field a newer
 * version writes is kept on the line and in what is read.
 */

/** The one file name of the ledger inside a period folder; join it with ledgerPath. */
export const LEDGER = "deliveries.jsonl";

/**
 * Where one delivery stands (see src/deliver/replayLedger.ts): `sent` (an SMTP server accepted it),
 * `written` (an .eml file in the outbox: reached nobody yet), `failed`, `unknown` (handed to an SMTP
 * server, outcome not recorded) or `pending` (nothing done yet).
 */
export const deliveryStateSchema = z.enum(["pending", "written", "sent", "failed", "unknown"]);
export type DeliveryState = z.output<typeof deliveryStateSchema>;
export const DELIVERY_STATES: readonly DeliveryState[] = ["sent", "written", "failed", "unknown", "pending"];

/** One line of `deliveries.jsonl`: a state change of one delivery (one report to one address). */
export const deliveryEventSchema = open({
  /** Deterministic id: period + level + code + language + address. */
  id: z.string().min(1),
  messageId: z.string(),
  at: z.string().min(1),
  level: levelSchema,
  code: z.string().min(1),
  email: z.string().min(1),
  file: z.string().min(1),
  // The version sent, as the manifest named it (the manifest checks the form of its hashes).
  sha256: z.string().min(1),
  state: z.union([deliveryStateSchema, z.literal("attempt")]),
  /** The report's language (also part of `id`). */
  language: languageSchema.optional(),
  attempt: z.number().int().nonnegative().optional(),
  /** The server's reply or the error, for failed / unknown / retried attempts. */
  reply: z.string().optional(),
  /** `smpp` and `http`: an SMS centre or gateway (channel `sms`). */
  transport: z.enum(["smtp", "outbox", "smpp", "http"]),
  /** A re-send asked for on purpose (`send --force`): who (the OS user) and why (`--reason`). */
  forced: open({ by: z.string(), reason: z.string() }).optional(),
  /** `sms` for an SMS (then `email` holds the phone, E.164); absent or `email` for an e-mail. */
  channel: z.enum(["email", "sms"]).optional(),
  /** SMS: the text handed over (on the attempt event). */
  text: z.string().optional(),
  /** SMS: the school, for a director's SMS. */
  school: z.string().optional(),
  /** SMS: the centre's or gateway's message ids (on the `sent` event; one per part over SMPP). */
  gatewayIds: z.array(z.string()).optional(),
  /**
   * SMS: a delivery receipt (SMPP `deliver_sm`) for a `sent` message: it is recorded, and changes
   * nothing about what is sent again.
   */
  receipt: z.enum(["delivered", "undelivered"]).optional(),
});
export type DeliveryEvent = z.output<typeof deliveryEventSchema>;

/** The ledger of a period folder. */
export function ledgerPath(periodDir: string): string {
  return join(periodDir, LEDGER);
}
