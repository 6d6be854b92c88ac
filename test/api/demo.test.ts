// The demo workspace: seeded through the services, every demo account signs in, the story holds.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.js';
import { Client } from '../support/client.js';
import { DEMO_PASSWORD, demoDepartments, demoIssues, demoReferrals, demoUsers } from '../../server/src/demo/data.js';

let t: TestApp;
beforeAll(async () => {
  // Seeded as a start seeds it: before the scheduled work, whose vote-closer would close the demo's votes mid-seed.
  t = await startTestApp({ seed: true });
});
afterAll(() => t.close());

it('seeds 8 regions, 6+ categories, the demo accounts and 40+ issues with supports and comments', async () => {
  const c = await new Client(t.app).signIn('coordinator1@council.test', DEMO_PASSWORD);
  const data = await c.ok(`{ regions { code } categories { name } totalRegions issues(first: 100, filter: { status: [OPEN, UNDER_DISCUSSION, PROPOSED, RESOLVED, CLOSED, MERGED] }) { totalCount edges { node { title status supportCount commentCount regionCount mergedInto { id } } } } }`);
  expect(data.regions).toHaveLength(8);
  expect(data.categories.length).toBeGreaterThanOrEqual(6);
  expect(data.issues.totalCount).toBe(demoIssues.length);
  expect(data.issues.totalCount).toBeGreaterThanOrEqual(40);
  const nodes = data.issues.edges.map((e: any) => e.node);
  expect(nodes.filter((n: any) => n.status === 'MERGED').every((n: any) => n.mergedInto)).toBe(true);
  expect(nodes.filter((n: any) => n.status === 'MERGED')).toHaveLength(demoIssues.filter((d) => d.mergeInto).length);
  expect(nodes.filter((n: any) => n.status === 'CLOSED')).toHaveLength(demoIssues.filter((d) => d.status === 'CLOSED').length);
  expect(nodes.some((n: any) => n.regionCount >= 6)).toBe(true);
  expect(nodes.reduce((s: number, n: any) => s + n.commentCount, 0)).toBeGreaterThan(80);
});

it('lets every demo account sign in with the demo password', async () => {
  expect(demoUsers.map((u) => u.email)).toEqual(expect.arrayContaining(['admin@council.test', 'facilitator@council.test', 'executive@council.test', ...Array.from({ length: 8 }, (_, i) => `coordinator${i + 1}@council.test`)]));
  for (const u of demoUsers) {
    const viewer = (await (await new Client(t.app).signIn(u.email, DEMO_PASSWORD)).ok(`{ viewer { email roles region { code } } }`)).viewer;
    expect(viewer).toMatchObject({ email: u.email, roles: u.roles, region: u.regionCode ? { code: u.regionCode } : null });
  }
});

it('has proposals in every state, one in the decision queue, one being rolled out, and a register', async () => {
  const c = await new Client(t.app).signIn('executive@council.test', DEMO_PASSWORD);
  const data = await c.ok(`{ proposals { status tally { passing } rollouts { status } } decisionQueue { title } policies { title currentVersion } }`);
  const statuses = new Set(data.proposals.map((p: any) => p.status));
  for (const s of ['DRAFT', 'VOTING', 'PASSED', 'FAILED', 'SUBMITTED', 'CHANGES_REQUESTED', 'REJECTED', 'IMPLEMENTING', 'IMPLEMENTED', 'WITHDRAWN']) {
    expect(statuses, s).toContain(s);
  }
  expect(data.decisionQueue.length).toBeGreaterThanOrEqual(1);
  const rolling = data.proposals.find((p: any) => p.status === 'IMPLEMENTING');
  expect(rolling.rollouts.some((r: any) => r.status === 'DONE')).toBe(true);
  expect(rolling.rollouts.some((r: any) => r.status !== 'DONE')).toBe(true);
  expect(data.policies.length).toBeGreaterThanOrEqual(2);
});

it('has a held meeting with minutes and action items, and a published upcoming agenda that carries its unfinished items over', async () => {
  const c = await new Client(t.app).signIn('coordinator3@council.test', DEMO_PASSWORD);
  const data = await c.ok(`{ past: meetings(upcoming: false) { title status actionItems { status } agenda { notes done } }
    next: meetings(upcoming: true) { title agendaPublishedAt plannedMinutes durationMinutes agenda { kind title reason } unscheduled { kind title } } notifications { message } }`);
  expect(data.past[0]).toMatchObject({ status: 'CLOSED' });
  expect(data.past[0].actionItems.map((a: any) => a.status).sort()).toEqual(['DONE', 'OPEN']);
  expect(data.past[0].agenda.some((i: any) => i.notes)).toBe(true);
  const next = data.next[0];
  expect(next.agendaPublishedAt).not.toBeNull();
  expect(next.plannedMinutes).toBeLessThanOrEqual(next.durationMinutes);
  const items = [...next.agenda, ...next.unscheduled];
  const kinds = new Set(items.map((i: any) => i.kind));
  for (const k of ['OPENING', 'CARRY_OVER', 'REPORT_BACK', 'PROPOSAL', 'ISSUE', 'REFERRAL', 'CLOSING']) expect(kinds, k).toContain(k);
  // The proposal being rolled out (two regions overdue) was also decided since October: it is on once.
  expect(items.filter((i: any) => i.title === 'Extended return window for holiday purchases')).toHaveLength(1);
  expect(data.notifications.length).toBeGreaterThan(0);
});

it('has departments with a contact each, and questions to them: one answered, one open and due later, one overdue', async () => {
  const facilitator = await new Client(t.app).signIn('facilitator@council.test', DEMO_PASSWORD);
  const data = await facilitator.ok(`{ departments { name contacts { email roles } } referrals(status: [OPEN, ANSWERED, CLOSED]) { status overdue dueOn answer department { name } issue { title } } home { overdueReferrals { department { name } } } }`);
  expect(data.departments.map((d: any) => d.name)).toEqual(demoDepartments.map((d) => d.name).sort());
  for (const d of data.departments) {
    expect(d.contacts).toHaveLength(1);
    expect(d.contacts[0].roles).toEqual(['DEPARTMENT_CONTACT']);
  }
  expect(data.referrals).toHaveLength(demoReferrals.length);
  const by = (name: string) => data.referrals.find((r: any) => r.department.name === name);
  expect(by('Billing')).toMatchObject({ status: 'ANSWERED', overdue: false });
  expect(by('Billing').answer).toBeTruthy();
  expect(by('Logistics')).toMatchObject({ status: 'OPEN', overdue: false });
  expect(new Date(by('Logistics').dueOn).getTime()).toBeGreaterThan(Date.now());
  expect(by('Product')).toMatchObject({ status: 'OPEN', overdue: true });
  expect(data.home.overdueReferrals.map((r: any) => r.department.name)).toEqual(['Product']);

  // The billing contact reads their home and the issue referred to them, and nothing of the rest.
  const contact = await new Client(t.app).signIn('billing@council.test', DEMO_PASSWORD);
  const home = await contact.ok(`{ home { referralsToAnswer { status issue { id title } } } }`);
  expect(home.home.referralsToAnswer).toHaveLength(1);
  const issueId = home.home.referralsToAnswer[0].issue.id;
  const issue = await contact.ok(`query($id: ID!) { node(id: $id) { ... on Issue { title referrals { department { name } } } } }`, { id: issueId });
  expect(issue.node.referrals.map((r: any) => r.department.name)).toEqual(['Billing']);
  expect(await contact.code(`{ issues { totalCount } }`)).toBe('FORBIDDEN');
});
