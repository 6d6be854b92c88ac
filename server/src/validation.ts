// Runs a shared zod schema over service input; failures become InvalidInput with one key per field.
import type { z } from 'zod';
import { InvalidInput } from './errors.js';

export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fields: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const field = issue.path.join('.') || '_';
    fields[field] ??= issue.message.startsWith('validation.') ? issue.message : 'validation.required';
  }
  throw new InvalidInput(fields);
}
