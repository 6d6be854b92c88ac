// People and places: creating accounts (CLI, demo, invitations), an admin changing a person (roles,
// region, deactivation), a person changing their profile and language, regions and categories.
// Every change is audited with before and after. `actor: null` is the operator at the command line.
import { categorySchema, createUserSchema, localeSchema, regionSchema, updatePersonSchema, updateProfileSchema, type Locale } from '@council/shared';
import type { z } from 'zod';
import { lockRow, lockRows } from '../../db/locks.js';
import { liveChanged } from '../../live/publisher.js';
import type { Em } from '../../db/orm.js';
import { Conflict, InvalidInput, NotFound } from '../../errors.js';
import { parseInput } from '../../validation.js';
import { audit } from '../audit/audit.service.js';
import { checkNewPassword, hashPassword } from './password.js';
import { Category, Region, Session, User, type CategoryTranslations } from './people.entity.js';
import { isActiveAdmin, peoplePolicy, takesAdminAway } from './people.policy.js';
import { refreshRanks } from '../issues/rank.js';

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

/** The fields of a person an admin sees change in the audit log. */
const personState = (user: User) => ({ name: user.name, roles: [...user.roles], region: user.region?.id ?? null, active: user.active });

/** The people who hold ADMIN now, their rows taken: of two admins demoting each other at once, the second sees the first's change. */
async function lockAdmins(tx: Em): Promise<User[]> {
  const everyone = await tx.find(User, { active: true }, { fields: ['id', 'roles', 'active'] });
  const admins = await lockRows(tx, User, everyone.filter(isActiveAdmin).map((u) => u.id));
  return admins.filter(isActiveAdmin);
}

/**
 * An admin changes a person: name, roles, region, or whether they are active. Deactivating ends
 * every session of theirs at once (their next request is signed out) and refuses their sign-in.
 * The installation always keeps one active admin.
 */
export async function updatePerson(em: Em, actor: User, userId: string, input: z.input<typeof updatePersonSchema>, now = new Date()): Promise<User> {
  peoplePolicy.authorize(actor, 'manage');
  const data = parseInput(updatePersonSchema, input);
  return em.transactional(async (tx) => {
    const losesAdmin = takesAdminAway(data);
    const admins = losesAdmin ? await lockAdmins(tx) : [];
    const user = await lockRow(tx, User, userId);
    if (!user) throw new NotFound();
    if (losesAdmin && isActiveAdmin(user) && admins.every((a) => a.id === user.id)) throw new Conflict('errors.lastAdmin');
    let region = user.region ?? null;
    if (data.regionId !== undefined) {
      region = data.regionId ? await tx.findOne(Region, data.regionId) : null;
      if (data.regionId && !region) throw new InvalidInput({ regionId: 'validation.region.unknown' });
    }
    const before = personState(user);
    if (data.name != null) user.name = data.name;
    if (data.roles != null) user.roles = [...new Set(data.roles)];
    user.region = region;
    if (data.active != null) user.active = data.active;
    const after = personState(user);
    const changed = (Object.keys(before) as (keyof typeof before)[]).filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
    if (!changed.length) return user;
    if (before.active && !after.active) {
      await tx.nativeDelete(Session, { user: user.id });
      // Their open live streams re-check the session on their next tick: give them one now.
      liveChanged(tx, 'notifications', user.id);
    }
    const action = changed.includes('active') ? (after.active ? 'user.reactivated' : 'user.deactivated') : changed.includes('roles') ? 'user.rolesChanged' : 'user.updated';
    audit(tx, {
      actor,
      action,
      subject: user,
      before: Object.fromEntries(changed.map((k) => [k, before[k]])),
      after: Object.fromEntries(changed.map((k) => [k, after[k]])),
      at: now,
    });
    return user;
  });
}

/** A person changes their own name or time zone (an empty zone follows their region's again). */
export async function updateProfile(em: Em, actor: User, input: z.input<typeof updateProfileSchema>, now = new Date()): Promise<User> {
  const data = parseInput(updateProfileSchema, input);
  return em.transactional(async (tx) => {
    const user = await tx.findOneOrFail(User, actor.id);
    const before = { name: user.name, timeZone: user.timeZone ?? null };
    if (data.name != null) user.name = data.name;
    if (data.timeZone !== undefined) user.timeZone = data.timeZone;
    const after = { name: user.name, timeZone: user.timeZone ?? null };
    if (before.name !== after.name || before.timeZone !== after.timeZone) audit(tx, { actor, action: 'user.profileChanged', subject: user, before, after, at: now });
    return user;
  });
}

export async function createRegion(em: Em, actor: User | null, input: z.input<typeof regionSchema>, now = new Date()): Promise<Region> {
  if (actor) peoplePolicy.authorize(actor, 'manageReferenceData');
  const data = parseInput(regionSchema, input);
  return em.transactional(async (tx) => {
    if (await tx.count(Region, { code: data.code })) throw new InvalidInput({ code: 'validation.regionCode.taken' });
    const region = tx.create(Region, { ...data, createdAt: now });
    audit(tx, { actor, action: 'region.created', subject: region, after: data, at: now });
    // One region more: every issue's share of the regions, and so its rank, changes.
    await tx.flush();
    await refreshRanks(tx, 'all');
    return region;
  });
}

/** Renames a region, changes its code or time zone (people without their own zone follow it). */
export async function updateRegion(em: Em, actor: User, regionId: string, input: z.input<typeof regionSchema>, now = new Date()): Promise<Region> {
  peoplePolicy.authorize(actor, 'manageReferenceData');
  const data = parseInput(regionSchema, input);
  return em.transactional(async (tx) => {
    const region = await lockRow(tx, Region, regionId);
    if (!region) throw new NotFound();
    if (data.code !== region.code && (await tx.count(Region, { code: data.code }))) throw new InvalidInput({ code: 'validation.regionCode.taken' });
    const before = { code: region.code, name: region.name, timeZone: region.timeZone };
    if (before.code === data.code && before.name === data.name && before.timeZone === data.timeZone) return region;
    tx.assign(region, data);
    audit(tx, { actor, action: 'region.updated', subject: region, before, after: data, at: now });
    return region;
  });
}

/** The translations as stored: only languages with a name, none repeating the English one. */
function storedTranslations(translations: Partial<Record<Locale, string | null | undefined>> | null | undefined): CategoryTranslations {
  const stored: CategoryTranslations = {};
  for (const [locale, value] of Object.entries(translations ?? {}) as [Locale, string | null | undefined][]) {
    if (value && locale !== 'en') stored[locale] = value;
  }
  return stored;
}

export async function createCategory(em: Em, actor: User | null, input: z.input<typeof categorySchema>, now = new Date()): Promise<Category> {
  if (actor) peoplePolicy.authorize(actor, 'manageReferenceData');
  const data = parseInput(categorySchema, input);
  const name = data.translations?.en ?? data.name;
  const translations = storedTranslations(data.translations);
  return em.transactional(async (tx) => {
    if (await tx.count(Category, { name })) throw new InvalidInput({ name: 'validation.categoryName.taken' });
    const position = await tx.count(Category, {});
    const category = tx.create(Category, { name, translations, position, createdAt: now });
    audit(tx, { actor, action: 'category.created', subject: category, after: { name, translations }, at: now });
    return category;
  });
}

/** Renames a category, in English and in the other languages. */
export async function updateCategory(em: Em, actor: User, categoryId: string, input: z.input<typeof categorySchema>, now = new Date()): Promise<Category> {
  peoplePolicy.authorize(actor, 'manageReferenceData');
  const data = parseInput(categorySchema, input);
  const name = data.translations?.en ?? data.name;
  const translations = storedTranslations(data.translations);
  return em.transactional(async (tx) => {
    const category = await lockRow(tx, Category, categoryId);
    if (!category) throw new NotFound();
    if (name !== category.name && (await tx.count(Category, { name }))) throw new InvalidInput({ name: 'validation.categoryName.taken' });
    const before = { name: category.name, translations: category.translations };
    if (before.name === name && JSON.stringify(before.translations) === JSON.stringify(translations)) return category;
    category.name = name;
    category.translations = translations;
    audit(tx, { actor, action: 'category.updated', subject: category, before, after: { name, translations }, at: now });
    return category;
  });
}

/** A category's name in the reader's language, English where it has none. */
export const categoryName = (category: Category, locale: string): string => category.translations?.[locale as Locale] ?? category.name;

/** Admins: everyone, by name; inactive people too when asked. */
export async function listPeople(em: Em, actor: User | null, includeInactive: boolean): Promise<User[]> {
  if (includeInactive) peoplePolicy.authorize(actor, 'manage');
  return em.find(User, includeInactive ? {} : { active: true }, { orderBy: { name: 'asc', id: 'asc' } });
}
