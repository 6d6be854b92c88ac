// Text hygiene: which characters a person's text may hold, decided here once and applied by every
// input schema (so by the web forms and the server alike).
//
// Every field refuses C0/C1 control characters and DEL (NUL breaks PostgreSQL and C-string
// consumers, the others have no meaning in prose and corrupt exports such as iCalendar) and lone
// UTF-16 surrogates (a JS string can hold one; UTF-8, and so PostgreSQL, cannot). Multi-line fields
// (descriptions, comments, policy texts, notes) keep tab and line feed, and their CR LF and lone CR
// line ends (what HTML form submission and some clients send) become LF before any check.
// Single-line fields (titles, names, one-line notes, search) also refuse line breaks of any kind,
// Unicode's bidi controls (embeddings, overrides, isolates, marks: they reorder how a title reads,
// the "Trojan Source" trick) and zero-width characters (they hide text or make look-alike titles;
// only the joiner inside an emoji sequence stays, where it draws one pictograph).
// A field that must be filled needs at least one visible character.

/** `secret`: a password, which may hold anything a person can type but control characters. */
export type TextKind = 'line' | 'multiline' | 'secret';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const LINE_BREAK = /[\n\r\u0085\u2028\u2029]/;
/** C0 controls, DEL and C1 controls (Unicode's Cc), and the same but tab and line feed. */
const CONTROL = /\p{Cc}/u;
const CONTROL_MULTILINE = /(?![\t\n])\p{Cc}/u;
/** Unicode's Bidi_Control set (U+061C, U+200E–U+200F, U+202A–U+202E, U+2066–U+2069). */
const BIDI_CONTROL = /\p{Bidi_Control}/u;
/** Zero-width space, non-joiner, joiner, word joiner, zero-width no-break space (BOM). */
const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF]/;
/** A joiner inside an emoji sequence (👩🏽‍💻): it draws one pictograph instead of two, and hides nothing. */
const EMOJI_JOINER = /(?<=\p{Extended_Pictographic}(?:[\u{1F3FB}-\u{1F3FF}]|\uFE0F)?)\u200D(?=\p{Extended_Pictographic})/gu;
/**
 * A character that shows: a letter, digit, punctuation or symbol that is not default-ignorable
 * (Hangul fillers are letters that render as nothing) and not the blank Braille pattern.
 */
const VISIBLE = /(?![\p{Default_Ignorable_Code_Point}\u2800])[\p{L}\p{N}\p{P}\p{S}\p{Co}]/u;

/** The i18n keys of the refusals, in the order they are checked. */
export const TEXT_PROBLEMS = {
  encoding: 'validation.text.encoding',
  singleLine: 'validation.text.singleLine',
  control: 'validation.text.control',
  invisible: 'validation.text.invisible',
  blank: 'validation.text.blank',
} as const;

/** Line ends as LF: CR LF (HTML form submission, Windows clipboards) and lone CR (old Mac) alike. */
export function normaliseNewlines(value: string): string {
  return value.replace(/\r\n?/g, '\n');
}

/** The i18n key of the first thing wrong with `value` for a field of this kind, or null. */
export function textProblem(value: string, kind: TextKind): string | null {
  if (LONE_SURROGATE.test(value)) return TEXT_PROBLEMS.encoding;
  if (kind === 'multiline') return CONTROL_MULTILINE.test(value) ? TEXT_PROBLEMS.control : null;
  if (kind === 'line' && LINE_BREAK.test(value)) return TEXT_PROBLEMS.singleLine;
  if (CONTROL.test(value)) return TEXT_PROBLEMS.control;
  if (kind === 'line' && (BIDI_CONTROL.test(value) || ZERO_WIDTH.test(value.replace(EMOJI_JOINER, '')))) return TEXT_PROBLEMS.invisible;
  return null;
}

/** Whether the text has at least one character a reader would see. */
export function hasVisibleText(value: string): boolean {
  return VISIBLE.test(value);
}
