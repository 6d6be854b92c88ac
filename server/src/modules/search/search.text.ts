// The text side of full-text search, the same for SQLite and PostgreSQL: folding (case, diacritics
// and the few letters neither unicode61 nor NFKD take apart), the words of a query, and the plain
// text snippet with highlight ranges, built from the stored text (pure functions, no database).
//
// Folding agrees with the index: FTS5's `unicode61 remove_diacritics 2` and PostgreSQL's `unaccent`
// both strip diacritics; FOLDED_LETTERS below are the letters unicode61 keeps whole (đ, ß, æ, ø, …),
// replaced by the migration's triggers before SQLite indexes a text, and folded by `unaccent` the
// same way on PostgreSQL. A new letter here needs a migration that replaces it in the triggers too.

/** Letters without a canonical decomposition, folded as PostgreSQL's unaccent folds them. */
export const FOLDED_LETTERS: Readonly<Record<string, string>> = {
  đ: 'd',
  Đ: 'd',
  ð: 'd',
  Ð: 'd',
  ß: 'ss',
  ẞ: 'ss',
  æ: 'ae',
  Æ: 'ae',
  ø: 'o',
  Ø: 'o',
  œ: 'oe',
  Œ: 'oe',
  ł: 'l',
  Ł: 'l',
  þ: 'th',
  Þ: 'th',
  ı: 'i',
};

const MARKS = /\p{M}/gu;
const WORD = /[\p{L}\p{N}]+/gu;

/** One character (code point) folded: lower case, no diacritics, the special letters spelled out. */
function foldChar(ch: string): string {
  const special = FOLDED_LETTERS[ch];
  if (special !== undefined) return special;
  return ch.normalize('NFKD').replace(MARKS, '').toLowerCase();
}

/** A text folded for matching: "Hoàn Tiền" → "hoan tien", "Rückgabe" → "ruckgabe", "Æble" → "aeble". */
export function fold(text: string): string {
  let out = '';
  for (const ch of text) out += foldChar(ch);
  return out;
}

/** The words of a text after folding, as the index sees them (letters and digits; the rest separates). */
export function words(text: string): string[] {
  return fold(text).match(WORD) ?? [];
}

/** A query's words, each matched whole except the last, which may be the start of a word (typing). */
export interface SearchTerms {
  words: string[];
  /** The last word matches any word it begins. */
  lastIsPrefix: boolean;
}

/**
 * The words of what someone typed; never query syntax: quotes, stars, NEAR, OR, parentheses and
 * SQL are letters or separators like any other. At most `max` words (the rest is ignored).
 */
export function searchTerms(query: string, max = 12): SearchTerms {
  const all = words(query).slice(0, max);
  if (!all.length) return { words: [], lastIsPrefix: false };
  // A repeated word adds nothing to the match; the last one stays last (it is the prefix).
  const last = all[all.length - 1];
  return { words: [...new Set(all.slice(0, -1))].filter((w) => w !== last).concat(last), lastIsPrefix: true };
}

/** An FTS5 MATCH expression of the terms: every word quoted, the last as a prefix ("a" "b"*). */
export function fts5Query(terms: SearchTerms): string {
  return terms.words.map((w, i) => `"${w.replaceAll('"', '""')}"${terms.lastIsPrefix && i === terms.words.length - 1 ? '*' : ''}`).join(' ');
}

/** A PostgreSQL tsquery of the terms (for `to_tsquery('simple', …)`): 'a' & 'b':* */
export function tsQuery(terms: SearchTerms): string {
  return terms.words
    .map((w, i) => `'${w.replaceAll("'", "''").replaceAll('\\', '\\\\')}'${terms.lastIsPrefix && i === terms.words.length - 1 ? ':*' : ''}`)
    .join(' & ');
}

/** A range of characters (UTF-16 code units, as JavaScript and the web count them) in a snippet. */
export interface TextRange {
  start: number;
  end: number;
}

/** Where the terms' words stand in `text` (original offsets), in order. */
export function matches(text: string, terms: SearchTerms): TextRange[] {
  if (!terms.words.length) return [];
  // Folded characters and the original range each came from; marks that fold to nothing widen the
  // character before them, so that a highlight never cuts an accent off its letter.
  let folded = '';
  const from: number[] = [];
  const to: number[] = [];
  let offset = 0;
  for (const ch of text) {
    const f = foldChar(ch);
    if (f.length === 0 && to.length) {
      for (let k = to.length - 1; k >= 0 && to[k] === offset; k--) to[k] = offset + ch.length;
    }
    for (let k = 0; k < f.length; k++) {
      from.push(offset);
      to.push(offset + ch.length);
    }
    folded += f;
    offset += ch.length;
  }
  const whole = new Set(terms.lastIsPrefix ? terms.words.slice(0, -1) : terms.words);
  const prefix = terms.lastIsPrefix ? terms.words[terms.words.length - 1] : null;
  const found: TextRange[] = [];
  for (const m of folded.matchAll(WORD)) {
    const word = m[0];
    if (whole.has(word) || (prefix !== null && word.startsWith(prefix))) {
      found.push({ start: from[m.index], end: to[m.index + word.length - 1] });
    }
  }
  return found;
}

/**
 * Markdown as plain text for a snippet: markup characters (emphasis, headings, quotes, list
 * markers, code fences, link targets, HTML tags) dropped, white space collapsed to single spaces.
 */
export function plainText(markdown: string): string {
  return markdown
    .replace(/<[^>\n]*>/g, ' ')
    .replace(/!?\[([^\]\n]*)\]\([^)\n]*\)/g, '$1')
    .replace(/^\s{0,3}(#{1,6}\s+|>\s?|[-*+]\s+|\d+[.)]\s+|```\w*|~~~\w*)/gm, '')
    .replace(/(\*\*|__|\*|`|~~)/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

export interface Snippet {
  snippet: string;
  highlights: TextRange[];
}

const ELLIPSIS = '…';

/**
 * Plain text around the first match of the terms in `text` (its start when nothing matches), about
 * `length` characters cut at word boundaries, with "…" where text was left out, and the ranges of
 * every match within it.
 */
export function snippet(markdown: string, terms: SearchTerms, length = 200): Snippet {
  const text = plainText(markdown);
  const all = matches(text, terms);
  if (text.length <= length) return { snippet: text, highlights: all };
  const first = all[0]?.start ?? 0;
  // Some context before the first match, more after it.
  let start = Math.max(0, Math.min(first - Math.floor(length / 4), text.length - length));
  let end = Math.min(text.length, start + length);
  if (start > 0) {
    const space = text.indexOf(' ', start);
    if (space !== -1 && space < first) start = space + 1;
  }
  if (end < text.length) {
    const space = text.lastIndexOf(' ', end);
    if (space > start && space >= (all.find((m) => m.start >= start)?.end ?? start)) end = space;
  }
  const lead = start > 0 ? ELLIPSIS : '';
  const body = text.slice(start, end);
  const tail = end < text.length ? ELLIPSIS : '';
  const shift = lead.length - start;
  const highlights = all.filter((m) => m.start >= start && m.end <= end).map((m) => ({ start: m.start + shift, end: m.end + shift }));
  return { snippet: lead + body + tail, highlights };
}
