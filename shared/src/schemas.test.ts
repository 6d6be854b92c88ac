import { describe, expect, it } from 'vitest';
import { commentSchema, createUserSchema, raiseIssueSchema, regionSchema } from './schemas.js';

const keys = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  Object.fromEntries((r.error?.issues ?? []).map((i) => [i.path.join('.'), i.message]));

describe('input schemas', () => {
  it('trim and bound issue text, with i18n keys as messages', () => {
    expect(raiseIssueSchema.parse({ title: '  Return window  ', description: ' Too short for gifts. ' })).toMatchObject({
      title: 'Return window',
      description: 'Too short for gifts.',
    });
    expect(keys(raiseIssueSchema.safeParse({ title: 'abc', description: '' }))).toEqual({
      title: 'validation.title.tooShort',
      description: 'validation.required',
    });
    expect(keys(raiseIssueSchema.safeParse({ title: 'x'.repeat(141), description: 'long enough text' }))).toEqual({ title: 'validation.title.tooLong' });
    expect(raiseIssueSchema.parse({ title: 'Valid title', description: 'long enough text', evidence: '  ' }).evidence).toBeNull();
  });

  it('refuse blank comments and unknown roles, regions codes and time zones', () => {
    expect(keys(commentSchema.safeParse({ body: '   ' }))).toEqual({ body: 'validation.required' });
    expect(createUserSchema.safeParse({ email: 'a@b.co', name: 'A', password: 'long-enough-pw', roles: ['KING'] }).success).toBe(false);
    expect(regionSchema.safeParse({ code: 'nord', name: 'Nordics', timeZone: 'Europe/Copenhagen' }).data?.code).toBe('NORD');
    expect(keys(regionSchema.safeParse({ code: 'N', name: 'Nordics', timeZone: 'Mars/Olympus' }))).toEqual({
      code: 'validation.regionCode.invalid',
      timeZone: 'validation.timeZone.invalid',
    });
  });
});
