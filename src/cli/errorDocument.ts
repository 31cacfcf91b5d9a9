import { CliError, ExitCode } from "../errors.js";

/** What `--json` prints for an error: `{"error": {code, message, hint, exitCode}}`, on stdout. */
export interface ErrorDocument {
  error: {
    code: string;
    message: string;
    hint?: string;
    exitCode: number;
    /**
     * The code of the expected error this one reports (`ledger-unreadable` caused by
     * `damaged-ledger`). Its message is not repeated: it was worded for the command that made it.
     */
    cause?: { code: string };
    stack?: string;
  };
}

/**
 * The error document of an expected error (a CliError) or, with code `internal`, of a bug (an
 * InternalError or anything else thrown).
 */
export function errorDocument(error: unknown, debug = false): ErrorDocument {
  const known = error instanceof CliError;
  const cause = known && error.cause instanceof CliError ? error.cause : null;
  return {
    error: {
      code: known ? error.code : "internal",
      message: error instanceof Error ? error.message : String(error),
      ...(known && error.hint ? { hint: error.hint } : {}),
      exitCode: known ? error.exitCode : ExitCode.internal,
      ...(cause ? { cause: { code: cause.code } } : {}),
      ...(debug && error instanceof Error && error.stack ? { stack: error.stack } : {}),
    },
  };
}
