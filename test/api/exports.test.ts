// The meeting exports keep user text as text. Hostile titles, notes and names are written straight
// into the database (past the input schemas, as an old row or a future importer could), then:
// agenda.md and minutes.md, parsed by the CommonMark parser the web renders with, hold only the
// headings, lists and emphasis the export itself makes, with the text intact; meeting.ics, parsed
// by ical.js, holds one event with the title as its summary and no injected property, and byte by
// byte every CRLF ends a content line of at most 75 octets, no bare CR or LF, no control character.
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.js';
import { People } from '../support/client.js';
import * as f from '../support/factories.js';
import { gid } from '../support/ids.js';
import { ActionItem, AgendaItem, Meeting } from '../../server/src/modules/meetings/meetings.entity.js';
import { User } from '../../server/src/modules/people/people.entity.js';

const HOSTILE = 'Refunds\rATTENDEE;CN=Mallory:mailto:mallory@evil.test\n\n# Injected heading\n[Click](https://evil.test/phish)';
/** What a reader sees of it on one line: line breaks become spaces, every character stays. */
const HOSTILE_LINE = 'Refunds ATTENDEE;CN=Mallory:mailto:mallory@evil.test # Injected heading [Click](https://evil.test/phish)';
const NOTES = [
  '# Heading in the notes',
  'Setext heading',
  '===',
  '- a list item',
  '+ another',
  '1. a numbered item',
  '2) and another',
  '> a quote',
  '    indented code',
  '```',
  'fenced code',
  '```',
  '***',
  '| a | b |',
  '|---|---|',
  '| 1 | 2 |',
  '<script>alert(1)</script><img src=x onerror=alert(1)>',
  '![tracker](https://evil.test/pixel.png) and [a link](javascript:alert(1)) and <https://evil.test>',
  '[ref]: https://evil.test/ref',
  'www.evil.test and https://evil.test/bare and *emphasis* _here_ ~~struck~~ `code` &lt;b&gt; \\',
].join('\r\n');
const VIETNAMESE = 'Cuộc họp điều phối viên khu vực Đông Nam Á về chính sách hoàn tiền, đổi trả; hàng hoá';

let t: TestApp;
let people: People;
let fac: User;
let owner: User;
let meetingId: string;
let cookie: string;

/** The CommonMark parser the web renders Markdown with (react-markdown → remark-parse → mdast-util-from-markdown). */
async function markdownParser(): Promise<(md: string) => MdNode> {
  const web = createRequire(new URL('../../web/package.json', import.meta.url));
  const reactMarkdown = createRequire(web.resolve('react-markdown'));
  const remarkParse = createRequire(reactMarkdown.resolve('remark-parse'));
  const { fromMarkdown } = await import(pathToFileURL(remarkParse.resolve('mdast-util-from-markdown')).href);
  return fromMarkdown;
}
interface MdNode {
  type: string;
  depth?: number;
  value?: string;
  children?: MdNode[];
}
let parse: (md: string) => MdNode;

const nodes = (n: MdNode): MdNode[] => [n, ...(n.children ?? []).flatMap(nodes)];
const text = (n: MdNode): string => n.value ?? (n.type === 'break' ? '\n' : (n.children ?? []).map(text).join(''));
const ofType = (tree: MdNode, type: string) => nodes(tree).filter((n) => n.type === type);

beforeAll(async () => {
  t = await startTestApp({ sweepIntervalMs: 0 });
  people = new People(t.app);
  parse = await markdownParser();
  const em = t.orm.em.fork();
  const region = await f.region(em);
  fac = await f.user(em, { region, roles: ['FACILITATOR', 'COORDINATOR'] });
  owner = await f.user(em, { region });
  const c = await people.as(fac);
  const m = (await c.ok(`mutation($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input) { id } }`, {
    input: { title: 'Export check', startsAt: new Date(Date.now() + 3 * 86_400_000).toISOString(), durationMinutes: 60 },
  })).scheduleMeeting;
  meetingId = m.id;
  await c.ok(`mutation($id: ID!) { generateAgenda(meetingId: $id) { id } }`, { id: m.id });
  await c.ok(`mutation($input: CreateActionItemInput!) { createActionItem(input: $input) { id } }`, {
    input: { meetingId: m.id, title: 'Collect the figures', ownerId: gid('User', owner.id) },
  });
  const login = await t.app.inject({
    method: 'POST',
    url: '/graphql',
    headers: { 'content-type': 'application/json' },
    payload: JSON.stringify({ query: `mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { id } }`, variables: { e: fac.email, p: f.PASSWORD } }),
  });
  cookie = String(login.headers['set-cookie']).split(';')[0];

  // Past the schemas: straight into the rows the exports read.
  const id = Buffer.from(m.id, 'base64').toString().split(':')[1];
  const rows = t.orm.em.fork();
  await rows.nativeUpdate(Meeting, { id }, { title: HOSTILE, status: 'CLOSED' });
  const [first] = await rows.find(AgendaItem, { meeting: id, scheduled: true }, { orderBy: { position: 'asc' } });
  await rows.nativeUpdate(AgendaItem, { id: first.id }, { title: HOSTILE, titleKey: null, notes: NOTES, outcome: HOSTILE });
  await rows.nativeUpdate(ActionItem, { meeting: id }, { title: HOSTILE });
  await rows.nativeUpdate(User, { id: owner.id }, { name: '**Mallory** <b>' });
});
afterAll(() => t.close());

const download = async (file: string) => {
  const res = await t.app.inject({ url: `/export/meetings/${meetingId}/${file}`, headers: { cookie } });
  expect(res.statusCode, res.body).toBe(200);
  return res;
};

/** Markdown structure that can only come from user text. */
const FORBIDDEN = ['link', 'image', 'html', 'blockquote', 'code', 'inlineCode', 'thematicBreak', 'definition', 'linkReference', 'imageReference', 'emphasis', 'delete', 'table'];

describe('Markdown exports', () => {
  it('agenda.md: the hostile title is one heading of plain text, the agenda one list, and nothing links or renders HTML', async () => {
    const md = (await download('agenda.md')).body;
    const tree = parse(md);
    expect(ofType(tree, 'heading').map((h) => [h.depth, text(h)])).toEqual([
      [1, HOSTILE_LINE],
      [2, 'Agenda'],
    ]);
    expect(ofType(tree, 'list')).toHaveLength(1);
    const items = (await t.orm.em.fork().count(AgendaItem, { meeting: Buffer.from(meetingId, 'base64').toString().split(':')[1], scheduled: true }));
    expect(ofType(tree, 'listItem')).toHaveLength(items);
    expect(text(ofType(tree, 'strong')[0])).toBe(HOSTILE_LINE);
    expect(nodes(tree).map((n) => n.type).filter((type) => FORBIDDEN.includes(type))).toEqual([]);
    // GitHub's Markdown also makes tables of pipes and links of bare addresses: neither stays bare.
    expect(md).not.toMatch(/(^|[^\\])\|/m);
    expect(md).not.toMatch(/https?:\/\/|www\./);
  });

  it('minutes.md: notes and outcome read as typed, line by line, with no block of their own', async () => {
    const md = (await download('minutes.md')).body;
    const tree = parse(md);
    const headings = ofType(tree, 'heading');
    expect(headings[0]).toMatchObject({ depth: 1 });
    expect(text(headings[0])).toBe(`Minutes: ${HOSTILE_LINE}`);
    expect(text(headings[1])).toBe(`1. ${HOSTILE_LINE} (not finished)`);
    expect(text(headings.at(-1)!)).toBe('Action items');
    expect(headings.every((h) => h.depth! <= 2)).toBe(true);
    expect(nodes(tree).map((n) => n.type).filter((type) => FORBIDDEN.includes(type))).toEqual([]);
    // Only the action items are a list; its one item shows the title and the owner's name as text.
    expect(ofType(tree, 'list')).toHaveLength(1);
    expect(text(ofType(tree, 'listItem')[0])).toBe(`[ ] ${HOSTILE_LINE} (**Mallory** <b>)`);
    // Every line of the notes survives as a line of one paragraph.
    const notes = ofType(tree, 'paragraph').find((p) => text(p).startsWith('# Heading in the notes'))!;
    expect(text(notes)).toBe(NOTES.split('\r\n').map((line) => line.trim()).join('\n'));
    // The outcome keeps its paragraphs (the blank line), as text after the label.
    const outcome = ofType(tree, 'paragraph').find((p) => text(p).startsWith('Outcome:'))!;
    expect(text(outcome)).toBe('Outcome: Refunds\nATTENDEE;CN=Mallory:mailto:mallory@evil.test');
    expect(md).not.toMatch(/(^|[^\\])\|/m);
    expect(md).not.toMatch(/https?:\/\/|www\./);
  });
});

describe('iCalendar export', () => {
  const lines = (body: Buffer) => {
    const raw = body.toString('latin1');
    expect(raw.endsWith('\r\n')).toBe(true);
    return raw.slice(0, -2).split('\r\n').map((l) => Buffer.from(l, 'latin1'));
  };

  it('is one event whose summary is the title on one line, with no injected property', async () => {
    const res = await download('meeting.ics');
    const calendar = new ICAL.Component(ICAL.parse(res.body));
    const events = calendar.getAllSubcomponents('vevent');
    expect(events).toHaveLength(1);
    expect(events[0].getAllProperties('attendee')).toEqual([]);
    const event = new ICAL.Event(events[0]);
    expect(event.summary).toBe(HOSTILE_LINE);
    expect(event.description.split('\n')[1]).toBe(`1. ${HOSTILE_LINE} (5′)`);
    // The value as written: escaped per RFC 5545, on one (unfolded) line.
    expect(res.body.replace(/\r\n /g, '')).toContain('\r\nSUMMARY:Refunds ATTENDEE\\;CN=Mallory:mailto:mallory@evil.test # Injected heading [Click](https://evil.test/phish)\r\n');
  });

  it('ends every content line with CRLF, folds at 75 octets between characters, and holds no bare CR, LF or control character', async () => {
    const rows = t.orm.em.fork();
    const id = Buffer.from(meetingId, 'base64').toString().split(':')[1];
    for (const title of [HOSTILE, `${VIETNAMESE} ${VIETNAMESE} 👩🏽‍💻`]) {
      await rows.nativeUpdate(Meeting, { id }, { title });
      const body = (await download('meeting.ics')).rawPayload;
      const physical = lines(body);
      for (const line of physical) {
        expect(line.length, line.toString()).toBeLessThanOrEqual(75);
        // No CR or LF (both only in the CRLF that ended the line) and no other control byte.
        expect([...line].filter((byte) => byte < 0x20 || byte === 0x7f), line.toString()).toEqual([]);
        // A fold never splits a character: each physical line is valid UTF-8 by itself.
        expect(() => new TextDecoder('utf-8', { fatal: true }).decode(line)).not.toThrow();
      }
      // Unfolded, every line is a property: a name, then parameters or the value.
      const logical = body.toString('utf8').replace(/\r\n /g, '').split('\r\n').slice(0, -1);
      for (const line of logical) expect(line).toMatch(/^[A-Z][A-Z0-9-]*[;:]/);
      const summary = new ICAL.Event(new ICAL.Component(ICAL.parse(body.toString('utf8'))).getFirstSubcomponent('vevent')!).summary;
      expect(summary).toBe(title === HOSTILE ? HOSTILE_LINE : title);
    }
  });
});
