// Input schemas: one zod schema validates both the web form and the server input.
// Messages are i18n keys (namespace `validation`); the server translates them into the
// viewer's language for `extensions.fields`, the web does the same for its forms.
import { z } from 'zod';
import { LIMITS } from './limits.js';
import { LOCALES, ROLES } from './enums.js';

const text = (min: number, max: number, key: string) =>
  z
    .string({ error: 'validation.required' })
    .trim()
    .min(1, { error: 'validation.required', abort: true })
    .min(min, { error: `validation.${key}.tooShort` })
    .max(max, { error: `validation.${key}.tooLong` });

const optionalText = (max: number, key: string) =>
  z
    .string()
    .trim()
    .max(max, { error: `validation.${key}.tooLong` })
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
  first: z
    .number()
    .int({ error: 'validation.first.range' })
    .min(1, { error: 'validation.first.range' })
    .max(LIMITS.pageSize.max, { error: 'validation.first.range' })
    .nullish(),
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
