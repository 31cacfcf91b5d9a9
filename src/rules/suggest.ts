const fold = (text: string) =>
  text
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase()
    .trim();

/**
 * Edits between two strings, a swap of two neighbouring letters counting as one edit (optimal
 * string alignment): `smpt` is one edit from `smtp` and two from `sms`, so the swap wins.
 */
export function distance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) (rows[0] as number[])[j] = j;
  for (let i = 1; i <= a.length; i++) {
    const row = rows[i] as number[];
    const above = rows[i - 1] as number[];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min((above[j] as number) + 1, (row[j - 1] as number) + 1, (above[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d = Math.min(d, ((rows[i - 2] as number[])[j - 2] as number) + 1);
      row[j] = d;
    }
  }
  return (rows[a.length] as number[])[b.length] as number;
}

/**
 * The closest known code to a mistyped one, for "did you mean …?": the nearest by edit distance when
 * it is close (at most 2 edits, or a third of the length) and no other code is as close, or the
 * code whose name matches exactly, or the one that differs only in case or accents.
 */
export function suggest(
  value: string,
  codes: Iterable<string>,
  names?: Map<string, string>,
): string | undefined {
  const wanted = fold(value);
  if (names) {
    for (const [code, name] of names) if (fold(name) === wanted) return code;
  }
  let best: string | undefined;
  let bestDistance = Infinity;
  let ties = 0;
  // A swap of two letters is one edit (distance above): `smpt` is nearer `smtp` than `sms`.
  for (const code of codes) {
    const d = distance(wanted, fold(code));
    if (d < bestDistance) {
      best = code;
      bestDistance = d;
      ties = 0;
    } else if (d === bestDistance) ties++;
  }
  // The same code but for case or accents ("pe" → "PE").
  if (bestDistance === 0) return ties === 0 && best !== value ? best : undefined;
  // Never a code that shares nothing with the value ("99" → "PE" is two edits, but no suggestion).
  const allowed = Math.min(Math.max(2, Math.floor(value.length / 3)), wanted.length - 1);
  // Only a clear winner: with six-digit codes, many are one edit away from each other.
  return bestDistance > 0 && bestDistance <= allowed && ties === 0 ? best : undefined;
}
