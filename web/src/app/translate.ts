// Translating: the web's translator over one language's catalog (app/i18n.ts holds the catalogs and
// the language in use), and a key that is only known at run time (zod messages such as
// `validation.title.tooShort`).
import type { TFunction } from 'i18next';

/** The value at a dotted path (`app.nav.issues`), or undefined. */
export function lookup(tree: unknown, key: string): unknown {
  let node = tree;
  for (const part of key.split('.')) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

export type TranslateOptions = Record<string, unknown>;

const pluralRules = new Map<string, Intl.PluralRules>();

/**
 * `key` in `catalog` (of language `lng`) by i18next's rules, for what the catalogs use: with a
 * numeric `count`, `key_zero` for 0 when there is one, else the language's plural form (`key_one`,
 * `key_other` …, falling back to `key_other`), else `key` itself; a key without a string shows as
 * the key. Then `{{name}}` (or `{{- name}}`) becomes the option's value, unescaped (React escapes
 * what it shows): a value given as undefined or null is left out, one not given at all leaves the
 * placeholder.
 */
export function translateIn(catalog: unknown, lng: string, key: string, options?: TranslateOptions): string {
  let value: unknown;
  const count = options?.count;
  if (typeof count === 'number') {
    if (count === 0) value = lookup(catalog, `${key}_zero`);
    if (value === undefined) {
      let rules = pluralRules.get(lng);
      if (!rules) pluralRules.set(lng, (rules = new Intl.PluralRules(lng)));
      value = lookup(catalog, `${key}_${rules.select(count)}`) ?? lookup(catalog, `${key}_other`);
    }
  }
  if (value === undefined) value = lookup(catalog, key);
  if (typeof value !== 'string') return key;
  if (!options) return value;
  return value.replace(/\{\{-?\s*([^}]+?)\s*\}\}/g, (placeholder, name: string) => {
    const given = name.includes('.') ? lookup(options, name) : options[name];
    if (given === undefined && !(name in options)) return placeholder;
    return given == null ? '' : String(given);
  });
}

export function translateKey(t: TFunction, key: string): string {
  return (t as unknown as (k: string) => string)(key);
}

/** zod issues → field name → translated message (first message per field). */
export function zodFieldErrors(
  t: TFunction,
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
): Partial<Record<string, string>> {
  const out: Partial<Record<string, string>> = {};
  for (const issue of issues) {
    const field = String(issue.path[0] ?? '_');
    if (!out[field]) out[field] = translateKey(t, issue.message);
  }
  return out;
}
