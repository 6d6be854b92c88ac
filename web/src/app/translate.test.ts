// The web's translator (translate.ts) gives what i18next gives the server for the same catalogs:
// every key of every language, with each placeholder filled, and plurals by count.
import { describe, expect, it } from 'vitest';
import { LOCALES } from '@council/shared';
import { catalogs, flattenKeys, translator } from '@council/shared/i18n';
import { translateIn } from './translate';

describe('translateIn', () => {
  it('matches i18next on every key of every language', () => {
    for (const lng of LOCALES) {
      const catalog = catalogs[lng];
      const t = translator(lng) as unknown as (key: string, options?: Record<string, unknown>) => string;
      // each key (plural forms together) with the texts it has
      const texts = new Map<string, string[]>();
      for (const path of flattenKeys(catalog)) {
        const key = path.replace(/_(zero|one|two|few|many|other)$/, '');
        const text = path.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], catalog) as string;
        texts.set(key, [...(texts.get(key) ?? []), text]);
      }
      for (const [key, strings] of texts) {
        const names = new Set(strings.flatMap((text) => [...text.matchAll(/\{\{-?\s*([\w.]+)\s*\}\}/g)].map((m) => m[1])));
        const options = Object.fromEntries([...names].map((name) => [name, `<${name}>`]));
        expect(translateIn(catalog, lng, key), `${lng} ${key}`).toBe(t(key));
        expect(translateIn(catalog, lng, key, options), `${lng} ${key}`).toBe(t(key, options));
        if (!names.has('count') && strings.length === 1) continue;
        for (const count of [0, 1, 2, 21]) {
          expect(translateIn(catalog, lng, key, { ...options, count }), `${lng} ${key} ${count}`).toBe(t(key, { ...options, count }));
        }
      }
    }
  });

  it('leaves a placeholder without a value, empties a null one, and shows an unknown key as itself', () => {
    const catalog = { a: { b: 'Hi {{name}}, {{ other }}!' } };
    expect(translateIn(catalog, 'en', 'a.b', { name: 'Ana' })).toBe('Hi Ana, {{ other }}!');
    expect(translateIn(catalog, 'en', 'a.b', { name: null, other: undefined })).toBe('Hi , !');
    expect(translateIn(catalog, 'en', 'a.missing')).toBe('a.missing');
    expect(translateIn(catalog, 'en', 'a')).toBe('a');
  });
});
