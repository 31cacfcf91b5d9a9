import { errors } from "../errors.js";

/**
 * A file-system error met while writing the archive, as the `archive-write-failed` error that names
 * the path (exit 2) — a full disk or a read-only folder is not a bug. `committing`: the error came
 * after the journal was written, so the message says the next command completes the build.
 * Other errors pass unchanged.
 */
export function archiveWriteError(path: string, error: unknown, committing = false): unknown {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (typeof code !== "string" || !/^E[A-Z]+$/.test(code)) return error;
  return errors.archiveWrite(path, code, (error as Error).message, committing);
}
