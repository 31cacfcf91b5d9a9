import { errors, isError } from "../errors.js";
import { ledgerPath } from "../formats/ledger.js";
import { heldVersions } from "./heldVersions.js";
import { readLedger } from "./readLedger.js";

/**
 * The PDF versions someone may hold (heldVersions), per the period's ledger. A ledger that cannot be
 * read is `ledger-unreadable` (exit 2): a build must not replace a PDF blindly. The error keeps its
 * structure: the damaged line's fields (from `damaged-ledger`) or the file-system code, and the
 * original error as its `cause`. Any other error is not the ledger's and passes unchanged.
 */
export function readHeldVersions(periodDir: string): Set<string> {
  const file = ledgerPath(periodDir);
  try {
    return heldVersions(readLedger(file).events);
  } catch (error) {
    throw ledgerUnreadable(file, error);
  }
}

function ledgerUnreadable(file: string, error: unknown): unknown {
  if (isError(error, "damagedLedger")) {
    const [, line, what] = error.args;
    return errors.ledgerUnreadable(file, { line, what }).because(error);
  }
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (typeof code === "string" && /^E[A-Z]+$/.test(code))
    return errors.ledgerUnreadable(file, { code }).because(error);
  return error;
}
