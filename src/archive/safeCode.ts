/**
 * The one rule for unit codes that name files: 1 to 32 ASCII letters, digits, `-` or `_`. No dot,
 * slash or control character can reach a path through a code.
 */
export const SAFE_CODE = /^[A-Za-z0-9_-]{1,32}$/;

export function safeCode(code: string): boolean {
  return SAFE_CODE.test(code);
}
