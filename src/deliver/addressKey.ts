/**
 * The one place where e-mail addresses are compared: `Ana@UGEL.example.org` and
 * `ana@ugel.example.org` are the same recipient (mail systems treat them alike in practice), so a
 * change of capitals in recipients.csv never makes a new delivery. Pure.
 */
export function addressKey(email: string): string {
  return email.trim().toLowerCase();
}
