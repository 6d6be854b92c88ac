// People: creating accounts (CLI, demo), changing one's own language.
import { categorySchema, createUserSchema, localeSchema, regionSchema } from '@council/shared';
import type { z } from 'zod';
import type { Em } from '../../db/orm.js';
import { InvalidInput } from '../../errors.js';
import { parseInput } from '../../validation.js';
import { audit } from '../audit/audit.service.js';
import { checkNewPassword, hashPassword } from './password.js';
import { Category, Region, User } from './people.entity.js';

export async function createUser(em: Em, actor: User | null, input: z.input<typeof createUserSchema>, now = new Date()): Promise<User> {
  const data = parseInput(createUserSchema, input);
  await checkNewPassword(data.password, data);
  const passwordHash = await hashPassword(data.password);
  return em.transactional(async (tx) => {
    if (await tx.count(User, { email: data.email })) throw new InvalidInput({ email: 'validation.email.taken' });
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
      createdAt: now,
    });
    audit(tx, { actor, action: 'user.created', subject: user, after: { email: user.email, roles: user.roles, region: data.regionCode ?? null }, at: now });
    return user;
  });
}

export async function setLocale(em: Em, actor: User, locale: string, now = new Date()): Promise<User> {
  const value = parseInput(localeSchema, locale);
  return em.transactional(async (tx) => {
    const user = await tx.findOneOrFail(User, actor.id);
    const before = user.locale;
    user.locale = value;
    audit(tx, { actor, action: 'user.localeChanged', subject: user, before: { locale: before }, after: { locale: value }, at: now });
    return user;
  });
}

export async function createRegion(em: Em, actor: User | null, input: z.input<typeof regionSchema>, now = new Date()): Promise<Region> {
  const data = parseInput(regionSchema, input);
  return em.transactional(async (tx) => {
    if (await tx.count(Region, { code: data.code })) throw new InvalidInput({ code: 'validation.regionCode.taken' });
    const region = tx.create(Region, { ...data, createdAt: now });
    audit(tx, { actor, action: 'region.created', subject: region, after: data, at: now });
    return region;
  });
}

export async function createCategory(em: Em, actor: User | null, input: z.input<typeof categorySchema>, now = new Date()): Promise<Category> {
  const data = parseInput(categorySchema, input);
  return em.transactional(async (tx) => {
    if (await tx.count(Category, { name: data.name })) throw new InvalidInput({ name: 'validation.categoryName.taken' });
    const position = await tx.count(Category, {});
    const category = tx.create(Category, { name: data.name, position, createdAt: now });
    audit(tx, { actor, action: 'category.created', subject: category, after: data, at: now });
    return category;
  });
}
