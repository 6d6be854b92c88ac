// The words similarIssues asks the index for, and how alike two issues are, by hand-made cases.
import { describe, expect, it } from 'vitest';
import { contentWords, fts5AnyQuery, similarity, similarTerms, tsAnyQuery } from './similar.js';

describe('similarTerms', () => {
  it('keeps words of three letters or more, folded, without common words, each once', () => {
    expect(contentWords('Die Rückgabe ohne Kassenbon – die RÜCKGABE!')).toEqual(['ruckgabe', 'kassenbon']);
    expect(contentWords('Hoàn tiền cho đơn hàng của khách')).toEqual(['hoan', 'tien', 'don', 'hang', 'khach']);
    expect(contentWords('El niño y la devolución')).toEqual(['nino', 'devolucion']);
    expect(contentWords('ab, of, to')).toEqual([]);
  });

  it('asks for any word: title first, the last one typed as a prefix, the description after', () => {
    const terms = similarTerms('Rückgabe Kassen', 'Kunden ohne Beleg');
    expect(terms).toEqual({ words: ['ruckgabe', 'kassen', 'kunden', 'beleg'], prefix: 'kassen' });
    expect(fts5AnyQuery(terms)).toBe('"ruckgabe" OR "kassen"* OR "kunden" OR "beleg"');
    expect(tsAnyQuery(terms)).toBe("'ruckgabe' | 'kassen':* | 'kunden' | 'beleg'");
    // A finished word (something follows it) is matched whole.
    expect(similarTerms('Rückgabe Kassenbon ').prefix).toBeNull();
    expect(similarTerms('Rückgabe Kassenbon', null, false).prefix).toBeNull();
  });

  it('turns query syntax into words', () => {
    expect(fts5AnyQuery(similarTerms('"quoted" NEAR(x) OR *'))).toBe('"quoted" OR "near"');
    expect(tsAnyQuery(similarTerms("it's o'clock \\ back"))).toBe("'clock' | 'back':*");
  });
});

describe('similarity', () => {
  it('is 1 for the same text, 0 for nothing shared, and weighs titles most', () => {
    const a = { title: 'Rechnungen doppelt verschickt', description: 'Jede Rechnung kommt zweimal.' };
    expect(similarity(a, a)).toBe(1);
    expect(similarity(a, { title: 'Paketshop schließt früh', description: 'Um 16 Uhr zu.' })).toBe(0);
    const sameTitle = similarity(a, { title: 'Rechnungen doppelt verschickt', description: 'Etwas ganz anderes.' });
    const sameText = similarity(a, { title: 'Etwas ganz anderes', description: 'Jede Rechnung kommt zweimal.' });
    expect(sameTitle).toBeGreaterThan(sameText);
    expect(sameTitle).toBeGreaterThanOrEqual(0.5);
  });
});
