// Typed domain errors; graphql/errors.ts maps them to `extensions.code` in one place.
// Messages are i18n keys, translated into the viewer's language on the way out.
import type { ErrorCode } from '@council/shared';

export abstract class AppError extends Error {
  abstract readonly code: ErrorCode;
  constructor(
    readonly messageKey: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(messageKey);
  }
}

export class Unauthenticated extends AppError {
  readonly code = 'UNAUTHENTICATED' as const;
  constructor(key = 'errors.UNAUTHENTICATED') {
    super(key);
  }
}

export class Forbidden extends AppError {
  readonly code = 'FORBIDDEN' as const;
  constructor(key = 'errors.FORBIDDEN', extra: Record<string, unknown> = {}) {
    super(key, extra);
  }
}

export class NotFound extends AppError {
  readonly code = 'NOT_FOUND' as const;
  constructor(key = 'errors.NOT_FOUND') {
    super(key);
  }
}

export class Conflict extends AppError {
  readonly code = 'CONFLICT' as const;
  constructor(key = 'errors.CONFLICT') {
    super(key);
  }
}

/** Invalid input: `fields` maps an input field to an i18n key. */
export class InvalidInput extends AppError {
  readonly code = 'BAD_USER_INPUT' as const;
  constructor(readonly fields: Record<string, string>) {
    super('errors.BAD_USER_INPUT');
  }
}
