import type { DeliveryEvent } from "../model.js";

const STATES = new Set(["pending", "sent", "failed", "unknown", "attempt"]);

/**
 * Parses `deliveries.jsonl` (pure), keeping the file order. A line that is not a delivery event
 * (a torn last line after a crash, a hand edit) is skipped with a warning naming its line.
 */
export function parseLedger(
  text: string,
  file = "deliveries.jsonl",
): { events: DeliveryEvent[]; warnings: string[] } {
  const events: DeliveryEvent[] = [];
  const warnings: string[] = [];
  text
    .replace(/^\uFEFF/, "")
    .split("\n")
    .forEach((raw, index) => {
      const line = raw.trim();
      if (line === "") return;
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch {
        warnings.push(`${file}:${index + 1}: not valid JSON, line ignored`);
        return;
      }
      const missing = missingFields(value);
      if (missing) {
        warnings.push(`${file}:${index + 1}: not a delivery event (${missing}), line ignored`);
        return;
      }
      events.push(value as DeliveryEvent);
    });
  return { events, warnings };
}

function missingFields(value: unknown): string | undefined {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return "not an object";
  const v = value as Record<string, unknown>;
  const bad = ["level", "code", "email", "file", "state"].filter((key) => typeof v[key] !== "string");
  if (bad.length) return `missing ${bad.join(", ")}`;
  if (!STATES.has(v.state as string)) return `unknown state ${JSON.stringify(v.state)}`;
  return undefined;
}
