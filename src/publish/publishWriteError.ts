import { errors } from "../errors.js";

/**
 * A file-system error met while publishing, as the `publish-write-failed` error naming the path
 * (exit 2): a full disk or a read-only folder is not a bug. Other errors pass unchanged.
 */
export function publishWriteError(path: string, error: unknown, swapped = false): unknown {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (typeof code !== "string" || !/^E[A-Z]+$/.test(code)) return error;
  return errors.publishWrite(path, code, (error as Error).message, swapped);
}
