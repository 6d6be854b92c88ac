// People: creating accounts (CLI, demo), changing one's own language.
import { createUserSchema, localeSchema } from '@council/shared';
import type { z } from 'zod';
import type { Em } from '../../db/orm.js';
import { Conflict, InvalidInput } from '../../errors.js';
import { parseInput } from '../../validation.js';
import { audit } from '../audit/audit.service.js';
import { hashPassword } from './password.js';
import { Region, User } from './people.entity.js';

export async function createUser(em: Em, actor: User | null, input: z.input<typeof createUserSchema>): Promise<User> {
  const data = parseInput(createUserSchema, input);
  const passwordHash = await hashPassword(data.password);
  return em.transactional(async (tx) => {
    if (await tx.count(User, { email: data.email })) throw new Conflict('errors.CONFLICT');
    let region: Region | null = null;
    if (data.regionCode) {
      region = await tx.findOne(Region, { code: data.regionCode.toUpperCase() });
      if (!region) throw new InvalidInput({ regionCode: 'validation.region.unknown' });
    }
    const user = tx.create(User, {
      email: data.email,
      name: data.name,
      passwordHash,
      roles: data.roles,
      region,
      locale: data.locale,
      active: true,
      createdAt: new Date(),
    });
    audit(tx, { actor, action: 'user.created', subject: user, after: { email: user.email, roles: user.roles, region: data.regionCode ?? null } });
    return user;
  });
}

export async function setLocale(em: Em, actor: User, locale: string): Promise<User> {
  const value = parseInput(localeSchema, locale);
  return em.transactional(async (tx) => {
    const user = await tx.findOneOrFail(User, actor.id);
    const before = user.locale;
    user.locale = value;
    audit(tx, { actor, action: 'user.localeChanged', subject: user, before: { locale: before }, after: { locale: value } });
    return user;
  });
}
