// Phrases that Intl gives as if they began a sentence, put inside one.

/**
 * Languages whose relative dates ("yesterday", "3 hours ago") are no nouns and so take a small
 * letter inside a sentence. Intl gives Vietnamese ones capitalized ("Hôm qua"), which reads wrong
 * mid-sentence; German is left as Intl gives it (already "gestern", "vor 3 Stunden"), where a
 * lower-cased noun would be the error.
 */
const LOWER_MID_SENTENCE = new Set(['en', 'da', 'es', 'vi']);

/** A phrase as it reads inside a sentence in `lng`: first letter lower-cased where that is right. */
export function midSentence(text: string, lng: string): string {
  if (!LOWER_MID_SENTENCE.has(lng) || !text) return text;
  const first = String.fromCodePoint(text.codePointAt(0)!);
  return first.toLocaleLowerCase(lng) + text.slice(first.length);
}
