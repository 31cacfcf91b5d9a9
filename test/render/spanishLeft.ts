/**
 * The Spanish phrases of the locale files that an English report must not show: from each key whose
 * Spanish value differs from its English one, the literal parts between {placeholders}. A part is
 * kept when it is a phrase (two words or more) or one word of 5 letters or more that no English
 * value uses, so "Total", "UGEL" or "No" (the same in both languages) never count.
 */
export function spanishPhrases(es: Record<string, string>, en: Record<string, string>): string[] {
  const englishWords = new Set(
    Object.values(en)
      .join(" ")
      .toLowerCase()
      .split(/[^\p{L}]+/u),
  );
  const phrases = new Set<string>();
  for (const [key, value] of Object.entries(es)) {
    if (en[key] === value) continue;
    for (const raw of value.split(/\{[^}]*\}/)) {
      const part = raw.replace(/^[\s\p{P}]+|[\s\p{P}]+$/gu, "");
      const words = part.split(/\s+/).filter(Boolean);
      if (words.length >= 2 && part.length >= 6) phrases.add(part);
      else if (words.length === 1 && part.length >= 5 && !englishWords.has(part.toLowerCase()))
        phrases.add(part);
    }
  }
  return [...phrases].sort();
}

/**
 * The text a reader sees in an English report, without what is Spanish on purpose: elements marked
 * lang="es" (the good-practice stories written in Spanish), the embedded CSS, and tags.
 */
export function englishVisibleText(html: string): string {
  return html
    .replace(/<style[\s\S]*?<\/style>/g, " ")
    .replace(/<(h3|div|p|span|li)\b[^>]*\blang="es"[^>]*>[\s\S]*?<\/\1>/g, " ")
    .replace(/<title>[\s\S]*?<\/title>/g, " ")
    .replace(/<[^>]+>/g, " ")
    .replace(/&amp;/g, "&")
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/\s+/g, " ");
}

/** Each phrase found in `text` as whole words, with a little context. */
export function findPhrases(text: string, phrases: string[]): string[] {
  const found: string[] = [];
  for (const phrase of phrases) {
    const escaped = phrase.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    const match = new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, "u").exec(text);
    if (match)
      found.push(
        `"${phrase}" in …${text.slice(Math.max(0, match.index - 50), match.index + phrase.length + 30)}…`,
      );
  }
  return found;
}
