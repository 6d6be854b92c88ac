// Reading the API's errors: the code in `extensions.code`, translated field messages in
// `extensions.fields` (BAD_USER_INPUT), and one message for everything else that says what
// happened: offline, the server unreachable, a server error with the request id it was logged
// under (so a report finds its log lines), or the server's own reason for refusing.
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

/**
 * What went wrong, in the terms a person can act on:
 * - `offline`: the browser has no network; `unreachable`: it has, but the server did not answer;
 * - `server`: the server failed (HTTP 5xx or INTERNAL_SERVER_ERROR), with the request id if known;
 * - `session`: the session ended (UNAUTHENTICATED);
 * - `refused`: the server said no, with its reason (FORBIDDEN, CONFLICT, BAD_USER_INPUT, …).
 * Only the first three are worth sending again unchanged.
 */
export type Failure =
  | { kind: 'offline' }
  | { kind: 'unreachable' }
  | { kind: 'server'; reference: string | null }
  | { kind: 'session'; message: string | null }
  | { kind: 'refused'; code: ErrorCode | undefined; message: string | null };

/** The part of a CombinedError this module reads (a structural type, so tests can build one). */
export interface ErrorLike {
  graphQLErrors: readonly { message: string; extensions?: Record<string, unknown> }[];
  networkError?: Error;
  response?: unknown;
}

const REQUEST_ID_HEADER = 'x-request-id';

function responseOf(error: ErrorLike): { status?: number; headers?: { get(name: string): string | null } } | null {
  const response = error.response;
  return response && typeof response === 'object' ? (response as { status?: number; headers?: { get(name: string): string | null } }) : null;
}

/** The request id the server logged the failure under: from the error's extensions, else the response header. */
export function requestReference(error: ErrorLike): string | null {
  for (const e of error.graphQLErrors) {
    const id = e.extensions?.requestId;
    if (typeof id === 'string' && id) return id;
  }
  const header = responseOf(error)?.headers?.get?.(REQUEST_ID_HEADER);
  return header || null;
}

export function classifyError(error: ErrorLike, online: boolean = typeof navigator === 'undefined' || navigator.onLine): Failure {
  const status = responseOf(error)?.status;
  const first = error.graphQLErrors[0];
  const code = first?.extensions?.code;
  if (code === 'INTERNAL_SERVER_ERROR' || (typeof status === 'number' && status >= 500)) {
    return { kind: 'server', reference: requestReference(error) };
  }
  if (code === 'UNAUTHENTICATED') return { kind: 'session', message: first.message || null };
  if (first) return { kind: 'refused', code: typeof code === 'string' && (ERROR_CODES as readonly string[]).includes(code) ? (code as ErrorCode) : undefined, message: first.message || null };
  if (error.networkError) return online ? { kind: 'unreachable' } : { kind: 'offline' };
  return { kind: 'server', reference: requestReference(error) };
}

/** Whether sending the same thing again may work (the text is kept for it). */
export function isRetryable(failure: Failure): boolean {
  return failure.kind === 'offline' || failure.kind === 'unreachable' || failure.kind === 'server';
}

/** The message for a failure, in the viewer's language. */
export function failureMessage(failure: Failure, t: TFunction): string {
  switch (failure.kind) {
    case 'offline':
      return t('forgiving.send.offline');
    case 'unreachable':
      return t('forgiving.send.network');
    case 'server':
      return failure.reference ? t('forgiving.send.server', { reference: failure.reference }) : t('forgiving.send.serverNoReference');
    case 'session':
      return failure.message ?? t('errors.UNAUTHENTICATED');
    case 'refused':
      return failure.message ?? t('errors.INTERNAL');
  }
}

/** One message for the person: what happened (see `classifyError`), the server's reason when it refused. */
export function errorMessage(error: CombinedError | ErrorLike, t: TFunction): string {
  return failureMessage(classifyError(error), t);
}
