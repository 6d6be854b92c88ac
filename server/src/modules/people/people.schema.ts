// GraphQL types and fields of people and places: Region, Category, User, viewer, sign-in.
import { LOCALES, ROLES } from '@council/shared';
import { ABILITIES, ABILITY_NAMES } from '../../abilities.js';
import { Forbidden } from '../../errors.js';
import { builder } from '../../graphql/builder.js';
import { localeFor, type Context } from '../../graphql/context.js';
import { createLoaders } from '../../graphql/loaders.js';
import { registerNode } from '../../graphql/node.js';
import { PermissionRef, permission } from '../../graphql/permission.js';
import { SESSION_COOKIE, SESSION_DAYS } from './auth.service.js';
import { Category, Region, User } from './people.entity.js';
import { setLocale } from './people.service.js';

export const RoleEnum = builder.enumType('Role', { values: ROLES });

/** The rest of the request answers as the person who just signed in, or as nobody after signing out. */
function actAs(ctx: Context, viewer: User | null, sessionId: string | null): void {
  Object.assign(ctx, { viewer, sessionId, locale: localeFor(viewer, ctx.req), loaders: createLoaders(ctx.em, viewer) });
}

/** Sets the session cookie of a session just opened (sign-in, accepted invitation, reset) and answers as its person. */
export function signedInAs(ctx: Context, user: User, token: string, sessionId: string): User {
  actAs(ctx, user, sessionId);
  ctx.reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: ctx.req.protocol === 'https',
    path: '/',
    maxAge: SESSION_DAYS * 86_400,
  });
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

export const CategoryRef = builder.node(Category, {
  name: 'Category',
  id: { resolve: (c) => c.id },
  loadMany: (ids, ctx) => ids.map((id) => ctx.loaders.category.load(id)),
  fields: (t) => ({ name: t.exposeString('name') }),
});

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
    type: [RegionRef],
    resolve: (_root, _args, ctx) => ctx.em.find(Region, {}, { orderBy: { name: 'asc' } }),
  }),
  people: t.field({
    type: [UserRef],
    description: 'Everyone with an active account, by name (owners of action items, mentions).',
    resolve: (_root, _args, ctx) => ctx.em.find(User, { active: true }, { orderBy: { name: 'asc' } }),
  }),
  totalRegions: t.int({
    description: 'How many regions the installation has (the denominator of "regions affected").',
    resolve: (_root, _args, ctx) => ctx.em.count(Region),
  }),
  categories: t.field({
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
      ctx.reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return true;
    },
  }),
  setLocale: t.field({
    type: UserRef,
    description: "Saves the signed-in person's interface language.",
    args: { locale: t.arg.string({ required: true }) },
    resolve: (_root, args, ctx) => setLocale(ctx.em, ctx.viewer!, args.locale),
  }),
}));
