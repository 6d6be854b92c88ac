import { describe, expect, it } from 'vitest';
import { hasVisibleText, normaliseNewlines, textProblem } from './text.js';

describe('textProblem', () => {
  it('refuses lone surrogates anywhere, but not a surrogate pair', () => {
    for (const kind of ['line', 'multiline', 'secret'] as const) {
      expect(textProblem('a\ud800b', kind)).toBe('validation.text.encoding');
      expect(textProblem('a\udc00', kind)).toBe('validation.text.encoding');
      expect(textProblem('\udc00\ud800', kind)).toBe('validation.text.encoding');
      expect(textProblem('emoji 😀 fine', kind)).toBeNull();
    }
  });

  it('refuses C0 and C1 controls and DEL everywhere; multi-line fields keep tab and line feed', () => {
    for (const c of ['\u0000', '\u0001', '\u000b', '\u000c', '\u001b', '\u007f', '\u0080', '\u009f']) {
      expect(textProblem(`x${c}y`, 'multiline')).toBe('validation.text.control');
      expect(textProblem(`x${c}y`, 'secret')).toBe('validation.text.control');
      expect(textProblem(`x${c}y`, 'line')).toBe('validation.text.control');
    }
    expect(textProblem('a\tb\nc', 'multiline')).toBeNull();
    expect(textProblem('a\tb', 'line')).toBe('validation.text.control');
  });

  it('refuses every kind of line break in single-line fields', () => {
    for (const br of ['\n', '\r', '\r\n', '\u0085', '\u2028', '\u2029']) expect(textProblem(`a${br}b`, 'line')).toBe('validation.text.singleLine');
  });

  it('refuses bidi controls and zero-width characters in single-line fields only', () => {
    for (const c of ['\u061c', '\u200e', '\u200f', '\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069', '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff']) {
      expect(textProblem(`a${c}b`, 'line'), c.codePointAt(0)!.toString(16)).toBe('validation.text.invisible');
      expect(textProblem(`a${c}b`, 'multiline')).toBeNull();
    }
  });

  it('keeps the joiner inside emoji sequences, and only there', () => {
    expect(textProblem('Team 👩🏽‍💻 and 👨‍👩‍👧', 'line')).toBeNull();
    expect(textProblem('🏳️‍🌈 pride', 'line')).toBeNull();
    expect(textProblem('a\u200d👩', 'line')).toBe('validation.text.invisible');
    expect(textProblem('👩\u200db', 'line')).toBe('validation.text.invisible');
  });

  it('accepts ordinary text of every catalog language', () => {
    for (const s of ['Rückgabe – Frist', 'Æbler på tilbud', 'Devolución ¿ya?', 'Chính sách hoàn tiền', 'Ligature ﬁ, soft­hyphen, NBSP here']) {
      expect(textProblem(s, 'line')).toBeNull();
    }
  });
});

describe('hasVisibleText', () => {
  it('sees letters, digits, punctuation and symbols, but not blanks that look like letters', () => {
    expect(hasVisibleText('a')).toBe(true);
    expect(hasVisibleText('·')).toBe(true);
    expect(hasVisibleText('😀')).toBe(true);
    expect(hasVisibleText('\u200b\u200c\u2060\ufeff')).toBe(false);
    expect(hasVisibleText('\u3164\u115f\uffa0\u2800')).toBe(false); // Hangul fillers, blank Braille
    expect(hasVisibleText(' \u00a0\u3000\t\n')).toBe(false);
    expect(hasVisibleText('\u0301')).toBe(false); // a combining mark alone
  });
});

describe('normaliseNewlines', () => {
  it('turns CR LF and lone CR into LF', () => {
    expect(normaliseNewlines('a\r\nb\rc\nd\r\n\r\n')).toBe('a\nb\nc\nd\n\n');
  });
});
