// Input schemas: one zod schema validates both the web form and the server input.
// Messages are i18n keys (namespace `validation`); the server translates them into the
// viewer's language for `extensions.fields`, the web does the same for its forms.
// Every text field is a `line` (one line: titles, names, one-line notes, search) or `multiline`
// (descriptions, comments, policy texts, notes); `text.ts` holds what each may contain.
import { z } from 'zod';
import { DATE_LIMITS, LIMITS, MEETING_LIMITS, PROPOSAL_LIMITS } from './limits.js';
import { LOCALES, ROLES } from './enums.js';
import { hasVisibleText, normaliseNewlines, textProblem, TEXT_PROBLEMS, type TextKind } from './text.js';

type Lines = Exclude<TextKind, 'secret'>;

/** Refuses (and stops at) characters a field of this kind may not hold. */
const allowedCharacters = (schema: z.ZodString, kind: TextKind) =>
  schema.superRefine((v, ctx) => {
    const problem = textProblem(v, kind);
    if (problem) ctx.addIssue({ code: 'custom', message: problem, input: v, continue: false });
  });

/** A string with its line ends normalised (multi-line) and its ends trimmed, then checked character by character. */
const clean = (kind: Lines) =>
  allowedCharacters(
    z
      .string({ error: 'validation.required' })
      .overwrite((v) => (kind === 'multiline' ? normaliseNewlines(v) : v))
      .trim(),
    kind,
  );

const visible = { error: TEXT_PROBLEMS.blank, abort: true } as const;

const text = (kind: Lines, min: number, max: number, key: string, ns = 'validation') =>
  clean(kind)
    .min(1, { error: 'validation.required', abort: true })
    .refine(hasVisibleText, visible)
    .min(min, { error: `${ns}.${key}.tooShort` })
    .max(max, { error: `${ns}.${key}.tooLong` });

/** Blank becomes null; anything else must show something. */
const optionalText = (kind: Lines, max: number, key: string, ns = 'validation') =>
  clean(kind)
    .refine((v) => v.length === 0 || hasVisibleText(v), visible)
    .max(max, { error: `${ns}.${key}.tooLong` })
    .transform((v) => (v.length === 0 ? null : v))
    .nullish();

const YEAR_MS = 365.25 * 24 * 3_600_000;

/**
 * A date within DATE_LIMITS.years of today, either way: a plausibility check (no year 0 or
 * 100000), so it reads the wall clock even when a service back-dates its own `now`.
 */
const date = (error = 'validation.date.invalid') =>
  z
    .date({ error })
    .refine((d) => Math.abs(d.getTime() - Date.now()) <= DATE_LIMITS.years * YEAR_MS, { error: 'validation.date.range' });

const email = z.string({ error: 'validation.email.invalid' }).trim().toLowerCase().email({ error: 'validation.email.invalid' });

export const raiseIssueSchema = z.object({
  title: text('line', LIMITS.issueTitle.min, LIMITS.issueTitle.max, 'title'),
  description: text('multiline', LIMITS.issueDescription.min, LIMITS.issueDescription.max, 'description'),
  categoryId: z.string().nullish(),
  evidence: optionalText('multiline', LIMITS.issueEvidence.max, 'evidence'),
});
export type RaiseIssueInput = z.input<typeof raiseIssueSchema>;

export const commentSchema = z.object({
  body: text('multiline', LIMITS.comment.min, LIMITS.comment.max, 'comment'),
});

export const supportSchema = z.object({
  note: optionalText('multiline', LIMITS.supportNote.max, 'supportNote'),
});

export const searchSchema = z.object({
  search: clean('line').max(LIMITS.search.max, { error: 'validation.search.tooLong' }).nullish(),
});

/** What someone types into the global search: something to find, on one line. */
export const searchQuerySchema = z.object({
  query: clean('line')
    .min(1, { error: 'validation.required', abort: true })
    .refine(hasVisibleText, visible)
    .max(LIMITS.search.max, { error: 'validation.search.tooLong' }),
});

export const signInSchema = z.object({
  email,
  password: z.string().min(1, { error: 'validation.required' }).max(LIMITS.password.max, { error: 'validation.password.tooLong' }),
});

export const localeSchema = z.enum(LOCALES, { error: 'validation.locale.invalid' });

/** A region's code as the CLI and the admin type it: letters and digits, stored upper-case. */
const regionCode = z
  .string({ error: 'validation.regionCode.invalid' })
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9]{2,16}$/, { error: 'validation.regionCode.invalid' });

export const createUserSchema = z.object({
  email,
  name: text('line', LIMITS.name.min, LIMITS.name.max, 'name'),
  /** Length and characters only; how guessable it is needs a dictionary, which the server checks. */
  password: allowedCharacters(z.string({ error: 'validation.required' }), 'secret')
    .min(LIMITS.password.min, { error: 'validation.password.tooShort' })
    .max(LIMITS.password.max, { error: 'validation.password.tooLong' }),
  roles: z.array(z.enum(ROLES, { error: 'validation.role.invalid' })).min(1, { error: 'validation.role.required' }),
  regionCode: regionCode.nullish(),
  locale: localeSchema.default('en'),
});

/** An invitation as the admin fills it in: the account it will create, without a password. */
export const invitePersonSchema = createUserSchema.omit({ password: true, regionCode: true }).extend({ regionId: z.string().nullish() });
export type InvitePersonInput = z.input<typeof invitePersonSchema>;

/** A new password (invitation, reset, change): length and characters; the server checks how guessable it is. */
export const newPasswordSchema = createUserSchema.shape.password;

/** An IANA time zone this runtime knows (Europe/Copenhagen, Asia/Ho_Chi_Minh, UTC). */
export const timeZoneSchema = z
  .string({ error: 'validation.timeZone.invalid' })
  .trim()
  .max(64, { error: 'validation.timeZone.invalid' })
  .refine(knownTimeZone, { error: 'validation.timeZone.invalid' });

/**
 * Whether the runtime knows `zone` by that name. Asked of Intl itself rather than of
 * `supportedValuesOf`, which lists one name per zone (ICU lists Asia/Saigon, not the
 * Asia/Ho_Chi_Minh people pick); offsets (+01:00) are not zones.
 */
function knownTimeZone(zone: string): boolean {
  if (!/^(UTC|[A-Za-z]+(\/[A-Za-z0-9_+-]+){1,2})$/.test(zone)) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export const regionSchema = z.object({
  code: regionCode,
  name: text('line', LIMITS.name.min, LIMITS.name.max, 'name'),
  timeZone: timeZoneSchema,
});

/** A category's name in one language; empty means "use the English name". */
const categoryTranslation = z.preprocess(
  (value) => (typeof value === 'string' && value.trim() === '' ? null : value),
  text('line', LIMITS.name.min, LIMITS.name.max, 'name').nullish(),
);

export const categorySchema = z.object({
  /** The English name, shown where the reader's language has none. */
  name: text('line', LIMITS.name.min, LIMITS.name.max, 'name'),
  translations: z
    .object({ en: categoryTranslation, de: categoryTranslation, da: categoryTranslation, es: categoryTranslation, vi: categoryTranslation })
    .partial()
    .nullish(),
});

/** What an admin changes of a person; absent fields stay as they are. */
export const updatePersonSchema = z.object({
  name: text('line', LIMITS.name.min, LIMITS.name.max, 'name').nullish(),
  roles: createUserSchema.shape.roles.nullish(),
  /** null: no region. */
  regionId: z.string().nullish(),
  active: z.boolean().nullish(),
});

/** What a person changes of their own profile; an empty time zone follows their region's again. */
export const updateProfileSchema = z.object({
  name: text('line', LIMITS.name.min, LIMITS.name.max, 'name').nullish(),
  timeZone: z.preprocess((value) => (typeof value === 'string' && value.trim() === '' ? null : value), timeZoneSchema.nullish()),
});

const proposalFields = {
  title: text('line', PROPOSAL_LIMITS.title.min, PROPOSAL_LIMITS.title.max, 'title'),
  currentPolicy: text('multiline', PROPOSAL_LIMITS.policyText.min, PROPOSAL_LIMITS.policyText.max, 'policyText'),
  proposedPolicy: text('multiline', PROPOSAL_LIMITS.policyText.min, PROPOSAL_LIMITS.policyText.max, 'policyText'),
  rationale: text('multiline', PROPOSAL_LIMITS.rationale.min, PROPOSAL_LIMITS.rationale.max, 'rationale'),
  expectedImpact: optionalText('multiline', PROPOSAL_LIMITS.expectedImpact.max, 'expectedImpact'),
  requiresApproval: z.boolean({ error: 'validation.required' }),
};

export const draftProposalSchema = z.object(proposalFields);

export const reviseProposalSchema = z.object({
  ...proposalFields,
  version: z.number().int().min(1),
});

export const voteSchema = z.object({
  reason: optionalText('multiline', PROPOSAL_LIMITS.voteReason.max, 'voteReason'),
});

export const decideSchema = z.object({
  rationale: text('multiline', PROPOSAL_LIMITS.decisionRationale.min, PROPOSAL_LIMITS.decisionRationale.max, 'decisionRationale'),
  conditions: optionalText('multiline', PROPOSAL_LIMITS.decisionConditions.max, 'decisionConditions'),
  effectiveFrom: date().nullish(),
});

export const rolloutSchema = z.object({
  note: optionalText('line', PROPOSAL_LIMITS.rolloutNote.max, 'rolloutNote'),
  dueOn: date().nullish(),
});

/** A region's outcome report: the verdict is the API's enum; the figures are optional text. */
export const outcomeReportSchema = z.object({
  note: optionalText('multiline', PROPOSAL_LIMITS.outcomeNote.max, 'outcomeNote', 'followUp.outcomes.validation'),
});

/** The follow-up setting: whole days between implementation and the regions being asked about the outcome. */
export const outcomeDelaySchema = z.object({
  days: z
    .number({ error: 'followUp.outcomes.validation.delay' })
    .int({ error: 'followUp.outcomes.validation.delay' })
    .min(PROPOSAL_LIMITS.outcomeDelayDays.min, { error: 'followUp.outcomes.validation.delay' })
    .max(PROPOSAL_LIMITS.outcomeDelayDays.max, { error: 'followUp.outcomes.validation.delay' }),
});

export const votingRuleSchema = z.object({
  quorum: z.number({ error: 'validation.share.range' }).min(0, { error: 'validation.share.range' }).max(1, { error: 'validation.share.range' }),
  threshold: z.number({ error: 'validation.share.range' }).min(0, { error: 'validation.share.range' }).max(0.99, { error: 'validation.share.range' }),
});

export const scheduleMeetingSchema = z.object({
  title: text('line', MEETING_LIMITS.title.min, MEETING_LIMITS.title.max, 'title', 'meetings.validation'),
  startsAt: date('meetings.validation.date'),
  durationMinutes: z
    .number()
    .int({ error: 'meetings.validation.duration' })
    .min(MEETING_LIMITS.duration.min, { error: 'meetings.validation.duration' })
    .max(MEETING_LIMITS.duration.max, { error: 'meetings.validation.duration' }),
});

export const agendaItemSchema = z.object({
  title: text('line', MEETING_LIMITS.itemTitle.min, MEETING_LIMITS.itemTitle.max, 'itemTitle', 'meetings.validation').optional(),
  minutes: z
    .number()
    .int({ error: 'meetings.validation.minutes' })
    .min(MEETING_LIMITS.itemMinutes.min, { error: 'meetings.validation.minutes' })
    .max(MEETING_LIMITS.itemMinutes.max, { error: 'meetings.validation.minutes' })
    .optional(),
  notes: optionalText('multiline', MEETING_LIMITS.notes.max, 'notes', 'meetings.validation'),
  outcome: optionalText('multiline', MEETING_LIMITS.notes.max, 'notes', 'meetings.validation'),
});

export const actionItemSchema = z.object({
  title: text('line', MEETING_LIMITS.actionTitle.min, MEETING_LIMITS.actionTitle.max, 'actionTitle', 'meetings.validation'),
  dueOn: date('meetings.validation.date').nullish(),
});

/** A department: its name (one line). */
export const departmentSchema = z.object({
  name: text('line', LIMITS.departmentName.min, LIMITS.departmentName.max, 'departmentName', 'departments.validation'),
});

/** A referral's question and optional due date. */
export const referralSchema = z.object({
  question: text('multiline', LIMITS.referralQuestion.min, LIMITS.referralQuestion.max, 'question', 'departments.validation'),
  dueOn: date().nullish(),
});

/** A department's answer to a referral. */
export const referralAnswerSchema = z.object({
  answer: text('multiline', LIMITS.referralAnswer.min, LIMITS.referralAnswer.max, 'answer', 'departments.validation'),
});
