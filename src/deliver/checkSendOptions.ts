import { errors } from "../errors.js";
import type { Manifest } from "../model.js";
import { addressKey } from "./addressKey.js";

/** `--only` and `--force` name units of the manifest. */
export function checkCodes(manifest: Manifest, codes: string[]): void {
  const known = new Set(manifest.reports.map((r) => r.code));
  const unknown = codes.filter((c) => !known.has(c));
  if (unknown.length > 0) throw errors.unknownUnit(unknown, `${manifest.period}'s manifest`, known);
}

/**
 * `--force` needs a reason; `--to` needs `--force` and names recipients of the forced units.
 * Returns who forces and why, or null without `--force`.
 */
export function checkForce(
  manifest: Manifest,
  force: string[],
  forceTo: string[],
  reason: string | undefined,
  by: string | (() => string),
): { by: string; reason: string } | null {
  if (forceTo.length > 0 && force.length === 0) throw errors.toNeedsForce();
  if (force.length === 0) return null;
  if (reason === undefined || reason.trim() === "") throw errors.forceNeedsReason();
  const recipients = new Set(
    manifest.reports.filter((r) => force.includes(r.code)).flatMap((r) => r.recipients.map(addressKey)),
  );
  const strangers = forceTo.filter((a) => !recipients.has(addressKey(a)));
  if (strangers.length > 0) throw errors.toNotRecipient(strangers, force);
  return { by: typeof by === "string" ? by : by(), reason: reason.trim() };
}
