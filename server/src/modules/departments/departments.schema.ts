// GraphQL of departments and referrals (contract/beyond.graphql): admins keep the departments and
// their contacts; an issue's referrals with their answers; the referrals a person follows; refer,
// answer, close. Thin: the service decides, departments.policy says who may.
import { REFERRAL_STATUSES } from '@council/shared';
import { OPEN_TO_CONTACTS, builder } from '../../graphql/builder.js';
import { idOf } from '../../graphql/ids.js';
import { must } from '../../graphql/loaders.js';
import { registerNode } from '../../graphql/node.js';
import { PermissionRef, permission } from '../../graphql/permission.js';
import type { Context } from '../../graphql/context.js';
import type { Refusal } from '../../policy.js';
import { IssueRef } from '../issues/issues.schema.js';
import type { Issue } from '../issues/issues.entity.js';
import { UserRef } from '../people/people.schema.js';
import { User } from '../people/people.entity.js';
import { Department, Referral } from './departments.entity.js';
import { departmentPolicy, isOverdue } from './departments.policy.js';
import { referralsFor } from './departments.query.js';
import { answerReferral, closeReferral, createDepartment, referIssue, updateDepartment } from './departments.service.js';
import { referredToViewer, visibleReferrals } from './visibility.js';

export const ReferralStatusEnum = builder.enumType('ReferralStatus', { values: REFERRAL_STATUSES });

export const DepartmentRef = builder.node(Department, {
  name: 'Department',
  description: 'Another department of the company (billing, logistics, product, …) that issues are referred to.',
  id: { resolve: (d) => d.id },
  loadMany: (ids, ctx) => ids.map((id) => ctx.loaders.department.load(id)),
  fields: (t) => ({
    name: t.exposeString('name'),
    contacts: t.field({
      type: [UserRef],
      description: 'The people who see and answer its referrals.',
      resolve: async (d, _a, ctx) => {
        const rows = await ctx.loaders.contactsByDepartment.load(d.id);
        const users = await ctx.loaders.user.loadMany(rows.map((r) => r.user.id));
        return users.filter((u): u is User => u instanceof User).sort((a, b) => a.name.localeCompare(b.name));
      },
    }),
    viewerIsContact: t.boolean({
      description: 'The viewer is one of its contacts.',
      resolve: async (d, _a, ctx) => (await ctx.loaders.viewerDepartments.load('all')).includes(d.id),
    }),
  }),
});

registerNode('Department', (ctx, id) => ctx.loaders.department.load(id), () => true);

const REFERRAL_ABILITIES = ['answer', 'close'] as const;
type ReferralAbility = (typeof REFERRAL_ABILITIES)[number];
const ReferralAbilityEnum = builder.enumType('ReferralAbility', { description: 'What a person may do with a referral (see `Referral.viewerCan`).', values: REFERRAL_ABILITIES });

async function referralRefusal(referral: Referral, action: ReferralAbility, ctx: Context): Promise<Refusal | null> {
  if (action === 'close') return departmentPolicy.refusal(ctx.viewer, 'close', referral);
  const isContact = (await ctx.loaders.viewerDepartments.load('all')).includes(referral.department.id);
  return departmentPolicy.refusal(ctx.viewer, 'answer', { referral, isContact });
}

export const ReferralRef = builder.node(Referral, {
  name: 'Referral',
  description: "An issue referred to another department with a question; the department's contacts answer it on the issue.",
  id: { resolve: (r) => r.id },
  loadMany: (ids, ctx) => ids.map((id) => ctx.loaders.referral.load(id)),
  fields: (t) => ({
    issue: t.field({ type: IssueRef, resolve: (r, _a, ctx) => must(ctx.loaders.issue, r.issue.id) }),
    department: t.field({ type: DepartmentRef, resolve: (r, _a, ctx) => must(ctx.loaders.department, r.department.id) }),
    question: t.exposeString('question', { description: 'Markdown.' }),
    answer: t.exposeString('answer', { nullable: true, description: 'Markdown; null until answered.' }),
    status: t.field({ type: ReferralStatusEnum, resolve: (r) => r.status }),
    dueOn: t.expose('dueOn', { type: 'DateTime', nullable: true, description: 'The answer is wanted by then.' }),
    overdue: t.boolean({ description: 'Still unanswered after its due date.', resolve: (r) => isOverdue(r, new Date()) }),
    referredBy: t.field({ type: UserRef, resolve: (r, _a, ctx) => must(ctx.loaders.user, r.referredBy.id) }),
    answeredBy: t.field({ type: UserRef, nullable: true, resolve: (r, _a, ctx) => (r.answeredBy ? ctx.loaders.user.load(r.answeredBy.id) : null) }),
    closedBy: t.field({ type: UserRef, nullable: true, resolve: (r, _a, ctx) => (r.closedBy ? ctx.loaders.user.load(r.closedBy.id) : null) }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    answeredAt: t.expose('answeredAt', { type: 'DateTime', nullable: true }),
    closedAt: t.expose('closedAt', { type: 'DateTime', nullable: true }),
    viewerCan: t.field({
      type: PermissionRef,
      description: 'Whether the viewer may take an action on this referral now, and why not.',
      args: { action: t.arg({ type: ReferralAbilityEnum, required: true }) },
      resolve: async (r, args, ctx) => permission(await referralRefusal(r, args.action, ctx)),
    }),
  }),
});

registerNode('Referral', (ctx, id) => ctx.loaders.referral.load(id), async (ctx, referral: Referral) => (await ctx.loaders.viewerDepartments.load('all')).includes(referral.department.id));

builder.objectFields(IssueRef, (t) => ({
  referrals: t.field({
    type: [ReferralRef],
    description: "Questions to other departments about this issue, unanswered first; a department's contact sees their department's.",
    resolve: async (i, _a, ctx) => visibleReferrals(ctx, await ctx.loaders.referralsByIssue.load(i.id)),
  }),
  viewerCanRefer: t.field({
    type: PermissionRef,
    description: 'Whether the viewer may refer this issue to a department now, and why not.',
    resolve: (i: Issue, _a, ctx) => permission(departmentPolicy.refusal(ctx.viewer, 'refer', i)),
  }),
  viewerIsReferredContact: t.boolean({
    description: "The viewer is a contact of a department this issue is referred to.",
    resolve: (i, _a, ctx) => referredToViewer(ctx, i.id),
  }),
}));

const ReferIssueInput = builder.inputType('ReferIssueInput', {
  fields: (t) => ({
    issueId: t.id({ required: true }),
    departmentId: t.id({ required: true }),
    question: t.string({ required: true, description: 'Markdown.' }),
    dueOn: t.field({ type: 'DateTime', description: 'When the answer is wanted (optional).' }),
  }),
});

builder.queryFields((t) => ({
  departments: t.field({
    ...OPEN_TO_CONTACTS,
    type: [DepartmentRef],
    description: 'Every department, by name.',
    resolve: (_r, _a, ctx) => ctx.em.find(Department, {}, { orderBy: { name: 'asc', id: 'asc' } }),
  }),
  referrals: t.field({
    ...OPEN_TO_CONTACTS,
    type: [ReferralRef],
    description:
      "Referrals in these statuses (default: OPEN): every department's for facilitators, the department's own for its contacts, the ones they made for others. Unanswered first, soonest due first.",
    args: { status: t.arg({ type: [ReferralStatusEnum] }) },
    resolve: (_r, args, ctx) => referralsFor(ctx.em, ctx.viewer!, args.status?.length ? args.status : ['OPEN']),
  }),
}));

builder.mutationFields((t) => ({
  createDepartment: t.field({
    type: DepartmentRef,
    authScopes: { can: 'manageDepartments' },
    description: 'Admins: a new department; its contacts get the role DEPARTMENT_CONTACT.',
    args: { name: t.arg.string({ required: true }), contactIds: t.arg.idList() },
    resolve: (_r, args, ctx) => createDepartment(ctx.em, ctx.viewer!, { name: args.name, contactIds: args.contactIds?.map((id) => idOf(String(id), 'User')) }),
  }),
  updateDepartment: t.field({
    type: DepartmentRef,
    authScopes: { can: 'manageDepartments' },
    description: 'Admins: rename a department and/or replace its contacts (omitted: unchanged).',
    args: { departmentId: t.arg.id({ required: true }), name: t.arg.string(), contactIds: t.arg.idList() },
    resolve: (_r, args, ctx) =>
      updateDepartment(ctx.em, ctx.viewer!, idOf(String(args.departmentId), 'Department'), {
        name: args.name,
        contactIds: args.contactIds?.map((id) => idOf(String(id), 'User')),
      }),
  }),
  referIssue: t.field({
    type: ReferralRef,
    description: "Coordinators and facilitators: ask a department a question about an issue (optionally by a date); its contacts are told.",
    args: { input: t.arg({ type: ReferIssueInput, required: true }) },
    resolve: (_r, { input }, ctx) =>
      referIssue(ctx.em, ctx.viewer!, {
        issueId: idOf(String(input.issueId), 'Issue'),
        departmentId: idOf(String(input.departmentId), 'Department'),
        question: input.question,
        dueOn: input.dueOn ?? null,
      }),
  }),
  answerReferral: t.field({
    type: ReferralRef,
    description: "The department's contacts: answer (or correct the answer); the issue's people are told.",
    args: { referralId: t.arg.id({ required: true }), answer: t.arg.string({ required: true }) },
    resolve: (_r, args, ctx) => answerReferral(ctx.em, ctx.viewer!, idOf(String(args.referralId), 'Referral'), args.answer),
  }),
  closeReferral: t.field({
    type: ReferralRef,
    description: 'Facilitators: close a referral (answered, or no longer needed).',
    args: { referralId: t.arg.id({ required: true }) },
    resolve: (_r, args, ctx) => closeReferral(ctx.em, ctx.viewer!, idOf(String(args.referralId), 'Referral')),
  }),
}));

