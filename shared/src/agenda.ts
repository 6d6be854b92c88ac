// The agenda generator (DESIGN.md "Agenda generation"): from what is going on in the workspace,
// a draft agenda that fits the meeting's duration and says for every item why it is there.
// Pure and deterministic: the same input gives the same agenda.
//
// 1. Fixed opening (review of the last minutes) and closing (action items) slots: always on.
// 2. Candidates in priority order: carry-over from the previous meeting, report-backs of
//    management decisions since then, proposals in VOTING (soonest deadline first) or
//    CHANGES_REQUESTED, outcome reviews of implemented changes (the regions' reports are in, the
//    poorest first), overdue referrals to other departments (by issue, oldest due first), open
//    issues by agenda score, rollouts past their due date.
// 3. A subject appears once, in its highest-priority slot.
// 4. Each candidate gets its kind's time box and is scheduled if it still fits (first fit, in
//    priority order); what does not fit is listed as unscheduled, in the same order, to swap in.
import { priorityScore } from './priority.js';

export const AGENDA_ITEM_KINDS = ['OPENING', 'CARRY_OVER', 'REPORT_BACK', 'PROPOSAL', 'ISSUE', 'ROLLOUT', 'OUTCOME_REVIEW', 'REFERRAL', 'OTHER', 'CLOSING'] as const;
export type AgendaItemKind = (typeof AGENDA_ITEM_KINDS)[number];

export type Timeboxes = Record<AgendaItemKind, number>;

/** Default minutes per kind of item; an installation may change them. */
export const DEFAULT_TIMEBOXES: Timeboxes = {
  OPENING: 5,
  CARRY_OVER: 10,
  REPORT_BACK: 5,
  PROPOSAL: 15,
  ISSUE: 10,
  ROLLOUT: 5,
  OUTCOME_REVIEW: 10,
  REFERRAL: 5,
  OTHER: 10,
  CLOSING: 5,
};

/** At most this many issues are proposed (scheduled or not), so the unscheduled list stays useful. */
export const AGENDA_MAX_ISSUES = 10;

export type SubjectType = 'Issue' | 'Proposal' | 'Meeting';

/** Why an item is there: an i18n key under `meetings.reason` and its parameters. */
export interface AgendaReason {
  key: string;
  params: Record<string, string | number>;
}

export interface AgendaCandidate {
  kind: AgendaItemKind;
  /** The subject's title; empty for the fixed slots, which have a `titleKey` instead. */
  title: string;
  titleKey?: string;
  minutes: number;
  subject: { type: SubjectType; id: string } | null;
  reason: AgendaReason;
}

export interface AgendaInput {
  now: Date;
  /** When the meeting starts: a vote closing before then is reported with its result, not debated as open. */
  startsAt?: Date;
  durationMinutes: number;
  timeboxes?: Partial<Timeboxes>;
  previousMeeting: { id: string; startsAt: Date } | null;
  /** Items of the previous meeting not marked done. */
  carryOver: { title: string; kind: AgendaItemKind; subject: { type: SubjectType; id: string } | null }[];
  /** Management decisions since the previous meeting (or ever, for a first meeting). */
  decisions: { proposalId: string; title: string; outcome: string; decidedAt: Date }[];
  proposals: { id: string; title: string; status: 'VOTING' | 'CHANGES_REQUESTED'; votingClosesAt: Date | null; regionsVoted: number; updatedAt: Date }[];
  issues: {
    id: string;
    title: string;
    supportCount: number;
    regionCount: number;
    lastActivityAt: Date;
    createdAt: Date;
    /** Whether it was on the agenda of a meeting already held. */
    discussedInMeeting: boolean;
  }[];
  totalRegions: number;
  overdueRollouts: { proposalId: string; title: string; regionNames: string[]; dueOn: Date }[];
  /** Implemented changes whose outcome reports are in and not yet reviewed in a meeting held. */
  outcomeReviews?: { proposalId: string; title: string; reported: number; poor: number }[];
  /** Questions to other departments still unanswered past their due date (on an issue), oldest due first. */
  overdueReferrals?: { issueId: string; title: string; department: string; dueOn: Date }[];
}

export interface GeneratedAgenda {
  scheduled: AgendaCandidate[];
  unscheduled: AgendaCandidate[];
  totalMinutes: number;
}

const DAY = 86_400_000;
const days = (from: Date, to: Date) => Math.max(0, Math.floor((to.getTime() - from.getTime()) / DAY));
const iso = (d: Date) => d.toISOString();

/**
 * The agenda score of an open issue: its priority score (breadth, supporters, activity) plus an
 * age term for issues never yet discussed in a meeting, so an old, widely shared, undiscussed
 * issue rises: + 4 · regionShare · min(1, age / 60 days).
 */
export function agendaIssueScore(issue: Omit<AgendaInput['issues'][number], 'title'>, totalRegions: number, now: Date): number {
  const base = priorityScore({ ...issue, totalRegions }, now);
  if (issue.discussedInMeeting) return base;
  const share = totalRegions > 0 ? Math.min(1, issue.regionCount / totalRegions) : 0;
  return base + 4 * share * Math.min(1, days(issue.createdAt, now) / 60);
}

function issueReason(issue: AgendaInput['issues'][number], totalRegions: number, now: Date): AgendaReason {
  const quiet = days(issue.lastActivityAt, now);
  const params = { supporters: issue.supportCount, regions: issue.regionCount, totalRegions, days: quiet, age: days(issue.createdAt, now) };
  if (!issue.discussedInMeeting && params.age >= 30) return { key: 'meetings.reason.issueUndiscussed', params };
  return { key: quiet >= 7 ? 'meetings.reason.issueQuiet' : 'meetings.reason.issueActive', params };
}

/** Key of the reason of a proposal whose vote closes before the meeting; its result is added when read. */
export const PROPOSAL_CLOSED_BEFORE = 'meetings.reason.proposalClosedBefore';

function proposalReason(p: AgendaInput['proposals'][number], input: AgendaInput): AgendaReason {
  if (p.status !== 'VOTING' || !p.votingClosesAt) return { key: 'meetings.reason.proposalChanges', params: {} };
  if (input.startsAt && p.votingClosesAt.getTime() <= input.startsAt.getTime()) return { key: PROPOSAL_CLOSED_BEFORE, params: { date: iso(p.votingClosesAt) } };
  return { key: 'meetings.reason.proposalVoting', params: { date: iso(p.votingClosesAt), regionsVoted: p.regionsVoted, totalRegions: input.totalRegions } };
}

/**
 * The issues the agenda proposes: the AGENDA_MAX_ISSUES best by agenda score (older first, then id,
 * on a tie), best first. The server asks it too, to load the titles of these issues only.
 */
export function topAgendaIssues<I extends Omit<AgendaInput['issues'][number], 'title'>>(issues: readonly I[], totalRegions: number, now: Date): I[] {
  return issues
    .map((issue) => ({ issue, score: agendaIssueScore(issue, totalRegions, now) }))
    .sort((a, b) => b.score - a.score || a.issue.createdAt.getTime() - b.issue.createdAt.getTime() || a.issue.id.localeCompare(b.issue.id))
    .slice(0, AGENDA_MAX_ISSUES)
    .map(({ issue }) => issue);
}

/** All candidates in priority order, with time boxes and reasons (before fitting). */
export function agendaCandidates(input: AgendaInput): { opening: AgendaCandidate; closing: AgendaCandidate; ranked: AgendaCandidate[] } {
  const box = { ...DEFAULT_TIMEBOXES, ...input.timeboxes };
  const since = input.previousMeeting ? { date: iso(input.previousMeeting.startsAt) } : null;
  const opening: AgendaCandidate = {
    kind: 'OPENING',
    title: '',
    titleKey: since ? 'meetings.fixed.opening' : 'meetings.fixed.firstOpening',
    minutes: box.OPENING,
    subject: input.previousMeeting ? { type: 'Meeting', id: input.previousMeeting.id } : null,
    reason: since ? { key: 'meetings.reason.opening', params: since } : { key: 'meetings.reason.firstOpening', params: {} },
  };
  const closing: AgendaCandidate = {
    kind: 'CLOSING',
    title: '',
    titleKey: 'meetings.fixed.closing',
    minutes: box.CLOSING,
    subject: null,
    reason: { key: 'meetings.reason.closing', params: {} },
  };

  const carry = input.carryOver.map<AgendaCandidate>((c) => ({
    kind: 'CARRY_OVER',
    title: c.title,
    minutes: box.CARRY_OVER,
    subject: c.subject,
    reason: { key: 'meetings.reason.carryOver', params: { date: since?.date ?? '' } },
  }));

  const decisions = [...input.decisions]
    .sort((a, b) => a.decidedAt.getTime() - b.decidedAt.getTime() || a.proposalId.localeCompare(b.proposalId))
    .map<AgendaCandidate>((d) => ({
      kind: 'REPORT_BACK',
      title: d.title,
      minutes: box.REPORT_BACK,
      subject: { type: 'Proposal', id: d.proposalId },
      reason: { key: 'meetings.reason.reportBack', params: { outcome: d.outcome, date: iso(d.decidedAt) } },
    }));

  const far = Number.MAX_SAFE_INTEGER;
  const proposals = [...input.proposals]
    .sort(
      (a, b) =>
        (a.votingClosesAt?.getTime() ?? far) - (b.votingClosesAt?.getTime() ?? far) ||
        a.updatedAt.getTime() - b.updatedAt.getTime() ||
        a.id.localeCompare(b.id),
    )
    .map<AgendaCandidate>((p) => ({
      kind: 'PROPOSAL',
      title: p.title,
      minutes: box.PROPOSAL,
      subject: { type: 'Proposal', id: p.id },
      reason: proposalReason(p, input),
    }));

  const issues = topAgendaIssues(input.issues, input.totalRegions, input.now)
    .map<AgendaCandidate>((issue) => ({
      kind: 'ISSUE',
      title: issue.title,
      minutes: box.ISSUE,
      subject: { type: 'Issue', id: issue.id },
      reason: issueReason(issue, input.totalRegions, input.now),
    }));

  const rollouts = [...input.overdueRollouts]
    .sort((a, b) => a.dueOn.getTime() - b.dueOn.getTime() || a.proposalId.localeCompare(b.proposalId))
    .map<AgendaCandidate>((r) => ({
      kind: 'ROLLOUT',
      title: r.title,
      minutes: box.ROLLOUT,
      subject: { type: 'Proposal', id: r.proposalId },
      reason: { key: 'meetings.reason.rolloutOverdue', params: { date: iso(r.dueOn), regions: r.regionNames.join(', '), count: r.regionNames.length } },
    }));

  const reviews = [...(input.outcomeReviews ?? [])]
    .sort((a, b) => b.poor - a.poor || b.reported - a.reported || a.proposalId.localeCompare(b.proposalId))
    .map<AgendaCandidate>((o) => ({
      kind: 'OUTCOME_REVIEW',
      title: o.title,
      minutes: box.OUTCOME_REVIEW,
      subject: { type: 'Proposal', id: o.proposalId },
      reason: { key: o.poor > 0 ? 'meetings.reason.outcomePoor' : 'meetings.reason.outcomeReview', params: { reported: o.reported, poor: o.poor, totalRegions: input.totalRegions } },
    }));

  // Several overdue questions on one issue are one item: the departments named together.
  const referralsByIssue = new Map<string, { title: string; departments: string[]; dueOn: Date }>();
  for (const r of [...(input.overdueReferrals ?? [])].sort((a, b) => a.dueOn.getTime() - b.dueOn.getTime() || a.issueId.localeCompare(b.issueId))) {
    const entry = referralsByIssue.get(r.issueId);
    if (entry) {
      if (!entry.departments.includes(r.department)) entry.departments.push(r.department);
    } else referralsByIssue.set(r.issueId, { title: r.title, departments: [r.department], dueOn: r.dueOn });
  }
  const referrals = [...referralsByIssue].map<AgendaCandidate>(([issueId, r]) => ({
    kind: 'REFERRAL',
    title: r.title,
    minutes: box.REFERRAL,
    subject: { type: 'Issue', id: issueId },
    reason: { key: 'meetings.reason.referralOverdue', params: { date: iso(r.dueOn), departments: r.departments.join(', '), count: r.departments.length } },
  }));

  // A subject appears once, in its highest-priority slot (a carried-over proposal that was also
  // decided is a carry-over, not a second item; an issue waiting on an overdue answer is that item).
  const seen = new Set<string>();
  const ranked = [...carry, ...decisions, ...proposals, ...reviews, ...referrals, ...issues, ...rollouts].filter((c) => {
    if (!c.subject) return true;
    const key = `${c.subject.type}:${c.subject.id}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return { opening, closing, ranked };
}

/** The draft agenda: fixed slots first and last, candidates first-fit in priority order. */
export function generateAgenda(input: AgendaInput): GeneratedAgenda {
  const { opening, closing, ranked } = agendaCandidates(input);
  let left = input.durationMinutes - opening.minutes - closing.minutes;
  const scheduled: AgendaCandidate[] = [];
  const unscheduled: AgendaCandidate[] = [];
  for (const item of ranked) {
    if (item.minutes <= left) {
      scheduled.push(item);
      left -= item.minutes;
    } else {
      unscheduled.push(item);
    }
  }
  const all = [opening, ...scheduled, closing];
  return { scheduled: all, unscheduled, totalMinutes: all.reduce((s, i) => s + i.minutes, 0) };
}
