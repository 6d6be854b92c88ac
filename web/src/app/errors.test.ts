// What a failed request is called: offline, unreachable, a server error with its reference, an
// ended session, or the server's reason for refusing; and which of them are worth sending again.
import { describe, expect, it } from 'vitest';
import type { TFunction } from 'i18next';
import { translator } from '@council/shared/i18n';
import { classifyError, errorMessage, failureMessage, isRetryable, requestReference, type ErrorLike } from './errors';

const en = translator('en') as unknown as TFunction;
const vi = translator('vi') as unknown as TFunction;
const headers = (values: Record<string, string>) => ({ get: (name: string) => values[name.toLowerCase()] ?? null });
const networkError = (response?: unknown): ErrorLike => ({ graphQLErrors: [], networkError: new TypeError('Failed to fetch'), response });

describe('classifyError', () => {
  it('offline or unreachable, by what the browser knows', () => {
    expect(classifyError(networkError(), false)).toEqual({ kind: 'offline' });
    expect(classifyError(networkError(), true)).toEqual({ kind: 'unreachable' });
    expect(failureMessage({ kind: 'offline' }, en)).toBe('You are offline.');
  });

  it('a 5xx is a server error, named by the request id header', () => {
    const error = { graphQLErrors: [], networkError: new Error('Internal Server Error'), response: { status: 500, headers: headers({ 'x-request-id': 'abc123' }) } };
    expect(classifyError(error, true)).toEqual({ kind: 'server', reference: 'abc123' });
    expect(errorMessage(error, en)).toBe('Server error (reference abc123).');
    expect(failureMessage(classifyError(error, true), vi)).toBe('Lỗi máy chủ (mã tham chiếu abc123).');
    // offline does not hide an answer the server did give
    expect(classifyError(error, false).kind).toBe('server');
  });

  it("INTERNAL_SERVER_ERROR takes the id from the error's extensions first", () => {
    const error: ErrorLike = {
      graphQLErrors: [{ message: 'Something went wrong on our side.', extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: 'req-9' } }],
      response: { status: 200, headers: headers({ 'x-request-id': 'other' }) },
    };
    expect(requestReference(error)).toBe('req-9');
    expect(classifyError(error, true)).toEqual({ kind: 'server', reference: 'req-9' });
    expect(failureMessage({ kind: 'server', reference: null }, en)).toBe('Server error.');
  });

  it("a refusal carries the server's reason; an ended session is its own kind", () => {
    const refused: ErrorLike = { graphQLErrors: [{ message: 'Voting has closed.', extensions: { code: 'CONFLICT' } }] };
    expect(classifyError(refused, true)).toEqual({ kind: 'refused', code: 'CONFLICT', message: 'Voting has closed.' });
    expect(errorMessage(refused, en)).toBe('Voting has closed.');
    const ended: ErrorLike = { graphQLErrors: [{ message: 'Please sign in.', extensions: { code: 'UNAUTHENTICATED' } }] };
    expect(classifyError(ended, true).kind).toBe('session');
    const unknown: ErrorLike = { graphQLErrors: [{ message: '', extensions: { code: 'SOMETHING_ELSE' } }] };
    expect(errorMessage(unknown, en)).toBe(en('errors.INTERNAL'));
  });

  it('only what may work unchanged is offered again', () => {
    expect(isRetryable({ kind: 'offline' })).toBe(true);
    expect(isRetryable({ kind: 'unreachable' })).toBe(true);
    expect(isRetryable({ kind: 'server', reference: null })).toBe(true);
    expect(isRetryable({ kind: 'session', message: null })).toBe(false);
    expect(isRetryable({ kind: 'refused', code: 'FORBIDDEN', message: 'No.' })).toBe(false);
  });
});
