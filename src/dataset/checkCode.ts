/** The longest code accepted: UGEL codes have 6 digits, the national code is PE; 32 leaves room. */
export const CODE_MAX_LENGTH = 32;

const CODE = /^[A-Za-z0-9_-]+$/;

/**
 * Why `value` cannot be a unit or school code, or null when it can. A code becomes part of file
 * names (`district/010001-….pdf`), so only letters, digits, `-` and `_` are allowed: never a
 * slash, a dot or a space. One rule for every file where a code appears.
 */
export function checkCode(value: string): string | null {
  if (value.length === 0) return "is empty";
  if (value.length > CODE_MAX_LENGTH) return `is longer than ${CODE_MAX_LENGTH} characters`;
  if (!CODE.test(value)) return "may only contain letters, digits, - and _";
  return null;
}
