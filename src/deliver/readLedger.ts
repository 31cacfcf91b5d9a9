import { existsSync, readFileSync } from "node:fs";
import { errors, type CliError } from "../errors.js";
import { describeIssues } from "../formats/describeIssues.js";
import { deliveryEventSchema } from "../formats/ledger.js";
import type { DeliveryEvent } from "../model.js";

export interface LedgerFile {
  events: DeliveryEvent[];
  /** Byte length of the complete lines; anything after is a partial line left by a killed run. */
  completeBytes: number;
  partialLine: boolean;
  /** The last line is a whole event without its newline (as an editor saves it): kept, and openLedger ends it. */
  unterminated?: boolean;
}

/**
 * Reads `deliveries.jsonl`. A last line without its newline that does not parse is a write cut
 * short by a killed run: it is reported, not trusted. One that parses is a whole event (an editor
 * saved the file without a final newline): it is kept. Any other line that is not a delivery event stops the run, because
 * guessing could send a report twice.
 */
export function readLedger(file: string): LedgerFile {
  if (!existsSync(file)) return { events: [], completeBytes: 0, partialLine: false };
  const bytes = readFileSync(file);
  const end = bytes.lastIndexOf(0x0a) + 1;
  const text = bytes.subarray(0, end).toString("utf8");
  const events: DeliveryEvent[] = [];
  const lines = text.split("\n");
  lines.pop();
  lines.forEach((line, index) => {
    if (line.trim() === "") return;
    let event: unknown;
    try {
      event = JSON.parse(line);
    } catch {
      throw damaged(file, index + 1, "not valid JSON");
    }
    const checked = deliveryEventSchema.safeParse(event);
    if (!checked.success)
      throw damaged(file, index + 1, `not a delivery event (${describeIssues(checked.error, "the line")})`);
    events.push(checked.data);
  });
  const tail = bytes.subarray(end).toString("utf8");
  if (tail.trim() === "") return { events, completeBytes: end, partialLine: end < bytes.length };
  let last: unknown;
  try {
    last = JSON.parse(tail);
  } catch {
    return { events, completeBytes: end, partialLine: true };
  }
  const checked = deliveryEventSchema.safeParse(last);
  if (!checked.success)
    throw damaged(
      file,
      lines.length + 1,
      `not a delivery event (${describeIssues(checked.error, "the line")})`,
    );
  events.push(checked.data);
  return { events, completeBytes: bytes.length, partialLine: false, unterminated: true };
}

function damaged(file: string, line: number, what: string): CliError {
  return errors.damagedLedger(file, line, what);
}
