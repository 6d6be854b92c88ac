// People and places: regions, categories, users and their sign-in sessions.
import { EntitySchema, type Opt } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { DEFAULT_DIGEST_HOUR, type Locale, type Role } from '@council/shared';

export class Region {
  id: string = randomUUID();
  code!: string;
  name!: string;
  timeZone = 'UTC';
  createdAt: Date = new Date();
}

export const RegionSchema = new EntitySchema<Region>({
  class: Region,
  tableName: 'region',
  properties: {
    id: { type: 'string', primary: true, length: 36 },
    code: { type: 'string', length: 16, unique: true },
    name: { type: 'string', length: 120 },
    timeZone: { type: 'string', length: 64 },
    createdAt: { type: 'datetime' },
  },
});

/** A category's name in other languages than its (English) `name`; absent ones fall back to it. */
export type CategoryTranslations = Partial<Record<Locale, string>>;

export class Category {
  id: string = randomUUID();
  name!: string;
  translations: Opt<CategoryTranslations> = {};
  position = 0;
  createdAt: Date = new Date();
}

export const CategorySchema = new EntitySchema<Category>({
  class: Category,
  tableName: 'category',
  properties: {
    id: { type: 'string', primary: true, length: 36 },
    name: { type: 'string', length: 120, unique: true },
    translations: { type: 'json', default: '{}' },
    position: { type: 'integer' },
    createdAt: { type: 'datetime' },
  },
});

export class User {
  id: string = randomUUID();
  email!: string;
  name!: string;
  passwordHash!: string;
  roles: Role[] = [];
  region?: Region | null;
  locale: Locale = 'en';
  /** IANA zone chosen by the person; null: their region's (see zoneOfPerson). */
  timeZone?: string | null;
  active = true;
  /** Hour of the day (0-23, in the person's time zone) of the daily digest. */
  digestHour: Opt<number> = DEFAULT_DIGEST_HOUR;
  /** The person's local date (YYYY-MM-DD) of the last daily digest: one a day at most. */
  lastDigestOn?: string | null;
  createdAt: Date = new Date();
}

export const UserSchema = new EntitySchema<User>({
  class: User,
  tableName: 'user',
  properties: {
    id: { type: 'string', primary: true, length: 36 },
    email: { type: 'string', length: 254, unique: true },
    name: { type: 'string', length: 120 },
    passwordHash: { type: 'string', length: 255, lazy: true },
    roles: { type: 'json' },
    region: { kind: 'm:1', entity: () => Region, nullable: true },
    locale: { type: 'string', length: 8 },
    timeZone: { type: 'string', length: 64, nullable: true },
    active: { type: 'boolean' },
    digestHour: { type: 'integer', default: DEFAULT_DIGEST_HOUR },
    lastDigestOn: { type: 'string', length: 10, nullable: true },
    createdAt: { type: 'datetime' },
  },
});

export class Session {
  /** sha256 of the cookie token: a stolen database does not yield usable cookies. */
  id!: string;
  user!: User;
  createdAt: Date = new Date();
  expiresAt!: Date;
  /** The browser that opened it (its User-Agent, shortened), so a person can tell their sessions apart. */
  userAgent?: string | null;
}

export const SessionSchema = new EntitySchema<Session>({
  class: Session,
  tableName: 'session',
  properties: {
    id: { type: 'string', primary: true, length: 64 },
    user: { kind: 'm:1', entity: () => User, deleteRule: 'cascade' },
    createdAt: { type: 'datetime' },
    expiresAt: { type: 'datetime', index: true },
    userAgent: { type: 'string', length: 200, nullable: true },
  },
});
