import { errors } from "../errors.js";

/**
 * A file-system error met while the send writes its lock, ledger or outbox, as the
 * `send-write-failed` error that names the path (exit 2): a full disk or a read-only folder is not a
 * bug. The error's own code decides; other errors pass unchanged.
 */
export function sendWriteError(path: string, error: unknown): unknown {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (typeof code !== "string" || !/^E[A-Z]+$/.test(code)) return error;
  return errors.sendWrite(path, code, (error as Error).message);
}

/** Runs a write of the send, turning a file-system error into sendWriteError for `path`. */
export function writing<T>(path: string, write: () => T): T {
  try {
    return write();
  } catch (error) {
    throw sendWriteError(path, error);
  }
}
