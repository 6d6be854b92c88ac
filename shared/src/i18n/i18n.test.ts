// Every catalog has exactly the English catalog's keys, no empty text, and the same placeholders.
import { describe, expect, it } from 'vitest';
import { LOCALES } from '../enums.js';
import { catalogs, flattenKeys, translator } from './index.js';

const en = catalogs.en;
const lookup = (tree: object, key: string): string => key.split('.').reduce((node: any, k) => node?.[k], tree) as string;
const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

describe.each(LOCALES.filter((l) => l !== 'en'))('catalog %s', (locale) => {
  const catalog = catalogs[locale];

  it('has every key of the English catalog and no other', () => {
    expect(flattenKeys(catalog)).toEqual(flattenKeys(en));
  });

  it('has no empty text and keeps every {{placeholder}}', () => {
    for (const key of flattenKeys(en)) {
      const text = lookup(catalog, key);
      expect(text.trim(), `${locale}: ${key}`).not.toBe('');
      expect(placeholders(text), `${locale}: ${key}`).toEqual(placeholders(lookup(en, key)));
    }
  });
});

describe('translator', () => {
  it('translates into the asked language and falls back to English', () => {
    expect(translator('de')('errors.NOT_FOUND')).toBe(catalogs.de.errors.NOT_FOUND);
    expect(translator('xx')('errors.NOT_FOUND')).toBe(en.errors.NOT_FOUND);
  });
});
