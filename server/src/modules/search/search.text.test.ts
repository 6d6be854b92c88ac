// Folding, query words and snippets of full-text search, by hand-made cases.
import { describe, expect, it } from 'vitest';
import { fold, fts5Query, matches, plainText, searchTerms, snippet, tsQuery, words } from './search.text.js';

const marked = (text: string, ranges: { start: number; end: number }[]) => ranges.map((r) => text.slice(r.start, r.end));

describe('fold', () => {
  it('folds case and diacritics in the five languages', () => {
    expect(fold('Hoàn tiền ĐƠN')).toBe('hoan tien don');
    expect(fold('Rückgabe Straße GRÖẞE')).toBe('ruckgabe strasse grosse');
    expect(fold('Æble, øre og Århus')).toBe('aeble, ore og arhus');
    expect(fold('Niño, canción, PEQUEÑA')).toBe('nino, cancion, pequena');
    expect(fold('Œuvre Łódź')).toBe('oeuvre lodz');
  });

  it('folds decomposed text (NFD) like composed text', () => {
    expect(fold('hoàn tiền'.normalize('NFD'))).toBe('hoan tien');
  });

  it('splits words at everything but letters and digits', () => {
    expect(words('E-mail: a/b v1.2 "quoted" NEAR(x)')).toEqual(['e', 'mail', 'a', 'b', 'v1', '2', 'quoted', 'near', 'x']);
  });
});

describe('searchTerms', () => {
  it('keeps words only: query syntax is text', () => {
    expect(searchTerms('"refund" OR * NEAR( -x').words).toEqual(['refund', 'or', 'near', 'x']);
    expect(searchTerms('"*"').words).toEqual([]);
    expect(searchTerms("'; drop table issue; --").words).toEqual(['drop', 'table', 'issue']);
  });

  it('drops repeated words and keeps the last word last (it is the prefix)', () => {
    expect(searchTerms('tien hoan tien')).toEqual({ words: ['hoan', 'tien'], lastIsPrefix: true });
  });

  it('quotes every word for FTS5 and PostgreSQL, the last as a prefix', () => {
    const terms = searchTerms('Hoàn tiền');
    expect(fts5Query(terms)).toBe('"hoan" "tien"*');
    expect(tsQuery(terms)).toBe("'hoan' & 'tien':*");
  });
});

describe('matches', () => {
  it('finds words whatever their case and accents, the last word as a prefix', () => {
    const text = 'Khách hàng chờ hoàn tiền lâu; HOAN TIEN nhanh hơn.';
    expect(marked(text, matches(text, searchTerms('hoan tien')))).toEqual(['hoàn', 'tiền', 'HOAN', 'TIEN']);
    expect(marked(text, matches(text, searchTerms('hoan ti')))).toEqual(['hoàn', 'tiền', 'HOAN', 'TIEN']);
    // Only the last word is a prefix: "hoa" is no word of the text.
    expect(marked(text, matches(text, searchTerms('hoa tien')))).toEqual(['tiền', 'TIEN']);
  });

  it('covers the whole letter, marks of decomposed text and spelled-out letters included', () => {
    const nfd = 'Die Rückgabe'.normalize('NFD');
    expect(marked(nfd, matches(nfd, searchTerms('ruckgabe')))).toEqual(['Rückgabe'.normalize('NFD')]);
    const text = 'Große Straße, Đà Nẵng, æbler';
    expect(marked(text, matches(text, searchTerms('strasse')))).toEqual(['Straße']);
    expect(marked(text, matches(text, searchTerms('da nang')))).toEqual(['Đà', 'Nẵng']);
    expect(marked(text, matches(text, searchTerms('aeble')))).toEqual(['æbler']);
  });
});

describe('snippet', () => {
  it('is plain text: Markdown markup and line breaks removed', () => {
    expect(plainText('# Title\n\n**Bold** and _x_ [a link](https://x.test) `code`\n- item\n> quote <b>tag</b>')).toBe(
      'Title Bold and _x_ a link code item quote tag',
    );
  });

  it('is the whole text when short, with every match highlighted', () => {
    const s = snippet('Refunds take **twelve** days; refund faster.', searchTerms('refund'));
    expect(s.snippet).toBe('Refunds take twelve days; refund faster.');
    expect(marked(s.snippet, s.highlights)).toEqual(['Refunds', 'refund']);
  });

  it('cuts a long text around the first match at word boundaries, with ellipses', () => {
    const before = Array.from({ length: 60 }, (_, i) => `word${i}`).join(' ');
    const after = Array.from({ length: 60 }, (_, i) => `more${i}`).join(' ');
    const s = snippet(`${before} Rückgabe innerhalb von dreißig Tagen ${after}`, searchTerms('ruckgabe tage'), 120);
    expect(s.snippet.startsWith('…word')).toBe(true);
    expect(s.snippet.endsWith('…')).toBe(true);
    expect(s.snippet.length).toBeLessThanOrEqual(122);
    expect(s.snippet).toContain('Rückgabe innerhalb von dreißig Tagen');
    expect(marked(s.snippet, s.highlights)).toEqual(['Rückgabe', 'Tagen']);
    // No word is cut in two at either end.
    expect(s.snippet.slice(1, -1).split(' ').every((w) => /^(word|more)\d+$|^[^\d]+$/.test(w))).toBe(true);
  });

  it('starts at the beginning when nothing in the text matches (the title did)', () => {
    const long = 'Lorem ipsum '.repeat(40);
    const s = snippet(long, searchTerms('refund'), 50);
    expect(s.snippet.startsWith('Lorem ipsum')).toBe(true);
    expect(s.highlights).toEqual([]);
  });
});
