// Translating a key that is only known at run time (zod messages such as `validation.title.tooShort`).
import type { TFunction } from 'i18next';

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
