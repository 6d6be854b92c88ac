import { describe, expect, it } from 'vitest';
import { agendaIssueScore, generateAgenda, type AgendaInput } from './agenda.js';

const now = new Date('2026-11-24T09:00:00Z');
const ago = (d: number) => new Date(now.getTime() - d * 86_400_000);
const ahead = (d: number) => new Date(now.getTime() + d * 86_400_000);

const empty: AgendaInput = {
  now,
  durationMinutes: 60,
  previousMeeting: null,
  carryOver: [],
  decisions: [],
  proposals: [],
  issues: [],
  totalRegions: 8,
  overdueRollouts: [],
};

const issue = (id: string, o: Partial<AgendaInput['issues'][number]> = {}): AgendaInput['issues'][number] => ({
  id,
  title: `Issue ${id}`,
  supportCount: 1,
  regionCount: 2,
  lastActivityAt: ago(2),
  createdAt: ago(10),
  discussedInMeeting: false,
  ...o,
});

const busy: AgendaInput = {
  ...empty,
  durationMinutes: 90,
  previousMeeting: { id: 'm0', startsAt: ago(28) },
  carryOver: [{ title: 'Weekend chat staffing', kind: 'ISSUE', subject: { type: 'Issue', id: 'i-carry' } }],
  decisions: [
    { proposalId: 'p-late', title: 'Daily refunds', outcome: 'APPROVED', decidedAt: ago(3) },
    { proposalId: 'p-early', title: 'Web price in stores', outcome: 'REJECTED', decidedAt: ago(20) },
  ],
  proposals: [
    { id: 'p-changes', title: 'VAT self-service', status: 'CHANGES_REQUESTED', votingClosesAt: null, regionsVoted: 0, updatedAt: ago(9) },
    { id: 'p-later', title: 'Price match', status: 'VOTING', votingClosesAt: ahead(6), regionsVoted: 3, updatedAt: ago(1) },
    { id: 'p-soon', title: 'Photo claims', status: 'VOTING', votingClosesAt: ahead(1), regionsVoted: 5, updatedAt: ago(2) },
  ],
  issues: [
    issue('narrow', { supportCount: 1, regionCount: 1, lastActivityAt: ago(1) }),
    issue('broad-old', { supportCount: 6, regionCount: 7, lastActivityAt: ago(21), createdAt: ago(90) }),
    issue('broad-new', { supportCount: 6, regionCount: 7, lastActivityAt: ago(1), createdAt: ago(5), discussedInMeeting: true }),
  ],
  overdueRollouts: [{ proposalId: 'p-roll', title: 'Holiday returns', regionNames: ['Benelux', 'UK & Ireland'], dueOn: ago(4) }],
};

describe('generateAgenda', () => {
  it('gives an empty workspace just the fixed opening and closing slots', () => {
    const a = generateAgenda(empty);
    expect(a.scheduled.map((i) => i.kind)).toEqual(['OPENING', 'CLOSING']);
    expect(a.scheduled[0].reason.key).toBe('meetings.reason.firstOpening');
    expect(a.unscheduled).toEqual([]);
    expect(a.totalMinutes).toBe(10);
  });

  it('orders candidates: carry-over, report-backs (oldest first), proposals (soonest deadline first), issues by score, overdue rollouts', () => {
    const a = generateAgenda({ ...busy, durationMinutes: 600 });
    expect(a.scheduled.map((i) => `${i.kind}:${i.subject?.id ?? ''}`)).toEqual([
      'OPENING:m0',
      'CARRY_OVER:i-carry',
      'REPORT_BACK:p-early',
      'REPORT_BACK:p-late',
      'PROPOSAL:p-soon',
      'PROPOSAL:p-later',
      'PROPOSAL:p-changes',
      'ISSUE:broad-old',
      'ISSUE:broad-new',
      'ISSUE:narrow',
      'ROLLOUT:p-roll',
      'CLOSING:',
    ]);
    expect(a.unscheduled).toEqual([]);
  });

  it('explains every item with a reason and its figures', () => {
    const a = generateAgenda({ ...busy, durationMinutes: 600 });
    const byId = new Map(a.scheduled.map((i) => [i.kind === 'OPENING' ? 'OPENING' : (i.subject?.id ?? i.kind), i.reason]));
    expect(byId.get('broad-old')).toEqual({ key: 'meetings.reason.issueUndiscussed', params: { supporters: 6, regions: 7, totalRegions: 8, days: 21, age: 90 } });
    expect(byId.get('narrow')?.key).toBe('meetings.reason.issueActive');
    expect(byId.get('p-soon')).toEqual({ key: 'meetings.reason.proposalVoting', params: { date: ahead(1).toISOString(), regionsVoted: 5, totalRegions: 8 } });
    expect(byId.get('p-roll')?.params).toMatchObject({ regions: 'Benelux, UK & Ireland', count: 2 });
    expect(byId.get('OPENING')).toEqual({ key: 'meetings.reason.opening', params: { date: ago(28).toISOString() } });
    expect(a.scheduled.every((i) => i.reason.key.startsWith('meetings.reason.'))).toBe(true);
  });

  it('fills the duration in priority order and lists the rest as unscheduled', () => {
    // 90 minutes: 5 + 5 fixed; then 10, 5, 5, 15, 15, 15, 10 (75 of 80); two issues of 10 do not
    // fit, the 5-minute overdue rollout after them still does.
    const a = generateAgenda(busy);
    expect(a.totalMinutes).toBe(90);
    expect(a.scheduled.map((i) => i.subject?.id ?? i.kind)).toEqual(['m0', 'i-carry', 'p-early', 'p-late', 'p-soon', 'p-later', 'p-changes', 'broad-old', 'p-roll', 'CLOSING']);
    expect(a.unscheduled.map((i) => i.subject?.id)).toEqual(['broad-new', 'narrow']);
  });

  it('schedules only the fixed slots when the meeting is too short for anything else', () => {
    const a = generateAgenda({ ...busy, durationMinutes: 12 });
    expect(a.scheduled.map((i) => i.kind)).toEqual(['OPENING', 'CLOSING']);
    expect(a.unscheduled).toHaveLength(10);
  });

  it('uses configured time boxes', () => {
    const a = generateAgenda({ ...busy, durationMinutes: 40, timeboxes: { OPENING: 2, CLOSING: 3, CARRY_OVER: 35 } });
    expect(a.scheduled.map((i) => [i.kind, i.minutes])).toEqual([['OPENING', 2], ['CARRY_OVER', 35], ['CLOSING', 3]]);
  });

  it('is the same for the same data', () => {
    expect(generateAgenda(busy)).toEqual(generateAgenda(structuredClone(busy)));
  });

  it('lets an old, widely shared, undiscussed issue rise above a fresh one', () => {
    const old = issue('old', { supportCount: 4, regionCount: 6, lastActivityAt: ago(40), createdAt: ago(100) });
    const fresh = issue('fresh', { supportCount: 4, regionCount: 6, lastActivityAt: ago(40), createdAt: ago(41), discussedInMeeting: true });
    expect(agendaIssueScore(old, 8, now)).toBeGreaterThan(agendaIssueScore(fresh, 8, now));
  });

  it('lists a subject once, in its highest-priority slot', () => {
    const a = generateAgenda({
      ...busy,
      durationMinutes: 600,
      carryOver: [{ title: 'Price match', kind: 'PROPOSAL', subject: { type: 'Proposal', id: 'p-later' } }],
      decisions: [{ proposalId: 'p-changes', title: 'VAT self-service', outcome: 'CHANGES_REQUESTED', decidedAt: ago(3) }],
    });
    const ids = a.scheduled.map((i) => `${i.kind}:${i.subject?.id ?? ''}`);
    expect(ids.filter((x) => x.endsWith(':p-later'))).toEqual(['CARRY_OVER:p-later']);
    expect(ids.filter((x) => x.endsWith(':p-changes'))).toEqual(['REPORT_BACK:p-changes']);
  });

  it('proposes overdue questions to departments before the issues, one item per issue naming every department', () => {
    const a = generateAgenda({
      ...busy,
      durationMinutes: 600,
      overdueReferrals: [
        { issueId: 'broad-old', title: 'Issue broad-old', department: 'Logistics', dueOn: ago(2) },
        { issueId: 'narrow', title: 'Issue narrow', department: 'Billing', dueOn: ago(6) },
        { issueId: 'broad-old', title: 'Issue broad-old', department: 'Billing', dueOn: ago(5) },
      ],
    });
    const kinds = a.scheduled.map((i) => `${i.kind}:${i.subject?.id ?? ''}`);
    expect(kinds.filter((k) => k.startsWith('REFERRAL'))).toEqual(['REFERRAL:narrow', 'REFERRAL:broad-old']);
    // The issue is there once, as the question waiting, not again as an issue.
    expect(kinds.filter((k) => k.endsWith(':broad-old'))).toEqual(['REFERRAL:broad-old']);
    expect(kinds.indexOf('REFERRAL:narrow')).toBeLessThan(kinds.indexOf('ISSUE:broad-new'));
    const broad = a.scheduled.find((i) => i.kind === 'REFERRAL' && i.subject?.id === 'broad-old')!;
    expect(broad.reason).toEqual({ key: 'meetings.reason.referralOverdue', params: { date: ago(5).toISOString(), departments: 'Billing, Logistics', count: 2 } });
    expect(broad.minutes).toBe(5);
  });

  it('reports a vote closing before the meeting as closed, not as open', () => {
    const proposal = (id: string, closes: Date) => ({ id, title: id, status: 'VOTING' as const, votingClosesAt: closes, regionsVoted: 3, updatedAt: ago(1) });
    const a = generateAgenda({ ...empty, durationMinutes: 200, startsAt: ahead(4), proposals: [proposal('p-before', ahead(2)), proposal('p-after', ahead(6))] });
    const reasons = Object.fromEntries(a.scheduled.filter((i) => i.kind === 'PROPOSAL').map((i) => [i.subject!.id, i.reason]));
    expect(reasons['p-before']).toEqual({ key: 'meetings.reason.proposalClosedBefore', params: { date: ahead(2).toISOString() } });
    expect(reasons['p-after'].key).toBe('meetings.reason.proposalVoting');
  });

  it('proposes at most ten issues', () => {
    const many = Array.from({ length: 25 }, (_, i) => issue(`i${i}`));
    const a = generateAgenda({ ...empty, durationMinutes: 1000, issues: many });
    expect(a.scheduled.filter((i) => i.kind === 'ISSUE')).toHaveLength(10);
  });
});
