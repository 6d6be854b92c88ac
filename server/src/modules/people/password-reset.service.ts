// Passwords a person sets again: by a reset link (asked for by address, single-use, valid 1 hour)
// or, signed in, on the account page with the current one. Either ends the person's other
// sessions; a reset signs them in afresh.
import { invitePersonSchema, newPasswordSchema, signInSchema } from '@council/shared';
import { z } from 'zod';
import type { Em } from '../../db/orm.js';
import { Conflict, InvalidInput, NotFound } from '../../errors.js';
import { parseInput } from '../../validation.js';
import { audit } from '../audit/audit.service.js';
import { queueTransactionalMail } from '../notifications/mail.transactional.js';
import type { AuthService } from './auth.service.js';
import { PasswordReset } from './invitations.entity.js';
import { checkNewPassword, hashPassword } from './password.js';
import { Session, User } from './people.entity.js';
import { newToken, sameHash, tokenHash, TOKEN_SHAPE } from './tokens.js';

export const RESET_MINUTES = 60;
/**
 * requestPasswordReset answers no sooner than this, with or without an account: the work for an
 * existing account (a row, a mail in the outbox) hides inside it, so the time tells nothing.
 */
export const RESET_REQUEST_MS = 300;

const emailSchema = z.object({ email: invitePersonSchema.shape.email });

/**
 * Sends a reset link when `email` has an active account; the same answer, after the same time,
 * when it has none. Counts against the sign-in limits of the address and of `address` (the IP).
 */
export async function requestPasswordReset(em: Em, auth: AuthService, email: string, address: string, now = new Date()): Promise<true> {
  // Refused alike for every address: it says nothing about who has an account.
  auth.requirePasswordSignIn();
  const started = Date.now();
  try {
    const data = parseInput(emailSchema, { email });
    await auth.admit(data.email, address);
    // The same work either way: a token and its hash, one lookup.
    const { token, hash } = newToken();
    const user = await em.findOne(User, { email: data.email });
    if (user?.active) {
      await em.transactional(async (tx) => {
        const owner = tx.getReference(User, user.id);
        tx.create(PasswordReset, { user: owner, tokenHash: hash, expiresAt: new Date(now.getTime() + RESET_MINUTES * 60_000), usedAt: null, createdAt: now });
        queueTransactionalMail(tx, 'PASSWORD_RESET', { email: user.email, name: user.name, locale: user.locale, user: owner }, token, {}, now);
      });
    }
    return true;
  } finally {
    const rest = RESET_REQUEST_MS - (Date.now() - started);
    if (rest > 0) await new Promise((resolve) => setTimeout(resolve, rest));
  }
}

/** Sets a new password by a reset link, ends every session of the person, opens a new one. */
export async function resetPassword(
  em: Em,
  auth: AuthService,
  token: string,
  password: string,
  now = new Date(),
): Promise<{ user: User; token: string; session: Session }> {
  auth.requirePasswordSignIn();
  const hash = tokenHash(token);
  const reset = TOKEN_SHAPE.test(token) ? await em.findOne(PasswordReset, { tokenHash: hash }, { populate: ['user'] }) : null;
  if (!reset || !sameHash(reset.tokenHash, hash) || !reset.user.active) throw new NotFound('errors.resetUnknown');
  if (reset.usedAt) throw new Conflict('errors.resetUsed');
  if (reset.expiresAt.getTime() <= now.getTime()) throw new Conflict('errors.resetExpired');
  const { password: chosen } = parseInput(z.object({ password: newPasswordSchema }), { password });
  await checkNewPassword(chosen, reset.user);
  const passwordHash = await hashPassword(chosen);
  return em.transactional(async (tx) => {
    const used = await tx.nativeUpdate(PasswordReset, { id: reset.id, usedAt: null, expiresAt: { $gt: now } }, { usedAt: now });
    if (used !== 1) throw new Conflict('errors.resetUsed');
    const user = await tx.findOneOrFail(User, reset.user.id);
    await setPassword(tx, user, passwordHash, null, now);
    const opened = auth.openSession(tx, user, now);
    audit(tx, { actor: user, action: 'user.passwordReset', subject: user, at: now });
    return { user, ...opened };
  });
}

const changeSchema = z.object({ currentPassword: signInSchema.shape.password, newPassword: newPasswordSchema });

/** The signed-in person's new password, given the current one; their other sessions end. */
export async function changePassword(
  em: Em,
  auth: AuthService,
  actor: User,
  sessionId: string | null,
  input: { currentPassword: string; newPassword: string },
  address: string,
  now = new Date(),
): Promise<true> {
  auth.requirePasswordSignIn();
  const data = parseInput(changeSchema, input);
  // The current password is checked under the sign-in limits: a stolen session cannot guess it.
  const admission = await auth.admit(actor.email, address);
  const user = await em.findOneOrFail(User, actor.id, { populate: ['passwordHash'] });
  if (!(await auth.checkPassword(user.passwordHash, data.currentPassword))) throw new InvalidInput({ currentPassword: 'validation.password.wrong' });
  await auth.succeeded(admission);
  try {
    await checkNewPassword(data.newPassword, user);
  } catch (error) {
    if (error instanceof InvalidInput) throw new InvalidInput({ newPassword: error.fields.password ?? 'validation.password.weak' });
    throw error;
  }
  const passwordHash = await hashPassword(data.newPassword);
  await em.transactional(async (tx) => {
    const fresh = await tx.findOneOrFail(User, actor.id);
    await setPassword(tx, fresh, passwordHash, sessionId, now);
    audit(tx, { actor: fresh, action: 'user.passwordChanged', subject: fresh, at: now });
  });
  return true;
}

/** Stores the hash, spends every open reset link of the person, ends their sessions but `keep`. */
async function setPassword(tx: Em, user: User, passwordHash: string, keep: string | null, now: Date): Promise<void> {
  await tx.nativeUpdate(User, { id: user.id }, { passwordHash });
  await tx.nativeUpdate(PasswordReset, { user: user.id, usedAt: null }, { usedAt: now });
  await tx.nativeDelete(Session, keep ? { user: user.id, id: { $ne: keep } } : { user: user.id });
}
