// Runs a shared zod schema over service input; failures become InvalidInput with one key per field.
import type { z } from 'zod';
import { InvalidInput } from './errors.js';

export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fields: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const field = issue.path.join('.') || '_';
    // Our schemas' messages are i18n keys; anything else (a zod default) becomes a generic one.
    fields[field] ??= /^[a-z]\w*(\.\w+)+$/i.test(issue.message) ? issue.message : 'validation.required';
  }
  throw new InvalidInput(fields);
}
