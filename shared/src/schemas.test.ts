import { describe, expect, it } from 'vitest';
import { commentSchema, createUserSchema, raiseIssueSchema, regionSchema, rolloutSchema, scheduleMeetingSchema, searchSchema, supportSchema } from './schemas.js';

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

  it('check characters after trimming: multi-line text keeps its lines (as LF), single-line text stays one visible line', () => {
    expect(raiseIssueSchema.parse({ title: '\r\n Refund delays\n', description: 'First line\r\n\tindented\rlast' })).toMatchObject({
      title: 'Refund delays',
      description: 'First line\n\tindented\nlast',
    });
    expect(keys(raiseIssueSchema.safeParse({ title: 'Refund\ndelays', description: 'Null \u0000 byte here' }))).toEqual({
      title: 'validation.text.singleLine',
      description: 'validation.text.control',
    });
    // Nothing visible: a single-line field names the invisible characters, a multi-line one asks for text.
    expect(keys(raiseIssueSchema.safeParse({ title: '\u200b'.repeat(8), description: '\u2060'.repeat(12) }))).toEqual({
      title: 'validation.text.invisible',
      description: 'validation.text.blank',
    });
    expect(keys(supportSchema.safeParse({ note: '\ufeff\u200b' }))).toEqual({ note: 'validation.text.blank' });
    expect(supportSchema.parse({ note: ' \r\n ' }).note).toBeNull();
    expect(keys(rolloutSchema.safeParse({ note: 'Done\u202e txt.exe' }))).toEqual({ note: 'validation.text.invisible' });
    expect(keys(searchSchema.safeParse({ search: 'refund\u0000' }))).toEqual({ search: 'validation.text.control' });
    expect(searchSchema.parse({ search: '  refund  ' }).search).toBe('refund');
  });

  it('keep dates within five years of today', () => {
    const input = (startsAt: Date) => ({ title: 'Coordinators', startsAt, durationMinutes: 60 });
    const years = (n: number) => new Date(Date.now() + n * 365.25 * 86_400_000);
    expect(scheduleMeetingSchema.safeParse(input(years(4.9))).success).toBe(true);
    expect(scheduleMeetingSchema.safeParse(input(years(-4.9))).success).toBe(true);
    for (const far of [years(5.1), years(-5.1), new Date('0000-01-01T00:00:00Z'), new Date('+100000-01-01T00:00:00Z')]) {
      expect(keys(scheduleMeetingSchema.safeParse(input(far)))).toEqual({ startsAt: 'validation.date.range' });
    }
    expect(keys(scheduleMeetingSchema.safeParse(input(new Date(NaN))))).toEqual({ startsAt: 'meetings.validation.date' });
    expect(keys(rolloutSchema.safeParse({ dueOn: years(6) }))).toEqual({ dueOn: 'validation.date.range' });
  });

  it('ask new passwords for 12 characters and no control characters (how guessable they are, the server checks)', () => {
    const user = (password: string) => ({ email: 'a@b.co', name: 'A', password, roles: ['COORDINATOR'] });
    expect(keys(createUserSchema.safeParse(user('eleven-char')))).toEqual({ password: 'validation.password.tooShort' });
    expect(keys(createUserSchema.safeParse(user('twelve\u0000chars')))).toEqual({ password: 'validation.text.control' });
    expect(createUserSchema.safeParse(user('  spaces kept  ')).data?.password).toBe('  spaces kept  ');
  });
});
