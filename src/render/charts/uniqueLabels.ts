import { clip } from "./svgFrame.js";

/**
 * Labels cut to `max` characters that never read the same in one list. A plain cut can make two
 * names identical ("UGEL INTERCULTURAL BILINGÜE…" for Río Santiago and Cenepa); those keep their
 * distinguishing end instead: "UGEL INTERC… RÍO SANTIAGO", "UGEL INTERC… CENEPA". Labels that still
 * collide (identical names) get their position in the list: "(2)".
 */
/** A cut label must show at least this many letters of its own before the "…" to be told apart. */
const AMBIGUOUS_TAIL = 5;

export function uniqueLabels(names: string[], max: number): string[] {
  const labels = names.map((name) => clip(name, max));
  // Cut labels that differ only in their last few letters before the "…" ("… BILINGÜE C…" and
  // "… BILINGÜE R…") read as the same name: they are grouped as if identical.
  const key = (name: string, label: string) => (label === name ? label : name.slice(0, max - AMBIGUOUS_TAIL));
  const groups = new Map<string, number[]>();
  labels.forEach((label, i) => {
    const k = key(names[i] as string, label);
    groups.set(k, [...(groups.get(k) ?? []), i]);
  });
  for (const [, members] of groups) {
    if (members.length < 2) continue;
    const texts = members.map((i) => names[i] as string);
    // Identical names cannot be told apart by their end: numbered below.
    if (new Set(texts).size < texts.length) continue;
    let common = 0;
    while (texts.every((text) => text[common] !== undefined && text[common] === texts[0]?.[common]))
      common += 1;
    // Back to the start of the word where they differ.
    const start = Math.max(0, (texts[0] as string).lastIndexOf(" ", common) + 1);
    for (const i of members) {
      const name = names[i] as string;
      const tail = clip(name.slice(start), Math.max(4, max - 6));
      const headRoom = max - tail.length - 2;
      labels[i] = headRoom >= 3 ? `${name.slice(0, headRoom).trimEnd()}… ${tail}` : tail;
    }
  }
  const seen = new Map<string, number>();
  return labels.map((label) => {
    const count = (seen.get(label) ?? 0) + 1;
    seen.set(label, count);
    return count === 1 ? label : `${label} (${count})`;
  });
}
