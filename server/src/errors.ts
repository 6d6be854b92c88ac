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
  /** `extra`: figures the message names (e.g. the meeting already running), also in `extensions`. */
  constructor(key = 'errors.CONFLICT', extra: Record<string, unknown> = {}) {
    super(key, extra);
  }
}

/**
 * Why a BAD_USER_INPUT error refused a request (`extensions.reason`): a field's value
 * (VALIDATION), a list position that is not one of ours (BAD_CURSOR), or the request itself — a
 * body that is not a JSON GraphQL request (BAD_REQUEST), not GraphQL (SYNTAX), not valid against
 * the schema or with variables of the wrong type (VALIDATION), or over a limit on abusive queries.
 */
export const BAD_INPUT_REASONS = [
  'VALIDATION',
  'BAD_CURSOR',
  'BAD_REQUEST',
  'SYNTAX',
  'DEPTH_LIMIT',
  'COST_LIMIT',
  'ALIAS_LIMIT',
  'TOKEN_LIMIT',
  'DIRECTIVE_LIMIT',
] as const;
export type BadInputReason = (typeof BAD_INPUT_REASONS)[number];

/** Invalid input: `fields` maps an input field to an i18n key. */
export class InvalidInput extends AppError {
  readonly code = 'BAD_USER_INPUT' as const;
  constructor(
    readonly fields: Record<string, string>,
    reason: BadInputReason = 'VALIDATION',
  ) {
    super('errors.BAD_USER_INPUT', { reason });
  }
}

/** A cursor (`after`) that no list of ours handed out: garbage, or a position out of range. */
export class InvalidCursor extends InvalidInput {
  constructor(field = 'after') {
    super({ [field]: 'validation.cursor.invalid' }, 'BAD_CURSOR');
  }
}
