// Each language's own module holds the same catalog as the server's set of five (index.ts).
import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../enums.js';
import { catalogs } from '../index.js';

describe.each(LOCALES)('the %s catalog module', (locale) => {
  it('is the whole catalog of its language', async () => {
    const { catalog } = (await import(`./${locale}.ts`)) as { catalog: object };
    expect(catalog).toEqual(catalogs[locale]);
  });
});
