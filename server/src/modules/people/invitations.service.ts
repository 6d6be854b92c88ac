// Invitations: an admin invites a person (email, name, roles, region, language); the mail holds a
// single-use link, valid 7 days. Inviting a pending invitation's address again sends it again
// with a new link (the old one stops working); revoking ends it. Accepting sets the password,
// creates the account with what the invitation says, and signs the person in; with single sign-on,
// the verified address of the invitation accepts it instead of the link and a password.
import { randomBytes } from 'node:crypto';
import { invitePersonSchema, newPasswordSchema } from '@council/shared';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { z } from 'zod';
import type { Em } from '../../db/orm.js';
import { Conflict, InvalidInput, NotFound } from '../../errors.js';
import { parseInput } from '../../validation.js';
import { audit } from '../audit/audit.service.js';
import { mailSettingsOf } from '../notifications/mail.settings.js';
import { queueTransactionalMail } from '../notifications/mail.transactional.js';
import type { AuthService } from './auth.service.js';
import { Invitation } from './invitations.entity.js';
import { checkNewPassword } from './password.js';
import { Region, Session, User } from './people.entity.js';
import { peoplePolicy } from './people.policy.js';
import { createUser } from './people.service.js';
import { newToken, sameHash, tokenHash, TOKEN_SHAPE } from './tokens.js';

export const INVITATION_DAYS = 7;

/** An invitation as invitePerson answers it: with the link itself when no mail carries it. */
export type SharedInvitation = Invitation & { shareLink?: string };

export const invitationLink = (publicUrl: string, token: string) => `${publicUrl}/invite/${token}`;

/** Invites a person, or sends a pending invitation of that address again with a new link. */
export async function invitePerson(em: Em, actor: User, input: z.input<typeof invitePersonSchema>, now = new Date()): Promise<Invitation> {
  peoplePolicy.authorize(actor, 'invite');
  const data = parseInput(invitePersonSchema, input);
  try {
    return await inviteOnce(em, actor, data, now);
  } catch (error) {
    // Another admin invited the same address at the same moment: theirs is the pending invitation
    // now (one per address, a unique index), and this request sends it again.
    if (!(error instanceof UniqueConstraintViolationException)) throw error;
    return inviteOnce(em, actor, data, now);
  }
}

async function inviteOnce(em: Em, actor: User, data: z.output<typeof invitePersonSchema>, now: Date): Promise<Invitation> {
  return em.transactional(async (tx) => {
    if (await tx.count(User, { email: data.email })) throw new InvalidInput({ email: 'validation.email.taken' });
    let region: Region | null = null;
    if (data.regionId) {
      region = await tx.findOne(Region, data.regionId);
      if (!region) throw new InvalidInput({ regionId: 'validation.region.unknown' });
    }
    const { token, hash } = newToken();
    const fields = {
      name: data.name,
      roles: data.roles,
      region,
      locale: data.locale,
      invitedBy: tx.getReference(User, actor.id),
      tokenHash: hash,
      expiresAt: new Date(now.getTime() + INVITATION_DAYS * 86_400_000),
    };
    const pending = await tx.findOne(Invitation, { email: data.email, acceptedAt: null, revokedAt: null }, { orderBy: { createdAt: 'desc' } });
    const invitation = pending ? tx.assign(pending, fields) : tx.create(Invitation, { ...fields, email: data.email, acceptedAt: null, revokedAt: null, createdAt: now });
    audit(tx, {
      actor,
      action: pending ? 'invitation.renewed' : 'invitation.created',
      subject: invitation,
      after: { email: data.email, roles: data.roles, region: region?.code ?? null, locale: data.locale },
      at: now,
    });
    const mailed = queueTransactionalMail(tx, 'INVITATION', { email: data.email, name: data.name, locale: data.locale }, token, { inviter: actor.name }, now);
    // Without mail the admin passes the link on themselves: it is in this answer, and nowhere else.
    const settings = mailSettingsOf(tx);
    if (!mailed && settings) (invitation as SharedInvitation).shareLink = invitationLink(settings.publicUrl, token);
    return invitation;
  });
}

export async function revokeInvitation(em: Em, actor: User, invitationId: string, now = new Date()): Promise<Invitation> {
  peoplePolicy.authorize(actor, 'invite');
  return em.transactional(async (tx) => {
    const invitation = await tx.findOne(Invitation, invitationId);
    if (!invitation) throw new NotFound();
    // Guarded: an acceptance at the same moment wins or loses whole.
    const revoked = await tx.nativeUpdate(Invitation, { id: invitation.id, acceptedAt: null, revokedAt: null }, { revokedAt: now });
    if (revoked !== 1) throw new Conflict(invitation.acceptedAt ? 'errors.invitationAccepted' : 'errors.invitationRevoked');
    invitation.revokedAt = now;
    audit(tx, { actor, action: 'invitation.revoked', subject: invitation, before: { email: invitation.email }, at: now });
    return invitation;
  });
}

/** Admins: every invitation, newest first. */
export async function listInvitations(em: Em, actor: User): Promise<Invitation[]> {
  peoplePolicy.authorize(actor, 'invite');
  return em.find(Invitation, {}, { orderBy: { createdAt: 'desc', id: 'desc' } });
}

/** The invitation a link's token opens, or NOT_FOUND. */
async function invitationOf(em: Em, token: string): Promise<Invitation> {
  const hash = tokenHash(token);
  const invitation = TOKEN_SHAPE.test(token) ? await em.findOne(Invitation, { tokenHash: hash }, { populate: ['region'] }) : null;
  if (!invitation || !sameHash(invitation.tokenHash, hash)) throw new NotFound('errors.invitationUnknown');
  return invitation;
}

/** Why an invitation can no longer be accepted, or null. */
function closedReason(invitation: Invitation, now: Date): string | null {
  if (invitation.acceptedAt) return 'errors.invitationAccepted';
  if (invitation.revokedAt) return 'errors.invitationRevoked';
  if (invitation.expiresAt.getTime() <= now.getTime()) return 'errors.invitationExpired';
  return null;
}

/** Creates the invited person's account with `password` and opens their first session. */
export async function acceptInvitation(
  em: Em,
  auth: AuthService,
  token: string,
  password: string,
  now = new Date(),
): Promise<{ user: User; token: string; session: Session }> {
  auth.requirePasswordSignIn();
  const invitation = await invitationOf(em, token);
  const closed = closedReason(invitation, now);
  if (closed) throw new Conflict(closed);
  const { password: chosen } = parseInput(z.object({ password: newPasswordSchema }), { password });
  await checkNewPassword(chosen, invitation);
  return takeInvitation(em, auth, invitation, chosen, 'password', now);
}

/**
 * Single sign-on by a verified address that has no account: the pending invitation of that
 * address (not accepted, revoked or expired) creates the account as it says, never as the identity
 * provider says, with a random password nobody knows. Null when there is no such invitation.
 */
export async function acceptInvitationBySso(em: Em, auth: AuthService, email: string, now = new Date()): Promise<{ user: User; token: string; session: Session } | null> {
  const invitation = await em.findOne(Invitation, { email, acceptedAt: null, revokedAt: null, expiresAt: { $gt: now } }, { orderBy: { createdAt: 'desc' }, populate: ['region'] });
  if (!invitation) return null;
  return takeInvitation(em, auth, invitation, randomBytes(32).toString('base64url'), 'oidc', now);
}

/** Takes `invitation` (guarded), creates its account with `password` and opens the first session. */
function takeInvitation(
  em: Em,
  auth: AuthService,
  invitation: Invitation,
  password: string,
  method: 'password' | 'oidc',
  now: Date,
): Promise<{ user: User; token: string; session: Session }> {
  return em.transactional(async (tx) => {
    // Taken first, guarded: of two acceptances (or an acceptance and a revocation) one wins.
    const taken = await tx.nativeUpdate(Invitation, { id: invitation.id, acceptedAt: null, revokedAt: null, expiresAt: { $gt: now } }, { acceptedAt: now });
    if (taken !== 1) {
      const fresh = await tx.findOneOrFail(Invitation, invitation.id, { refresh: true });
      throw new Conflict(closedReason(fresh, now) ?? 'errors.invitationAccepted');
    }
    const created = await createUser(
      tx,
      tx.getReference(User, invitation.invitedBy.id),
      { email: invitation.email, name: invitation.name, password, roles: invitation.roles, regionCode: invitation.region?.code ?? null, locale: invitation.locale },
      now,
    );
    const user = await tx.findOneOrFail(User, created.id);
    const opened = auth.openSession(tx, user, now);
    const accepted = await tx.findOneOrFail(Invitation, invitation.id);
    audit(tx, { actor: user, action: 'invitation.accepted', subject: accepted, after: { email: user.email, ...(method === 'oidc' && { method }) }, at: now });
    return { user, ...opened };
  });
}
