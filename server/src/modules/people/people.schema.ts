// GraphQL types and fields of people and places: Region, Category, User, viewer, sign-in.
import { LOCALES, ROLES } from '@council/shared';
import { ABILITIES, ABILITY_NAMES } from '../../abilities.js';
import { Forbidden } from '../../errors.js';
import { OPEN_TO_CONTACTS, builder } from '../../graphql/builder.js';
import { localeFor, type Context } from '../../graphql/context.js';
import { createLoaders } from '../../graphql/loaders.js';
import { registerNode } from '../../graphql/node.js';
import { PermissionRef, permission } from '../../graphql/permission.js';
import { clearSessionCookie, setSessionCookie } from './auth.service.js';
import { zoneOfPerson } from '../../localize.js';
import { idOf, optionalIdOf } from '../../graphql/ids.js';
import { Category, Region, Session, User } from './people.entity.js';
import { peoplePolicy } from './people.policy.js';
import {
  categoryName,
  createCategory,
  createRegion,
  listPeople,
  setLocale,
  updateCategory,
  updatePerson,
  updateProfile,
  updateRegion,
} from './people.service.js';

export const RoleEnum = builder.enumType('Role', { values: ROLES });

/** The rest of the request answers as the person who just signed in, or as nobody after signing out. */
function actAs(ctx: Context, viewer: User | null, sessionId: string | null): void {
  Object.assign(ctx, { viewer, sessionId, locale: localeFor(viewer, ctx.req), loaders: createLoaders(ctx.em, viewer, ctx.services.reference) });
}

/** Sets the session cookie of a session just opened (sign-in, accepted invitation, reset) and answers as its person. */
export async function signedInAs(ctx: Context, user: User, token: string, sessionId: string): Promise<User> {
  actAs(ctx, user, sessionId);
  // Awaited: the answer (and the request) ends only once everything it writes is written.
  await ctx.services.auth.rememberDevice(ctx.em, sessionId, ctx.req.headers['user-agent']).catch((error: unknown) => ctx.req.log.warn({ err: error }, 'could not note the session device'));
  setSessionCookie(ctx.req, ctx.reply, token);
  return user;
}

const AbilityEnum = builder.enumType('Ability', {
  description: 'Installation-wide actions, which need no subject (see `User.can`).',
  values: ABILITY_NAMES,
});

export const RegionRef = builder.node(Region, {
  name: 'Region',
  id: { resolve: (r) => r.id },
  loadMany: (ids, ctx) => ids.map((id) => ctx.loaders.region.load(id)),
  fields: (t) => ({
    code: t.exposeString('code'),
    name: t.exposeString('name'),
    timeZone: t.exposeString('timeZone', { description: 'IANA time zone of the region.' }),
  }),
});

const CategoryTranslationsRef = builder.objectRef<Category>('CategoryTranslations').implement({
  description: "A category's name in each language; null where it has none (English is shown there).",
  fields: (t) => ({
    en: t.string({ resolve: (c) => c.name }),
    de: t.string({ nullable: true, resolve: (c) => c.translations.de ?? null }),
    da: t.string({ nullable: true, resolve: (c) => c.translations.da ?? null }),
    es: t.string({ nullable: true, resolve: (c) => c.translations.es ?? null }),
    vi: t.string({ nullable: true, resolve: (c) => c.translations.vi ?? null }),
  }),
});

export const CategoryRef = builder.node(Category, {
  name: 'Category',
  id: { resolve: (c) => c.id },
  loadMany: (ids, ctx) => ids.map((id) => ctx.loaders.category.load(id)),
  fields: (t) => ({
    name: t.string({ description: "The name in the reader's language, English where it has none.", resolve: (c, _a, ctx) => categoryName(c, ctx.locale) }),
    translations: t.field({ type: CategoryTranslationsRef, resolve: (c) => c }),
  }),
});

const SignInSessionRef = builder.objectRef<Session>('SignInSession').implement({
  description: 'A browser where the person is signed in.',
  fields: (t) => ({
    id: t.exposeID('id'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    expiresAt: t.expose('expiresAt', { type: 'DateTime' }),
    userAgent: t.exposeString('userAgent', { nullable: true }),
    current: t.boolean({ description: 'The session of this request.', resolve: (s, _a, ctx) => s.id === ctx.sessionId }),
  }),
});

/** Fields only the person themselves (or, where said, an admin) may read. */
const selfOnly = (ctx: Context, user: User, orAdmin = false) => {
  if (ctx.viewer?.id === user.id || (orAdmin && peoplePolicy.can(ctx.viewer, 'manage'))) return;
  throw new Forbidden();
};

export const UserRef = builder.node(User, {
  name: 'User',
  id: { resolve: (u) => u.id },
  loadMany: (ids, ctx) => ids.map((id) => ctx.loaders.user.load(id)),
  fields: (t) => ({
    name: t.exposeString('name'),
    email: t.exposeString('email'),
    roles: t.field({ type: [RoleEnum], resolve: (u) => u.roles }),
    region: t.field({
      type: RegionRef,
      nullable: true,
      resolve: (u, _args, ctx) => (u.region ? ctx.loaders.region.load(u.region.id) : null),
    }),
    locale: t.exposeString('locale', { description: `One of ${LOCALES.join(', ')}.` }),
    active: t.exposeBoolean('active', { description: 'false: deactivated; they cannot sign in.' }),
    timeZone: t.string({
      description: "IANA zone for the person's dates; defaults to their region's.",
      resolve: async (u, _a, ctx) => zoneOfPerson(u, u.region ? await ctx.loaders.region.load(u.region.id) : null),
    }),
    chosenTimeZone: t.string({
      nullable: true,
      description: 'The zone the person chose themselves; null while they follow their region. Only for themselves.',
      resolve: (u, _a, ctx) => {
        selfOnly(ctx, u);
        return u.timeZone ?? null;
      },
    }),
    sessions: t.field({
      type: [SignInSessionRef],
      description: 'The browsers where the person is signed in, newest first. Only for themselves.',
      resolve: (u, _a, ctx) => {
        selfOnly(ctx, u);
        return ctx.services.auth.sessionsOf(ctx.em, u);
      },
    }),
    can: t.field({
      type: PermissionRef,
      description: 'Whether this person may take an installation-wide action. Only for the signed-in person themselves.',
      args: { action: t.arg({ type: AbilityEnum, required: true }) },
      resolve: (u, args, ctx) => {
        if (ctx.viewer?.id !== u.id) throw new Forbidden();
        return permission(ABILITIES[args.action](ctx.viewer));
      },
    }),
  }),
});

const UpdatePersonInput = builder.inputType('UpdatePersonInput', {
  fields: (t) => ({
    userId: t.id({ required: true }),
    name: t.string({ required: false }),
    roles: t.field({ type: [RoleEnum], required: false }),
    regionId: t.id({ required: false }),
    active: t.boolean({ required: false, description: 'false: deactivated; their sessions end at once and they cannot sign in.' }),
  }),
});

const RegionInput = builder.inputType('RegionInput', {
  fields: (t) => ({
    code: t.string({ required: true }),
    name: t.string({ required: true }),
    timeZone: t.string({ required: true }),
  }),
});

const CategoryTranslationsInput = builder.inputType('CategoryTranslationsInput', {
  fields: (t) => ({
    en: t.string({ required: false }),
    de: t.string({ required: false }),
    da: t.string({ required: false }),
    es: t.string({ required: false }),
    vi: t.string({ required: false }),
  }),
});

const CategoryInput = builder.inputType('CategoryInput', {
  fields: (t) => ({
    name: t.string({ required: true }),
    translations: t.field({
      type: CategoryTranslationsInput,
      required: false,
      description: 'Names in other languages, e.g. { de: "Rückgaben" }; the reader\'s language is used where present.',
    }),
  }),
});

registerNode('Region', (ctx, id) => ctx.loaders.region.load(id));
registerNode('Category', (ctx, id) => ctx.loaders.category.load(id));
registerNode('User', (ctx, id) => ctx.loaders.user.load(id));

builder.queryFields((t) => ({
  viewer: t.field({
    type: UserRef,
    nullable: true,
    skipTypeScopes: true,
    description: 'The signed-in person, or null before sign-in.',
    resolve: (_root, _args, ctx) => ctx.viewer,
  }),
  regions: t.field({
    ...OPEN_TO_CONTACTS,
    type: [RegionRef],
    resolve: (_root, _args, ctx) => ctx.loaders.allRegions.load('all'),
  }),
  people: t.field({
    ...OPEN_TO_CONTACTS,
    type: [UserRef],
    description: 'Everyone with an active account, by name (owners of action items, mentions); admins: inactive people too when asked.',
    args: { includeInactive: t.arg.boolean({ required: false }) },
    resolve: (_root, args, ctx) => listPeople(ctx.em, ctx.viewer, args.includeInactive ?? false),
  }),
  totalRegions: t.int({
    ...OPEN_TO_CONTACTS,
    description: 'How many regions the installation has (the denominator of "regions affected").',
    resolve: (_root, _args, ctx) => ctx.loaders.totalRegions.load('all'),
  }),
  categories: t.field({
    ...OPEN_TO_CONTACTS,
    type: [CategoryRef],
    resolve: (_root, _args, ctx) => ctx.em.find(Category, {}, { orderBy: { position: 'asc', name: 'asc' } }),
  }),
}));

builder.mutationFields((t) => ({
  signIn: t.field({
    type: UserRef,
    skipTypeScopes: true,
    args: { email: t.arg.string({ required: true }), password: t.arg.string({ required: true }) },
    resolve: async (_root, args, ctx) => {
      const { user, token, session } = await ctx.services.auth.signIn(ctx.em, args, ctx.req.ip);
      return signedInAs(ctx, user, token, session.id);
    },
  }),
  signOut: t.boolean({
    skipTypeScopes: true,
    resolve: async (_root, _args, ctx) => {
      await ctx.services.auth.signOut(ctx.em, ctx.sessionId);
      actAs(ctx, null, null);
      clearSessionCookie(ctx.reply);
      return true;
    },
  }),
  signOutElsewhere: t.int({
    description: "Ends every other session of the signed-in person; answers how many ended.",
    resolve: (_root, _args, ctx) => ctx.services.auth.signOutElsewhere(ctx.em, ctx.viewer!, ctx.sessionId),
  }),
  updatePerson: t.field({
    type: UserRef,
    args: { input: t.arg({ type: UpdatePersonInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      updatePerson(ctx.em, ctx.viewer!, idOf(String(input.userId), 'User'), {
        name: input.name,
        roles: input.roles,
        // Absent: unchanged; null: no region.
        regionId: input.regionId === undefined ? undefined : optionalIdOf(input.regionId ? String(input.regionId) : null, 'Region'),
        active: input.active,
      }),
  }),
  updateProfile: t.field({
    type: UserRef,
    description: "The signed-in person's name and time zone (an empty zone follows their region's again).",
    args: { name: t.arg.string({ required: false }), timeZone: t.arg.string({ required: false }) },
    resolve: (_root, args, ctx) => updateProfile(ctx.em, ctx.viewer!, { name: args.name, timeZone: args.timeZone }),
  }),
  createRegion: t.field({
    type: RegionRef,
    args: { input: t.arg({ type: RegionInput, required: true }) },
    resolve: (_root, { input }, ctx) => createRegion(ctx.em, ctx.viewer!, input),
  }),
  updateRegion: t.field({
    type: RegionRef,
    args: { regionId: t.arg.id({ required: true }), input: t.arg({ type: RegionInput, required: true }) },
    resolve: (_root, args, ctx) => updateRegion(ctx.em, ctx.viewer!, idOf(String(args.regionId), 'Region'), args.input),
  }),
  createCategory: t.field({
    type: CategoryRef,
    args: { input: t.arg({ type: CategoryInput, required: true }) },
    resolve: (_root, { input }, ctx) => createCategory(ctx.em, ctx.viewer!, input),
  }),
  updateCategory: t.field({
    type: CategoryRef,
    args: { categoryId: t.arg.id({ required: true }), input: t.arg({ type: CategoryInput, required: true }) },
    resolve: (_root, args, ctx) => updateCategory(ctx.em, ctx.viewer!, idOf(String(args.categoryId), 'Category'), args.input),
  }),
  setLocale: t.field({
    type: UserRef,
    description: "Saves the signed-in person's interface language.",
    args: { locale: t.arg.string({ required: true }) },
    resolve: (_root, args, ctx) => setLocale(ctx.em, ctx.viewer!, args.locale),
  }),
}));
