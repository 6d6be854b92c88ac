// Invitations (an admin asks a person in: a single-use link, valid 7 days, that creates their
// account) and password resets (a single-use link, valid 1 hour). Both keep only the sha256 of
// their link's token: a copy of the database opens no account.
import { EntitySchema } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import type { Locale, Role } from '@council/shared';
import { Region, User } from './people.entity.js';

export class Invitation {
  id: string = randomUUID();
  email!: string;
  name!: string;
  roles: Role[] = [];
  region?: Region | null;
  locale: Locale = 'en';
  invitedBy!: User;
  /** sha256 (hex) of the link's token; renewed when the invitation is sent again. */
  tokenHash!: string;
  expiresAt!: Date;
  acceptedAt?: Date | null;
  revokedAt?: Date | null;
  createdAt: Date = new Date();
}

export const InvitationSchema = new EntitySchema<Invitation>({
  class: Invitation,
  tableName: 'invitation',
  // At most one pending invitation per address, whoever sends it: two admins inviting the same
  // person at once get one invitation (the second sends it again), never two live links.
  uniques: [{ name: 'invitation_pending_email_unique', expression: 'create unique index "invitation_pending_email_unique" on "invitation" ("email") where "accepted_at" is null and "revoked_at" is null' }],
  properties: {
    id: { type: 'string', primary: true, length: 36 },
    email: { type: 'string', length: 254, index: true },
    name: { type: 'string', length: 120 },
    roles: { type: 'json' },
    region: { kind: 'm:1', entity: () => Region, nullable: true, deleteRule: 'set null' },
    locale: { type: 'string', length: 8 },
    invitedBy: { kind: 'm:1', entity: () => User },
    tokenHash: { type: 'string', length: 64, unique: true },
    expiresAt: { type: 'datetime' },
    acceptedAt: { type: 'datetime', nullable: true },
    revokedAt: { type: 'datetime', nullable: true },
    createdAt: { type: 'datetime', index: true },
  },
});

export class PasswordReset {
  id: string = randomUUID();
  user!: User;
  /** sha256 (hex) of the link's token. */
  tokenHash!: string;
  expiresAt!: Date;
  usedAt?: Date | null;
  createdAt: Date = new Date();
}

export const PasswordResetSchema = new EntitySchema<PasswordReset>({
  class: PasswordReset,
  tableName: 'password_reset',
  properties: {
    id: { type: 'string', primary: true, length: 36 },
    user: { kind: 'm:1', entity: () => User, deleteRule: 'cascade' },
    tokenHash: { type: 'string', length: 64, unique: true },
    expiresAt: { type: 'datetime' },
    usedAt: { type: 'datetime', nullable: true },
    createdAt: { type: 'datetime' },
  },
});
