// The authorization kernel (after Outline's server/policies): each domain declares its rules once
// in its *.policy.ts with definePolicy, and everything that needs an answer asks that policy —
// services before they act (`authorize`), `viewerCan*` fields and export routes (`can`, or
// `refusal` for the reason). A rule answers "who" (FORBIDDEN) and, where the domain has a
// lifecycle, "when" (CONFLICT), from the same state tables the web reads.
import { Conflict, Forbidden, Unauthenticated, type AppError } from './errors.js';
import type { User } from './modules/people/people.entity.js';

/** Why an action is refused: the contract's code and an i18n key that says why in words. */
export interface Refusal {
  readonly code: 'UNAUTHENTICATED' | 'FORBIDDEN' | 'CONFLICT';
  readonly key: string;
}

/** Not this person (their roles, region, or relation to the subject). */
export const forbidden = (key = 'errors.FORBIDDEN'): Refusal => ({ code: 'FORBIDDEN', key });
/** Not now: the subject's state does not allow it. */
export const conflict = (key = 'errors.CONFLICT'): Refusal => ({ code: 'CONFLICT', key });
/** Nobody is signed in: every rule refuses alike. */
export const SIGNED_OUT: Refusal = { code: 'UNAUTHENTICATED', key: 'errors.UNAUTHENTICATED' };

/**
 * A rule: null when `user` may, else why not. Rules of subject-less actions take only the user;
 * the others name their subject's type (`never` here accepts any of them).
 */
export type Rule = (user: User, subject: never) => Refusal | null;
export type Rules = Record<string, Rule>;

/** The subject argument of a rule: none for `(user) => …`, else its second parameter. */
export type SubjectArgs<R extends Rule> = R extends (user: User) => Refusal | null ? [] : [subject: Parameters<R>[1]];

export interface Policy<R extends Rules> {
  /** The rules by action (their names are the domain's actions). */
  readonly rules: R;
  /** Why `user` may not take `action` (on `subject`), or null when they may. */
  refusal<A extends keyof R & string>(user: User | null, action: A, ...subject: SubjectArgs<R[A]>): Refusal | null;
  can<A extends keyof R & string>(user: User | null, action: A, ...subject: SubjectArgs<R[A]>): boolean;
  /** Throws the refusal as the contract's error (UNAUTHENTICATED, FORBIDDEN or CONFLICT). */
  authorize<A extends keyof R & string>(user: User | null, action: A, ...subject: SubjectArgs<R[A]>): void;
}

export function refusalError(refusal: Refusal): AppError {
  switch (refusal.code) {
    case 'UNAUTHENTICATED':
      return new Unauthenticated(refusal.key);
    case 'FORBIDDEN':
      return new Forbidden(refusal.key);
    case 'CONFLICT':
      return new Conflict(refusal.key);
  }
}

export function definePolicy<R extends Rules>(rules: R): Policy<R> {
  const refusal = <A extends keyof R & string>(user: User | null, action: A, ...subject: SubjectArgs<R[A]>): Refusal | null => {
    if (!user) return SIGNED_OUT;
    const rule: Rule = rules[action];
    // The signature above already ties the subject to this action's rule.
    return rule(user, subject[0] as never);
  };
  return {
    rules,
    refusal,
    can: (user, action, ...subject) => refusal(user, action, ...subject) === null,
    authorize: (user, action, ...subject) => {
      const refused = refusal(user, action, ...subject);
      if (refused) throw refusalError(refused);
    },
  };
}
