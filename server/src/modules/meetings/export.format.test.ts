import { describe, expect, it } from 'vitest';
import { foldIcs, icsText, markdownBlock, markdownInline } from './export.format.js';

describe('markdownInline', () => {
  it('puts everything on one line and escapes what would format, link or embed', () => {
    expect(markdownInline('Refunds\r\n# heading\n')).toBe('Refunds \\# heading');
    expect(markdownInline('[x](http://a.b) ![i](y) <b>&amp; *em* _em_ ~~s~~ `c` | \\')).toBe(
      '\\[x\\](http\\://a.b) !\\[i\\](y) \\<b\\>\\&amp; \\*em\\* \\_em\\_ \\~\\~s\\~\\~ \\`c\\` \\| \\\\',
    );
    expect(markdownInline('see www.evil.test or mail ana@evil.test')).toBe('see www\\.evil.test or mail ana\\@evil.test');
    expect(markdownInline('Q3 review: 50 % fewer refunds.')).toBe('Q3 review: 50 % fewer refunds.');
  });

  it('drops control characters and broken surrogates', () => {
    expect(markdownInline('a\u0000b\u001bc\ud800')).toBe('a b c\ufffd');
  });
});

describe('markdownBlock', () => {
  it('keeps lines as hard breaks and paragraphs, and no line opens a block', () => {
    expect(markdownBlock('- item\r\n+ item\n1. one\n2) two\n    code\n> quote\n===\n\n\nnext paragraph')).toBe(
      '\\- item\\\n\\+ item\\\n1\\. one\\\n2\\) two\\\ncode\\\n\\> quote\\\n\\===\n\nnext paragraph',
    );
  });
});

describe('icsText', () => {
  it('one line for a summary, lines as LF for a description, never another control character', () => {
    expect(icsText('a\r\nb\rc\u0007d\te')).toBe('a b c d e');
    expect(icsText('a\r\nb\rc\u0007d', { multiline: true })).toBe('a\nb\nc d');
  });
});

describe('foldIcs', () => {
  const octets = (s: string) => Buffer.byteLength(s);

  it('folds content lines at 75 octets without splitting a character, and unfolds back to the same text', () => {
    const value = 'Cuộc họp điều phối viên khu vực Đông Nam Á 👩🏽‍💻 '.repeat(4);
    const folded = foldIcs(`BEGIN:VEVENT\r\nSUMMARY:${value}\r\n\tcontinued\r\nEND:VEVENT\r\n`);
    expect(folded.endsWith('\r\n')).toBe(true);
    const lines = folded.slice(0, -2).split('\r\n');
    for (const line of lines) expect(octets(line)).toBeLessThanOrEqual(75);
    expect(lines.slice(2, -1).every((l) => l.startsWith(' '))).toBe(true);
    expect(folded.replace(/\r\n /g, '')).toBe(`BEGIN:VEVENT\r\nSUMMARY:${value}continued\r\nEND:VEVENT\r\n`);
  });

  it('leaves short lines alone', () => {
    expect(foldIcs('BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n')).toBe('BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n');
  });
});
