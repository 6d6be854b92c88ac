// Hostile input at the API's edge, on SQLite and PostgreSQL alike. For every text input of every
// mutation (and the feed's search): NUL, lone surrogates and other control characters are
// BAD_USER_INPUT naming the field with its translated message, and write nothing; single-line
// fields also refuse line breaks, tabs, bidi controls and zero-width characters, and a title must
// show something; multi-line fields keep tab and line feed (CR LF arrives as LF). Dates stay within
// five years of today, new passwords must be hard to guess, and ids that are not ours are NOT_FOUND.
import { translator } from '@council/shared/i18n';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.js';
import { Client, People } from '../support/client.js';
import { writesNothing as writesNothingIn } from '../support/db.js';
import * as f from '../support/factories.js';
import { gid } from '../support/ids.js';
import { createCategory, createRegion, createUser } from '../../server/src/modules/people/people.service.js';
import { InvalidInput } from '../../server/src/errors.js';
import type { Region, User } from '../../server/src/modules/people/people.entity.js';
import { entities } from '../../server/src/db/entities.js';

let t: TestApp;
let people: People;
let regions: Region[];
let coord: User[];
let fac: User;
let exec: User;
const ids = {} as Record<'issue' | 'comment' | 'draft' | 'voting' | 'submitted' | 'implementing' | 'meeting' | 'agendaItem' | 'actionItem', string>;

const en = translator('en');
const as = (u: User) => people.as(u);
/** Infrastructure that changes without the refused call: sign-in sessions, timed leases. */
const INFRASTRUCTURE = new Set(['Session', 'Lease']);

/** Every row of every domain table, so a refused edit is seen to change nothing, not only to add nothing. */
async function contents(): Promise<Record<string, unknown[]>> {
  const em = t.orm.em.fork();
  const out: Record<string, unknown[]> = {};
  for (const schema of entities) {
    const meta = em.getMetadata().get(schema.meta.className);
    if (INFRASTRUCTURE.has(meta.className)) continue;
    const key = meta.primaryKeys.map((k) => `"${meta.properties[k].fieldNames[0]}"`).join(', ');
    out[meta.className] = await em.getConnection().execute(`select * from "${meta.tableName}" order by ${key}`);
  }
  return out;
}

const writesNothing = (act: () => Promise<unknown>) =>
  writesNothingIn(t.orm.em, async () => {
    const before = await contents();
    await act();
    expect(await contents()).toEqual(before);
  });
const inDays = (d: number) => new Date(Date.now() + d * 86_400_000).toISOString();

const P = {
  raise: `mutation($input: RaiseIssueInput!) { raiseIssue(input: $input) { id title description evidence } }`,
  comment: `mutation($id: ID!, $body: String!) { addComment(subjectId: $id, body: $body) { id body } }`,
  editComment: `mutation($id: ID!, $body: String!) { editComment(commentId: $id, body: $body) { id } }`,
  support: `mutation($id: ID!, $note: String) { supportIssue(issueId: $id, note: $note) { id } }`,
  draft: `mutation($input: DraftProposalInput!) { draftProposal(input: $input) { id version } }`,
  revise: `mutation($input: ReviseProposalInput!) { reviseProposal(input: $input) { id version } }`,
  open: `mutation($id: ID!, $at: DateTime!) { openVoting(proposalId: $id, closesAt: $at) { id } }`,
  vote: `mutation($id: ID!, $reason: String) { castVote(proposalId: $id, choice: FOR, reason: $reason) { id } }`,
  close: `mutation($id: ID!) { closeVoting(proposalId: $id) { status } }`,
  submit: `mutation($id: ID!) { submitToManagement(proposalId: $id) { status } }`,
  decide: `mutation($input: DecideInput!) { decide(input: $input) { status } }`,
  rollout: `mutation($id: ID!, $region: ID!, $note: String, $dueOn: DateTime) { updateRollout(proposalId: $id, regionId: $region, status: IN_PROGRESS, note: $note, dueOn: $dueOn) { id } }`,
  schedule: `mutation($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input) { id title } }`,
  generate: `mutation($id: ID!) { generateAgenda(meetingId: $id) { agenda { id } } }`,
  addItem: `mutation($id: ID!, $title: String!) { addAgendaItem(meetingId: $id, title: $title, minutes: 5) { id } }`,
  updateItem: `mutation($id: ID!, $input: UpdateAgendaItemInput!) { updateAgendaItem(itemId: $id, input: $input) { id notes outcome } }`,
  createAction: `mutation($input: CreateActionItemInput!) { createActionItem(input: $input) { id } }`,
  updateAction: `mutation($id: ID!, $input: UpdateActionItemInput!) { updateActionItem(actionItemId: $id, input: $input) { id } }`,
  search: `query($search: String) { issues(filter: { search: $search }) { totalCount } }`,
};

const proposalText = {
  title: 'Extend the holiday return window',
  currentPolicy: 'Returns are accepted within 30 days of delivery.',
  proposedPolicy: 'Purchases from 1 November to 24 December may be returned until 31 January.',
  rationale: 'Gift recipients are refused returns; every region handles exceptions differently.',
  requiresApproval: true,
};

async function draft(by: User): Promise<string> {
  return (await (await as(by)).ok(P.draft, { input: { issueId: ids.issue, ...proposalText } })).draftProposal.id;
}

beforeAll(async () => {
  t = await startTestApp({ sweepIntervalMs: 0 });
  people = new People(t.app);
  const em = t.orm.em.fork();
  regions = [];
  for (let i = 0; i < 3; i++) regions.push(await f.region(em, { name: `Hostile ${i}` }));
  coord = [];
  for (let i = 0; i < 3; i++) coord.push(await f.user(em, { region: regions[i] }));
  fac = await f.user(em, { region: regions[1], roles: ['FACILITATOR', 'COORDINATOR'] });
  exec = await f.user(em, { region: null, roles: ['EXECUTIVE'] });

  const c0 = await as(coord[0]);
  const facC = await as(fac);
  ids.issue = (await c0.ok(P.raise, { input: { title: 'Refunds wait for the weekly batch', description: 'Customers wait up to a week.' } })).raiseIssue.id;
  ids.comment = (await c0.ok(P.comment, { id: ids.issue, body: 'Same in our region.' })).addComment.id;
  ids.draft = await draft(coord[0]);
  ids.voting = await draft(coord[0]);
  await facC.ok(P.open, { id: ids.voting, at: inDays(7) });
  for (const key of ['submitted', 'implementing'] as const) {
    ids[key] = await draft(coord[0]);
    await facC.ok(P.open, { id: ids[key], at: inDays(7) });
    for (const c of coord) await (await as(c)).ok(P.vote, { id: ids[key], reason: null });
    await facC.ok(P.close, { id: ids[key] });
    await c0.ok(P.submit, { id: ids[key] });
  }
  await (await as(exec)).ok(P.decide, { input: { proposalId: ids.implementing, outcome: 'APPROVED', rationale: 'Small revenue impact, consistent service.' } });
  ids.meeting = (await facC.ok(P.schedule, { input: { title: 'Coordinators meeting', startsAt: inDays(7), durationMinutes: 60 } })).scheduleMeeting.id;
  ids.agendaItem = (await facC.ok(P.generate, { id: ids.meeting })).generateAgenda.agenda[0].id;
  ids.actionItem = (await facC.ok(P.createAction, { input: { meetingId: ids.meeting, title: 'Collect figures', ownerId: gid('User', coord[0].id) } })).createActionItem.id;
});
afterAll(() => t.close());

type Kind = 'line' | 'multiline';

interface Field {
  /** mutation.field, as reported. */
  name: string;
  kind: Kind;
  /** The key `extensions.fields` names. */
  field: string;
  who: () => User;
  query: string;
  /** Variables with `value` in the field under test and valid values elsewhere. */
  vars: (value: string) => Record<string, unknown>;
  /** Whether the field must be filled (then a value of nothing visible is refused). */
  required: boolean;
  /** A valid value to embed hostile characters in. */
  base: string;
}

const field = (name: string, kind: Kind, f: Omit<Field, 'name' | 'kind' | 'base' | 'required'> & { base?: string; required?: boolean }): Field => ({
  name,
  kind,
  base: kind === 'line' ? 'Refunds for gift returns' : 'Customers wait a week for refunds.',
  required: true,
  ...f,
});

const raise = (over: Record<string, string>) => ({ input: { title: 'Refunds for gift returns', description: 'Customers wait a week.', ...over } });
const draftInput = (over: Record<string, string>) => ({ input: { issueId: ids.issue, ...proposalText, ...over } });
// Every revision below is refused, so the draft stays at version 1.
const revise = (over: Record<string, string>) => ({ input: { proposalId: ids.draft, version: 1, ...over } });
const decideInput = (over: Record<string, string>) => ({ input: { proposalId: ids.submitted, outcome: 'APPROVED', rationale: 'Small revenue impact, consistent service.', ...over } });

const FIELDS: Field[] = [
  field('raiseIssue.title', 'line', { field: 'title', who: () => coord[0], query: P.raise, vars: (v) => raise({ title: v }) }),
  field('raiseIssue.description', 'multiline', { field: 'description', who: () => coord[0], query: P.raise, vars: (v) => raise({ description: v }) }),
  field('raiseIssue.evidence', 'multiline', { field: 'evidence', who: () => coord[0], query: P.raise, vars: (v) => raise({ evidence: v }), required: false }),
  field('addComment.body', 'multiline', { field: 'body', who: () => coord[1], query: P.comment, vars: (v) => ({ id: ids.issue, body: v }) }),
  field('editComment.body', 'multiline', { field: 'body', who: () => coord[0], query: P.editComment, vars: (v) => ({ id: ids.comment, body: v }) }),
  field('supportIssue.note', 'multiline', { field: 'note', who: () => coord[2], query: P.support, vars: (v) => ({ id: ids.issue, note: v }), required: false }),
  ...(['title', 'currentPolicy', 'proposedPolicy', 'rationale', 'expectedImpact'] as const).flatMap((name) => [
    field(`draftProposal.${name}`, name === 'title' ? 'line' : 'multiline', {
      field: name,
      who: () => coord[1],
      query: P.draft,
      vars: (v) => draftInput({ [name]: v }),
      required: name !== 'expectedImpact',
    }),
    field(`reviseProposal.${name}`, name === 'title' ? 'line' : 'multiline', {
      field: name,
      who: () => coord[0],
      query: P.revise,
      vars: (v) => revise({ [name]: v }),
      required: name !== 'expectedImpact',
    }),
  ]),
  field('castVote.reason', 'multiline', { field: 'reason', who: () => coord[1], query: P.vote, vars: (v) => ({ id: ids.voting, reason: v }), required: false }),
  field('decide.rationale', 'multiline', { field: 'rationale', who: () => exec, query: P.decide, vars: (v) => decideInput({ rationale: v }) }),
  field('decide.conditions', 'multiline', { field: 'conditions', who: () => exec, query: P.decide, vars: (v) => decideInput({ conditions: v }), required: false }),
  field('updateRollout.note', 'line', {
    field: 'note',
    who: () => fac,
    query: P.rollout,
    vars: (v) => ({ id: ids.implementing, region: gid('Region', regions[0].id), note: v }),
    required: false,
  }),
  field('scheduleMeeting.title', 'line', {
    field: 'title',
    who: () => fac,
    query: P.schedule,
    vars: (v) => ({ input: { title: v, startsAt: inDays(3), durationMinutes: 60 } }),
  }),
  field('addAgendaItem.title', 'line', { field: 'title', who: () => fac, query: P.addItem, vars: (v) => ({ id: ids.meeting, title: v }) }),
  field('updateAgendaItem.title', 'line', { field: 'title', who: () => fac, query: P.updateItem, vars: (v) => ({ id: ids.agendaItem, input: { title: v } }) }),
  field('updateAgendaItem.notes', 'multiline', { field: 'notes', who: () => fac, query: P.updateItem, vars: (v) => ({ id: ids.agendaItem, input: { notes: v } }), required: false }),
  field('updateAgendaItem.outcome', 'multiline', { field: 'outcome', who: () => fac, query: P.updateItem, vars: (v) => ({ id: ids.agendaItem, input: { outcome: v } }), required: false }),
  field('createActionItem.title', 'line', {
    field: 'title',
    who: () => fac,
    query: P.createAction,
    vars: (v) => ({ input: { meetingId: ids.meeting, title: v, ownerId: gid('User', coord[0].id) } }),
  }),
  field('updateActionItem.title', 'line', { field: 'title', who: () => fac, query: P.updateAction, vars: (v) => ({ id: ids.actionItem, input: { title: v } }) }),
  field('issues.search', 'line', { field: 'search', who: () => coord[0], query: P.search, vars: (v) => ({ search: v }), required: false }),
];

/** Refused in every field, with the i18n key of the refusal. */
const EVERYWHERE: [string, string, Record<Kind, string>][] = [
  ['NUL', '\u0000', { line: 'validation.text.control', multiline: 'validation.text.control' }],
  ['a lone high surrogate', '\ud800', { line: 'validation.text.encoding', multiline: 'validation.text.encoding' }],
  ['a lone low surrogate', '\udc00', { line: 'validation.text.encoding', multiline: 'validation.text.encoding' }],
  ['BEL', '\u0007', { line: 'validation.text.control', multiline: 'validation.text.control' }],
  ['ESC', '\u001b[31m', { line: 'validation.text.control', multiline: 'validation.text.control' }],
  ['DEL', '\u007f', { line: 'validation.text.control', multiline: 'validation.text.control' }],
  ['C1 CSI', '\u009b', { line: 'validation.text.control', multiline: 'validation.text.control' }],
  ['NEL', '\u0085', { line: 'validation.text.singleLine', multiline: 'validation.text.control' }],
];

/** Refused in single-line fields only. */
const SINGLE_LINE_ONLY: [string, string, string][] = [
  ['LF', '\n', 'validation.text.singleLine'],
  ['CR', '\r', 'validation.text.singleLine'],
  ['CR LF', '\r\n', 'validation.text.singleLine'],
  ['a line separator', '\u2028', 'validation.text.singleLine'],
  ['a tab', '\t', 'validation.text.control'],
  ['a right-to-left override', '\u202e', 'validation.text.invisible'],
  ['a left-to-right embedding', '\u202a', 'validation.text.invisible'],
  ['a first-strong isolate', '\u2068', 'validation.text.invisible'],
  ['a right-to-left mark', '\u200f', 'validation.text.invisible'],
  ['a zero-width space', '\u200b', 'validation.text.invisible'],
  ['a zero-width joiner between letters', '\u200d', 'validation.text.invisible'],
  ['a word joiner', '\u2060', 'validation.text.invisible'],
  ['a zero-width no-break space', '\ufeff', 'validation.text.invisible'],
];

const inside = (base: string, bad: string) => `${base.slice(0, 7)}${bad}${base.slice(7)}`;

async function refusal(c: Client, query: string, vars: Record<string, unknown>) {
  const result = await c.gql(query, vars);
  expect(result.errors, JSON.stringify(result.data)).toBeDefined();
  return result.errors![0].extensions ?? {};
}

describe.each(FIELDS)('$name', (f) => {
  it('refuses NUL, lone surrogates and control characters, naming the field, and writes nothing', async () => {
    const c = await as(f.who());
    await writesNothing(async () => {
      for (const [what, bad, keys] of EVERYWHERE) {
        const ext = await refusal(c, f.query, f.vars(inside(f.base, bad)));
        expect(ext.code, what).toBe('BAD_USER_INPUT');
        expect(ext.fields, what).toEqual({ [f.field]: en(keys[f.kind]) });
      }
    });
  });

  if (f.kind === 'line') {
    it('refuses line breaks, tabs, bidi controls and zero-width characters', async () => {
      const c = await as(f.who());
      await writesNothing(async () => {
        for (const [what, bad, key] of SINGLE_LINE_ONLY) {
          const ext = await refusal(c, f.query, f.vars(inside(f.base, bad)));
          expect(ext.code, what).toBe('BAD_USER_INPUT');
          expect(ext.fields, what).toEqual({ [f.field]: en(key) });
        }
        // Nothing but invisible characters: refused for what they are.
        const ext = await refusal(c, f.query, f.vars('\u200b\u200b\u200b\u200b\u200b\u200b'));
        expect(ext.fields).toEqual({ [f.field]: en('validation.text.invisible') });
      });
    });
  } else {
    it('refuses a text that shows nothing', async () => {
      const c = await as(f.who());
      await writesNothing(async () => {
        const ext = await refusal(c, f.query, f.vars('\u200b\u2060\u200b\u2060\u200b\u2060\u200b\u2060\u200b\u2060\u200b'));
        expect(ext.fields).toEqual({ [f.field]: en('validation.text.blank') });
      });
    });
  }
});

describe('what is allowed', () => {
  it('keeps tabs and line breaks in multi-line fields, storing CR LF and lone CR as LF, and bidi text there', async () => {
    const c = await as(coord[1]);
    const description = 'Steps:\r\n\t1. ask for the order\r\n\t2. refund\rDone. \u202bمرحبا\u202c';
    const issue = (await c.ok(P.raise, raise({ title: 'Zoë’s café – 50 % off 👩🏽‍💻 👨‍👩‍👧', description }))).raiseIssue;
    expect(issue.title).toBe('Zoë’s café – 50 % off 👩🏽‍💻 👨‍👩‍👧');
    expect(issue.description).toBe('Steps:\n\t1. ask for the order\n\t2. refund\nDone. \u202bمرحبا\u202c');
    const comment = (await c.ok(P.comment, { id: issue.id, body: 'one\r\ntwo' })).addComment;
    expect(comment.body).toBe('one\ntwo');
  });

  it('trims a single-line field rather than refusing surrounding line breaks', async () => {
    const c = await as(fac);
    const m = (await c.ok(P.schedule, { input: { title: '\r\n  Planning session \n', startsAt: inDays(10), durationMinutes: 30 } })).scheduleMeeting;
    expect(m.title).toBe('Planning session');
  });
});

describe('dates', () => {
  const YEAR = 365.25;
  const outOfRange = ['0000-01-01T09:00:00.000Z', '+100000-01-01T09:00:00.000Z', inDays(6 * YEAR), inDays(-6 * YEAR)];

  it('schedules meetings only within five years of today', async () => {
    const c = await as(fac);
    await writesNothing(async () => {
      for (const startsAt of outOfRange) {
        const ext = await refusal(c, P.schedule, { input: { title: 'Far away', startsAt, durationMinutes: 60 } });
        expect(ext, startsAt).toMatchObject({ code: 'BAD_USER_INPUT', fields: { startsAt: en('validation.date.range') } });
      }
    });
    await c.ok(P.schedule, { input: { title: 'Annual review', startsAt: inDays(4 * YEAR), durationMinutes: 60 } });
  });

  it('refuses due and effective dates out of range', async () => {
    const facC = await as(fac);
    const execC = await as(exec);
    await writesNothing(async () => {
      for (const at of outOfRange) {
        const cases: [Client, string, Record<string, unknown>, string][] = [
          [facC, P.createAction, { input: { meetingId: ids.meeting, title: 'Far away', ownerId: gid('User', coord[0].id), dueOn: at } }, 'dueOn'],
          [facC, P.updateAction, { id: ids.actionItem, input: { dueOn: at } }, 'dueOn'],
          [facC, P.rollout, { id: ids.implementing, region: gid('Region', regions[0].id), dueOn: at }, 'dueOn'],
          [execC, P.decide, decideInput({ effectiveFrom: at }), 'effectiveFrom'],
        ];
        for (const [c, query, vars, name] of cases) {
          expect(await refusal(c, query, vars), `${name} ${at}`).toMatchObject({ code: 'BAD_USER_INPUT', fields: { [name]: en('validation.date.range') } });
        }
      }
    });
  });
});

describe('other input', () => {
  it('answers sign-in, language and ids carrying hostile characters with a contract code', async () => {
    const anonymous = new Client(t.app);
    const c = await as(coord[0]);
    await writesNothing(async () => {
      const signIn = `mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { id } }`;
      expect(await anonymous.code(signIn, { e: `${coord[0].email}\u0000`, p: f.PASSWORD })).toBe('BAD_USER_INPUT');
      expect(await anonymous.code(signIn, { e: '\ud800@example.test', p: f.PASSWORD })).toBe('BAD_USER_INPUT');
      expect(await anonymous.code(signIn, { e: coord[0].email, p: '\u0000\ud800' })).toBe('UNAUTHENTICATED');
      expect(await c.code(`mutation($l: String!) { setLocale(locale: $l) { id } }`, { l: 'en\u0000' })).toBe('BAD_USER_INPUT');
      for (const id of [gid('Issue', `${ids.issue}\u0000`), gid('Issue', '\ud800'), gid('Issue', "x' or 1=1 --")]) {
        expect(await c.code(P.comment, { id, body: 'Hello there.' })).toBe('NOT_FOUND');
        expect((await c.ok(`query($id: ID!) { node(id: $id) { id } }`, { id })).node).toBeNull();
      }
    });
    const exported = await t.app.inject({ url: `/export/meetings/${encodeURIComponent(gid('Meeting', '\u0000'))}/agenda.md`, headers: { cookie: await cookieOf(fac) } });
    expect(exported.statusCode).toBe(404);
  });
});

describe('the CLI’s input', () => {
  const refusal = async (act: () => Promise<unknown>) => {
    try {
      await act();
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidInput);
      return (error as InvalidInput).fields;
    }
    throw new Error('accepted');
  };

  it('refuses hostile region, category and person names the same way, writing nothing', async () => {
    const em = () => t.orm.em.fork();
    await writesNothing(async () => {
      expect(await refusal(() => createRegion(em(), null, { code: 'NO\u0000RD', name: 'Nordics', timeZone: 'UTC' }))).toEqual({ code: 'validation.regionCode.invalid' });
      expect(await refusal(() => createRegion(em(), null, { code: 'NORD', name: 'Nor\u202edics', timeZone: 'UTC' }))).toEqual({ name: 'validation.text.invisible' });
      expect(await refusal(() => createRegion(em(), null, { code: 'NORD', name: 'Nordics', timeZone: 'UTC\u0000' }))).toEqual({ timeZone: 'validation.timeZone.invalid' });
      expect(await refusal(() => createCategory(em(), null, { name: 'Returns\ud800' }))).toEqual({ name: 'validation.text.encoding' });
      expect(await refusal(() => createCategory(em(), null, { name: '\u3164\u3164' }))).toEqual({ name: 'validation.text.blank' });
      expect(
        await refusal(() => createUser(em(), null, { email: 'ana@example.test', name: 'Ana\nRuiz', password: f.PASSWORD, roles: ['COORDINATOR'], regionCode: 'R\u0000' })),
      ).toEqual({ name: 'validation.text.singleLine', regionCode: 'validation.regionCode.invalid' });
    });
  });
});

describe('messages', () => {
  it('name the refusal in the viewer’s language', async () => {
    const em = t.orm.em.fork();
    const dane = await f.user(em, { region: regions[0], locale: 'da' });
    const c = await new Client(t.app).signIn(dane.email);
    const ext = await refusal(c, P.raise, raise({ title: 'Refunds\u202e wait' }));
    expect(ext.fields).toEqual({ title: translator('da')('validation.text.invisible') });
    expect(ext.fields!.title).not.toBe(en('validation.text.invisible'));
  });
});

async function cookieOf(u: User): Promise<string> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/graphql',
    headers: { 'content-type': 'application/json' },
    payload: JSON.stringify({ query: `mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { id } }`, variables: { e: u.email, p: f.PASSWORD } }),
  });
  return String(res.headers['set-cookie']).split(';')[0];
}

describe('new passwords', () => {
  const account = (password: string, email = `new${Math.random().toString(36).slice(2, 8)}@example.test`) =>
    createUser(t.orm.em.fork(), null, { email, name: 'Ana Ruiz', password, roles: ['COORDINATOR'], regionCode: regions[0].code });

  const refusedWith = async (password: string, email?: string) => {
    try {
      await account(password, email);
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidInput);
      return (error as InvalidInput).fields.password;
    }
    throw new Error(`accepted ${password}`);
  };

  it('need 12 characters, no control characters, and must be hard to guess, also from the owner’s name and address', async () => {
    await writesNothing(async () => {
      expect(await refusedWith('Tr0ub4dor&3')).toBe('validation.password.tooShort');
      expect(await refusedWith('horse\u0000battery-staple')).toBe('validation.text.control');
      for (const weak of ['aaaaaaaaaaaa', 'password1234', 'qwertyuiop12', '123456789012', 'iloveyou2024', 'monkeymonkey']) {
        expect(await refusedWith(weak), weak).toBe('validation.password.weak');
      }
      expect(await refusedWith('ana.ruiz@example.com', 'ana.ruiz@example.com')).toBe('validation.password.weak');
    });
    expect(en('validation.password.weak')).toMatch(/too easy to guess/);
  });

  it('accept passphrases, the demo password and the tests’ password', async () => {
    for (const good of ['council-demo', f.PASSWORD, 'Nordics refunds wait a week', 'a7#kP2!xQz9m']) {
      const user = await account(good);
      expect(await new Client(t.app).signIn(user.email, good)).toBeTruthy();
    }
  });
});
