/**
 * A file or message size as every command prints it (status, the dry run, send's refusals, build):
 * `352 kB` below a megabyte (at least 1 kB for a non-empty file), `1.1 MB` from there. Decimal-free
 * kilobytes and one decimal of megabytes, in units of 1024 bytes.
 */
export function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `${bytes === 0 ? 0 : Math.max(1, Math.round(bytes / 1024))} kB`;
}
