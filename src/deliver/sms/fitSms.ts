import { countSeptets, MAX_SEPTETS, transliterate } from "./gsm7.js";

/** One piece of an SMS: required pieces stay; optional ones go, lowest `keep` first, to fit. */
export interface SmsPiece {
  text: string;
  /** Higher is kept longer; undefined: required. */
  keep?: number;
  /** A name that may be shortened, word by word, when the required pieces alone are too long. */
  shortenable?: boolean;
}

/**
 * Joins the pieces with spaces, in GSM-7 (transliterated), within `budget` septets (default 306,
 * two segments), by a fixed rule that never cuts a word: (1) drop optional pieces, the lowest
 * `keep` first (the last one on a tie); (2) shorten the shortenable pieces by whole words from the
 * end, marking the cut with "..."; (3) drop trailing words of the whole text, ending with "...".
 * Never more than the budget. Pure.
 */
export function fitSms(pieces: readonly SmsPiece[], budget: number = MAX_SEPTETS): string {
  let kept = pieces.map((p) => ({ ...p, text: transliterate(p.text).replace(/\s+/g, " ").trim() }));
  kept = kept.filter((p) => p.text !== "");
  const join = () => kept.map((p) => p.text).join(" ");
  const optional = kept
    .map((p, index) => ({ p, index }))
    .filter(({ p }) => p.keep !== undefined)
    .sort((a, b) => (a.p.keep as number) - (b.p.keep as number) || b.index - a.index);
  for (const { p } of optional) {
    if (countSeptets(join()) <= budget) break;
    kept = kept.filter((k) => k !== p);
  }
  for (const piece of kept.filter((p) => p.shortenable)) {
    while (countSeptets(join()) > budget) {
      const words = piece.text.replace(/\.\.\.$/, "").split(" ");
      if (words.length <= 1) break;
      words.pop();
      piece.text = `${words.join(" ")}...`;
    }
  }
  let text = join();
  if (countSeptets(text) > budget) {
    const words = text.split(" ");
    while (words.length > 1 && countSeptets(`${words.join(" ")}...`) > budget) words.pop();
    text = `${words.join(" ")}...`;
    if (countSeptets(text) > budget) text = ""; // one word longer than the budget: nothing honest to send
  }
  return text;
}
