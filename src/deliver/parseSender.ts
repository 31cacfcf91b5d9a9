import { addressDomain, checkAddress } from "../rules/checkAddress.js";
import { checkSenderName, type SenderSettings } from "../rules/sender.js";

/** The checked sender of every message of a run. */
export interface Sender {
  address: string;
  /** Display name; empty when none. */
  name: string;
  replyTo: string | null;
  /** Domain of the address, for the Message-IDs. */
  domain: string;
}

export type SenderResult = { ok: true; sender: Sender } | { ok: false; problems: string[] };

/**
 * Checks the dataset's `email` settings. `from` may be a plain address or `Name <address>` (as in
 * dataset.json); an explicit `fromName` wins over a name written in `from`. Pure.
 */
export function parseSender(email: SenderSettings): SenderResult {
  const problems: string[] = [];
  let address = email.from.trim();
  let name = "";
  const angle = /^(.*?)\s*<([^<>]*)>$/s.exec(address);
  if (angle) {
    name = (angle[1] ?? "").trim().replace(/^"(.*)"$/s, "$1");
    address = (angle[2] ?? "").trim();
  }
  if (email.fromName !== undefined) name = email.fromName.trim();
  const addressProblem = checkAddress(address);
  if (addressProblem) problems.push(`email.from ${JSON.stringify(email.from)}: ${addressProblem}`);
  const nameProblem = checkSenderName(name);
  if (nameProblem) problems.push(`the sender's name ${JSON.stringify(name)} ${nameProblem}`);
  let replyTo: string | null = null;
  if (email.replyTo !== undefined && email.replyTo.trim() !== "") {
    replyTo = email.replyTo.trim();
    const replyProblem = checkAddress(replyTo);
    if (replyProblem) problems.push(`email.replyTo ${JSON.stringify(email.replyTo)}: ${replyProblem}`);
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, sender: { address, name, replyTo, domain: addressDomain(address) } };
}
