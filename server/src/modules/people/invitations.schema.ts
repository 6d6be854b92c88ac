// GraphQL types and fields of invitations and passwords: Invitation, invitations, invitePerson,
// revokeInvitation, acceptInvitation, requestPasswordReset, resetPassword, changePassword.
import type { InvitePersonInput as InviteInput } from '@council/shared';
import { builder } from '../../graphql/builder.js';
import { idOf, optionalIdOf } from '../../graphql/ids.js';
import { registerNode } from '../../graphql/node.js';
import { Invitation } from './invitations.entity.js';
import { acceptInvitation, invitePerson, listInvitations, revokeInvitation, type SharedInvitation } from './invitations.service.js';
import { mailSettingsOf } from '../notifications/mail.settings.js';
import { changePassword, requestPasswordReset, resetPassword } from './password-reset.service.js';
import { peoplePolicy } from './people.policy.js';
import { RegionRef, RoleEnum, UserRef, signedInAs } from './people.schema.js';

export const InvitationRef = builder.node(Invitation, {
  name: 'Invitation',
  id: { resolve: (i) => i.id },
  fields: (t) => ({
    email: t.exposeString('email'),
    name: t.exposeString('name'),
    roles: t.field({ type: [RoleEnum], resolve: (i) => i.roles }),
    locale: t.exposeString('locale', { description: 'The language of the mail and of the account it creates.' }),
    region: t.field({ type: RegionRef, nullable: true, resolve: (i, _args, ctx) => (i.region ? ctx.loaders.region.load(i.region.id) : null) }),
    invitedBy: t.field({ type: UserRef, resolve: async (i, _args, ctx) => (await ctx.loaders.user.load(i.invitedBy.id))! }),
    expiresAt: t.expose('expiresAt', { type: 'DateTime' }),
    acceptedAt: t.expose('acceptedAt', { type: 'DateTime', nullable: true }),
    revokedAt: t.expose('revokedAt', { type: 'DateTime', nullable: true }),
    link: t.string({
      nullable: true,
      description: 'Only in the answer of invitePerson, and only when this server sends no mail: the link to pass on to the person yourself.',
      resolve: (i) => (i as SharedInvitation).shareLink ?? null,
    }),
  }),
});

// Only those who manage people reach an invitation by its id; to anyone else it does not exist.
registerNode('Invitation', (ctx, id) => (peoplePolicy.can(ctx.viewer, 'invite') ? ctx.loaders.invitation.load(id) : Promise.resolve(null)));

const InvitePersonInput = builder.inputType('InvitePersonInput', {
  fields: (t) => ({
    email: t.string({ required: true }),
    name: t.string({ required: true }),
    roles: t.field({ type: [RoleEnum], required: true }),
    regionId: t.id({ required: false }),
    locale: t.string({ required: false }),
  }),
});

builder.queryFields((t) => ({
  mailEnabled: t.boolean({
    description: 'Whether this server sends mail (SMTP_URL is set). Without it, invitation links are handed to the admin to pass on.',
    resolve: (_root, _args, ctx) => mailSettingsOf(ctx.em)?.enabled ?? false,
  }),
  invitations: t.field({
    type: [InvitationRef],
    description: 'Admins: pending and past invitations, newest first.',
    authScopes: { can: 'invitePeople' },
    resolve: (_root, _args, ctx) => listInvitations(ctx.em, ctx.viewer!),
  }),
}));

builder.mutationFields((t) => ({
  invitePerson: t.field({
    type: InvitationRef,
    description: "Invites a person by mail; for a pending invitation's address, sends it again with a new link.",
    args: { input: t.arg({ type: InvitePersonInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      invitePerson(ctx.em, ctx.viewer!, {
        email: input.email,
        name: input.name,
        roles: input.roles,
        regionId: optionalIdOf(input.regionId ? String(input.regionId) : null, 'Region'),
        // Checked by the shared schema, like every other field.
        locale: (input.locale ?? undefined) as InviteInput['locale'],
      }),
  }),
  revokeInvitation: t.field({
    type: InvitationRef,
    args: { invitationId: t.arg.id({ required: true }) },
    resolve: (_root, args, ctx) => revokeInvitation(ctx.em, ctx.viewer!, idOf(String(args.invitationId), 'Invitation')),
  }),
  acceptInvitation: t.field({
    type: UserRef,
    skipTypeScopes: true,
    description: 'Sets the password and signs the invited person in (session cookie).',
    args: { token: t.arg.string({ required: true }), password: t.arg.string({ required: true }) },
    resolve: async (_root, args, ctx) => {
      const { user, token, session } = await acceptInvitation(ctx.em, ctx.services.auth, args.token, args.password);
      return signedInAs(ctx, user, token, session.id);
    },
  }),
  requestPasswordReset: t.boolean({
    skipTypeScopes: true,
    description: 'Always true, whether or not the address has an account; sends the link when it has.',
    args: { email: t.arg.string({ required: true }) },
    resolve: (_root, args, ctx) => requestPasswordReset(ctx.em, ctx.services.auth, args.email, ctx.req.ip),
  }),
  resetPassword: t.field({
    type: UserRef,
    skipTypeScopes: true,
    description: 'Sets the new password, ends every other session of the person, signs them in.',
    args: { token: t.arg.string({ required: true }), password: t.arg.string({ required: true }) },
    resolve: async (_root, args, ctx) => {
      const { user, token, session } = await resetPassword(ctx.em, ctx.services.auth, args.token, args.password);
      return signedInAs(ctx, user, token, session.id);
    },
  }),
  changePassword: t.boolean({
    args: { currentPassword: t.arg.string({ required: true }), newPassword: t.arg.string({ required: true }) },
    resolve: (_root, args, ctx) => changePassword(ctx.em, ctx.services.auth, ctx.viewer!, ctx.sessionId, args, ctx.req.ip),
  }),
}));
