import { countSeptets, MAX_SEPTETS, transliterate } from "./gsm7.js";

/** One piece of an SMS: required pieces stay; optional ones go, lowest `keep` first, to fit. */
export interface SmsPiece {
  text: string;
  /** Higher is kept longer; undefined: required. */
  keep?: number;
  /** A name that may be shortened, word by word, when the required pieces alone are too long. */
  shortenable?: boolean;
  /**
   * The name inside a longer piece (`UGEL X, octubre de 2026:`): shortened by whole words while the
   * rest of the piece (`around`) stays, so the month is never what goes.
   */
  shorten?: { name: string; around: (name: string) => string };
}

/**
 * Joins the pieces with spaces, in GSM-7 (transliterated), within `budget` septets (default 306,
 * two segments), by a fixed rule that never cuts a word: (1) drop optional pieces, the lowest
 * `keep` first (the last one on a tie); (2) shorten the shortenable pieces (or the name inside a
 * piece, `shorten`) by whole words from the end, marking the cut with "..."; (3) drop trailing words of the whole text, ending with "...".
 * Never more than the budget. Pure.
 */
export function fitSms(pieces: readonly SmsPiece[], budget: number = MAX_SEPTETS): string {
  const clean = (text: string) => transliterate(text).replace(/\s+/g, " ").trim();
  let kept = pieces.map((p) => ({ ...p, text: clean(p.text) }));
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
  for (const piece of kept.filter((p) => p.shortenable || p.shorten)) {
    const around = piece.shorten?.around ?? ((name: string) => name);
    const words = clean(piece.shorten?.name ?? piece.text).split(" ");
    while (countSeptets(join()) > budget && words.length > 1) {
      words.pop();
      piece.text = clean(around(`${words.join(" ")}...`));
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
