// Input schemas: one zod schema validates both the web form and the server input.
// Messages are i18n keys (namespace `validation`); the server translates them into the
// viewer's language for `extensions.fields`, the web does the same for its forms.
import { z } from 'zod';
import { LIMITS, MEETING_LIMITS, PROPOSAL_LIMITS } from './limits.js';
import { LOCALES, ROLES } from './enums.js';

const text = (min: number, max: number, key: string, ns = 'validation') =>
  z
    .string({ error: 'validation.required' })
    .trim()
    .min(1, { error: 'validation.required', abort: true })
    .min(min, { error: `${ns}.${key}.tooShort` })
    .max(max, { error: `${ns}.${key}.tooLong` });

const optionalText = (max: number, key: string, ns = 'validation') =>
  z
    .string()
    .trim()
    .max(max, { error: `${ns}.${key}.tooLong` })
    .transform((v) => (v.length === 0 ? null : v))
    .nullish();

export const raiseIssueSchema = z.object({
  title: text(LIMITS.issueTitle.min, LIMITS.issueTitle.max, 'title'),
  description: text(LIMITS.issueDescription.min, LIMITS.issueDescription.max, 'description'),
  categoryId: z.string().nullish(),
  evidence: optionalText(LIMITS.issueEvidence.max, 'evidence'),
});
export type RaiseIssueInput = z.input<typeof raiseIssueSchema>;

export const commentSchema = z.object({
  body: text(LIMITS.comment.min, LIMITS.comment.max, 'comment'),
});

export const supportSchema = z.object({
  note: optionalText(LIMITS.supportNote.max, 'supportNote'),
});

export const searchSchema = z.object({
  search: z.string().trim().max(LIMITS.search.max, { error: 'validation.search.tooLong' }).nullish(),
});

export const signInSchema = z.object({
  email: z.string().trim().toLowerCase().email({ error: 'validation.email.invalid' }),
  password: z.string().min(1, { error: 'validation.required' }).max(LIMITS.password.max, { error: 'validation.password.tooLong' }),
});

export const localeSchema = z.enum(LOCALES, { error: 'validation.locale.invalid' });

export const createUserSchema = z.object({
  email: z.string().trim().toLowerCase().email({ error: 'validation.email.invalid' }),
  name: text(LIMITS.name.min, LIMITS.name.max, 'name'),
  password: z
    .string()
    .min(LIMITS.password.min, { error: 'validation.password.tooShort' })
    .max(LIMITS.password.max, { error: 'validation.password.tooLong' }),
  roles: z.array(z.enum(ROLES, { error: 'validation.role.invalid' })).min(1, { error: 'validation.role.required' }),
  regionCode: z.string().trim().nullish(),
  locale: localeSchema.default('en'),
});

export const regionSchema = z.object({
  code: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9]{2,16}$/, { error: 'validation.regionCode.invalid' }),
  name: text(LIMITS.name.min, LIMITS.name.max, 'name'),
  timeZone: z.string().refine((tz) => Intl.supportedValuesOf('timeZone').includes(tz) || tz === 'UTC', { error: 'validation.timeZone.invalid' }),
});

export const categorySchema = z.object({
  name: text(LIMITS.name.min, LIMITS.name.max, 'name'),
});

const proposalFields = {
  title: text(PROPOSAL_LIMITS.title.min, PROPOSAL_LIMITS.title.max, 'title'),
  currentPolicy: text(PROPOSAL_LIMITS.policyText.min, PROPOSAL_LIMITS.policyText.max, 'policyText'),
  proposedPolicy: text(PROPOSAL_LIMITS.policyText.min, PROPOSAL_LIMITS.policyText.max, 'policyText'),
  rationale: text(PROPOSAL_LIMITS.rationale.min, PROPOSAL_LIMITS.rationale.max, 'rationale'),
  expectedImpact: optionalText(PROPOSAL_LIMITS.expectedImpact.max, 'expectedImpact'),
  requiresApproval: z.boolean({ error: 'validation.required' }),
};

export const draftProposalSchema = z.object(proposalFields);

export const reviseProposalSchema = z.object({
  ...proposalFields,
  version: z.number().int().min(1),
});

export const voteSchema = z.object({
  reason: optionalText(PROPOSAL_LIMITS.voteReason.max, 'voteReason'),
});

export const decideSchema = z.object({
  rationale: text(PROPOSAL_LIMITS.decisionRationale.min, PROPOSAL_LIMITS.decisionRationale.max, 'decisionRationale'),
  conditions: optionalText(PROPOSAL_LIMITS.decisionConditions.max, 'decisionConditions'),
  effectiveFrom: z.date().nullish(),
});

export const rolloutSchema = z.object({
  note: optionalText(PROPOSAL_LIMITS.rolloutNote.max, 'rolloutNote'),
  dueOn: z.date().nullish(),
});

export const votingRuleSchema = z.object({
  quorum: z.number({ error: 'validation.share.range' }).min(0, { error: 'validation.share.range' }).max(1, { error: 'validation.share.range' }),
  threshold: z.number({ error: 'validation.share.range' }).min(0, { error: 'validation.share.range' }).max(0.99, { error: 'validation.share.range' }),
});

export const scheduleMeetingSchema = z.object({
  title: text(MEETING_LIMITS.title.min, MEETING_LIMITS.title.max, 'title', 'meetings.validation'),
  startsAt: z.date({ error: 'meetings.validation.date' }),
  durationMinutes: z
    .number()
    .int({ error: 'meetings.validation.duration' })
    .min(MEETING_LIMITS.duration.min, { error: 'meetings.validation.duration' })
    .max(MEETING_LIMITS.duration.max, { error: 'meetings.validation.duration' }),
});

export const agendaItemSchema = z.object({
  title: text(MEETING_LIMITS.itemTitle.min, MEETING_LIMITS.itemTitle.max, 'itemTitle', 'meetings.validation').optional(),
  minutes: z
    .number()
    .int({ error: 'meetings.validation.minutes' })
    .min(MEETING_LIMITS.itemMinutes.min, { error: 'meetings.validation.minutes' })
    .max(MEETING_LIMITS.itemMinutes.max, { error: 'meetings.validation.minutes' })
    .optional(),
  notes: optionalText(MEETING_LIMITS.notes.max, 'notes', 'meetings.validation'),
  outcome: optionalText(MEETING_LIMITS.notes.max, 'notes', 'meetings.validation'),
});

export const actionItemSchema = z.object({
  title: text(MEETING_LIMITS.actionTitle.min, MEETING_LIMITS.actionTitle.max, 'actionTitle', 'meetings.validation'),
  dueOn: z.date({ error: 'meetings.validation.date' }).nullish(),
});
