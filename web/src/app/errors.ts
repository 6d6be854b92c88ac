// Reading the API's errors: the code in `extensions.code`, translated field messages in
// `extensions.fields` (BAD_USER_INPUT), and a human message for everything else.
import type { CombinedError } from 'urql';
import type { TFunction } from 'i18next';
import { ERROR_CODES, type ErrorCode } from '@council/shared';

export type FieldErrors = Partial<Record<string, string>>;

export function errorCode(error: CombinedError | undefined): ErrorCode | undefined {
  for (const e of error?.graphQLErrors ?? []) {
    const code = e.extensions?.code;
    if (typeof code === 'string' && (ERROR_CODES as readonly string[]).includes(code)) return code as ErrorCode;
  }
  return undefined;
}

/** Field name → message (already in the viewer's language) from a BAD_USER_INPUT error. */
export function fieldErrors(error: CombinedError | undefined): FieldErrors {
  const out: FieldErrors = {};
  for (const e of error?.graphQLErrors ?? []) {
    const fields = e.extensions?.fields;
    if (fields && typeof fields === 'object') {
      for (const [name, message] of Object.entries(fields as Record<string, unknown>)) {
        if (typeof message === 'string') out[name] = message;
      }
    }
  }
  return out;
}

/** One message for the person: the server's own (translated) text, else a generic one. */
export function errorMessage(error: CombinedError, t: TFunction): string {
  const first = error.graphQLErrors[0];
  if (first?.message) return first.message;
  if (error.networkError) return t('errors.NETWORK');
  return t('errors.INTERNAL');
}
