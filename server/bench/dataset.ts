// The benchmark's workspace, built by bulk insert (no service calls, no per-row statements):
// regions, people, categories, issues with supports and comments whose counters agree with the
// rows (`pnpm council check` finds no drift), proposals in every state with revisions and votes,
// and meetings. Deterministic: the same size gives the same data.
import { Utils } from '@mikro-orm/core';
import { OPEN_PROPOSAL_STATUSES, rankBase, tally } from '@council/shared';
import { randomUUID } from 'node:crypto';
import type { Em } from '../src/db/orm.js';
import { Comment, Issue, Support } from '../src/modules/issues/issues.entity.js';
import { Meeting } from '../src/modules/meetings/meetings.entity.js';
import { hashPassword } from '../src/modules/people/password.js';
import { Category, Region, User } from '../src/modules/people/people.entity.js';
import { Proposal, ProposalRevision, Vote } from '../src/modules/proposals/proposals.entity.js';

export interface Size {
  regions: number;
  people: number;
  issues: number;
  supports: number;
  comments: number;
  proposals: number;
  meetings: number;
}

export const SIZES: Record<'tiny' | 'small' | 'large', Size> = {
  /** For the test that checks the baseline serves the same JSON. */
  tiny: { regions: 6, people: 30, issues: 300, supports: 1_200, comments: 700, proposals: 20, meetings: 4 },
  small: { regions: 12, people: 80, issues: 5_000, supports: 25_000, comments: 15_000, proposals: 200, meetings: 20 },
  /** A big company after some years (or Decidim's Barcelona instance). */
  large: { regions: 50, people: 500, issues: 100_000, supports: 500_000, comments: 300_000, proposals: 5_000, meetings: 500 },
};

export const BENCH_PASSWORD = 'bench-password-long';

export interface Dataset {
  coordinators: { id: string; email: string; regionId: string }[];
  facilitator: { id: string; email: string };
  openIssueIds: string[];
  votingProposalIds: string[];
  plannedMeetingIds: string[];
}

/** mulberry32: a small, fast, seeded generator. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const DAY = 86_400_000;
const WORDS = [
  'refund', 'return', 'voucher', 'carrier', 'invoice', 'warranty', 'delivery', 'exchange', 'discount', 'subscription',
  'Rückgabe', 'Lieferung', 'Rechnung', 'forsendelse', 'returnering', 'devolución', 'envío', 'factura', 'hoàn tiền', 'giao hàng',
];
const ZONES = ['Europe/Copenhagen', 'Europe/Berlin', 'Europe/Madrid', 'Europe/London', 'Asia/Ho_Chi_Minh', 'America/New_York', 'America/Mexico_City', 'UTC'];

/** Rows of one table in statements of `chunk` rows, inside the caller's transaction. */
async function insertAll<T extends object>(em: Em, entity: new () => T, rows: Partial<T>[], chunk = 1_000): Promise<void> {
  for (let i = 0; i < rows.length; i += chunk) await em.insertMany(entity, rows.slice(i, i + chunk) as T[]);
}

export async function buildDataset(em: Em, size: Size, now = new Date()): Promise<Dataset> {
  const rnd = random(20261130);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)];
  const text = (words: number) => Array.from({ length: words }, () => pick(WORDS)).join(' ');
  const past = (maxDays: number) => new Date(now.getTime() - Math.floor(rnd() * maxDays * DAY));
  const passwordHash = await hashPassword(BENCH_PASSWORD);

  const regions: Partial<Region>[] = Array.from({ length: size.regions }, (_, i) => ({
    id: randomUUID(),
    code: `R${i}`,
    name: `Region ${i}`,
    timeZone: ZONES[i % ZONES.length],
    createdAt: new Date(now.getTime() - 1_200 * DAY),
  }));
  const categories: Partial<Category>[] = ['Returns', 'Billing', 'Shipping', 'Pricing', 'Products', 'Training', 'Tools'].map((name, position) => ({
    id: randomUUID(),
    name,
    translations: {},
    position,
    createdAt: new Date(now.getTime() - 1_200 * DAY),
  }));
  const users: Partial<User>[] = [];
  const person = (email: string, roles: User['roles'], regionId: string | null): Partial<User> => ({
    id: randomUUID(),
    email,
    name: `Person ${users.length}`,
    passwordHash,
    roles,
    region: regionId ? (regionId as never) : null,
    locale: pick(['en', 'de', 'da', 'es', 'vi'] as const),
    active: true,
    digestHour: 7,
    createdAt: new Date(now.getTime() - 1_100 * DAY),
  });
  users.push(person('facilitator@bench.test', ['FACILITATOR', 'COORDINATOR'], regions[0].id!));
  users.push(person('executive@bench.test', ['EXECUTIVE'], null));
  users.push(person('admin@bench.test', ['ADMIN'], null));
  for (let i = users.length; i < size.people; i++) users.push(person(`c${i}@bench.test`, ['COORDINATOR'], regions[i % size.regions].id!));
  const coordinators = users.filter((u) => u.roles!.includes('COORDINATOR')).map((u) => ({ id: u.id!, email: u.email!, regionId: u.region as unknown as string }));

  // Issues, then their supports and comments; the counters are what those rows say.
  const issues: Partial<Issue>[] = [];
  const supports: Partial<Support>[] = [];
  const comments: Partial<Comment>[] = [];
  const supportsPerIssue = size.supports / size.issues;
  const commentsPerIssue = size.comments / size.issues;
  for (let i = 0; i < size.issues; i++) {
    const raiser = pick(coordinators);
    const createdAt = past(1_000);
    const id = randomUUID();
    // Skewed: most issues have a few supporters, some many (long tail).
    const wanted = Math.min(coordinators.length - 1, Math.floor(-Math.log(1 - rnd()) * supportsPerIssue));
    const supporters = new Set<number>();
    while (supporters.size < wanted) {
      const k = Math.floor(rnd() * coordinators.length);
      if (coordinators[k].id !== raiser.id) supporters.add(k);
    }
    let lastActivityAt = createdAt;
    const regionsAffected = new Set([raiser.regionId]);
    for (const k of supporters) {
      const at = new Date(createdAt.getTime() + Math.floor(rnd() * (now.getTime() - createdAt.getTime())));
      supports.push({ id: randomUUID(), issue: id as never, user: coordinators[k].id as never, region: coordinators[k].regionId as never, note: null, createdAt: at });
      regionsAffected.add(coordinators[k].regionId);
      if (at > lastActivityAt) lastActivityAt = at;
    }
    const commentCount = Math.floor(-Math.log(1 - rnd()) * commentsPerIssue);
    for (let c = 0; c < commentCount; c++) {
      const at = new Date(createdAt.getTime() + Math.floor(rnd() * (now.getTime() - createdAt.getTime())));
      comments.push({ id: randomUUID(), issue: id as never, proposal: null, author: pick(coordinators).id as never, body: text(12), createdAt: at, editedAt: null });
      if (at > lastActivityAt) lastActivityAt = at;
    }
    const roll = rnd();
    issues.push({
      id,
      title: `${text(4)} ${i}`,
      description: text(40),
      evidence: null,
      category: (rnd() < 0.9 ? pick(categories).id : null) as never,
      status: roll < 0.02 ? 'CLOSED' : supporters.size > 0 || commentCount > 0 ? 'UNDER_DISCUSSION' : 'OPEN',
      raisedBy: raiser.id as never,
      originRegion: raiser.regionId as never,
      mergedInto: null,
      supportCount: supporters.size,
      regionCount: regionsAffected.size,
      commentCount,
      rankBase: rankBase({ supportCount: supporters.size, regionCount: regionsAffected.size, totalRegions: size.regions }),
      createdAt,
      lastActivityAt,
    });
  }

  // Proposals on distinct issues, with votes. A few dozen votes are open at once (one in a hundred
  // proposals, at least 4): votes last days, the proposals years.
  const openVotes = Math.max(4, Math.round(size.proposals / 100));
  const openEvery = Math.max(1, Math.floor(size.proposals / openVotes));
  const proposals: Partial<Proposal>[] = [];
  const revisions: Partial<ProposalRevision>[] = [];
  const votes: Partial<Vote>[] = [];
  const votingProposalIds: string[] = [];
  const statuses = ['DRAFT', 'PASSED', 'FAILED', 'SUBMITTED', 'APPROVED', 'IMPLEMENTED', 'WITHDRAWN'] as const;
  for (let p = 0; p < Math.min(size.proposals, issues.length); p++) {
    const issue = issues[p * Math.floor(issues.length / size.proposals)];
    const status = p % openEvery === 0 ? 'VOTING' : statuses[p % statuses.length];
    const id = randomUUID();
    const createdAt = new Date(issue.createdAt!.getTime() + DAY);
    const author = issue.raisedBy as unknown as string;
    const fields = { title: `Proposal ${p}: ${text(4)}`, currentPolicy: text(30), proposedPolicy: text(30), rationale: text(20), expectedImpact: null, requiresApproval: p % 2 === 0 };
    const voting = status !== 'DRAFT' && status !== 'WITHDRAWN';
    proposals.push({
      id,
      issue: issue.id as never,
      ...fields,
      status,
      author: author as never,
      version: 1,
      policy: null,
      votingOpenedAt: voting ? createdAt : null,
      votingClosesAt: voting ? (status === 'VOTING' ? new Date(now.getTime() + 3 * DAY) : new Date(createdAt.getTime() + 7 * DAY)) : null,
      votingClosedAt: voting && status !== 'VOTING' ? new Date(createdAt.getTime() + 7 * DAY) : null,
      quorum: voting ? 0.5 : null,
      threshold: voting ? 0.5 : null,
      submittedAt: null,
      createdAt,
      updatedAt: createdAt,
    });
    revisions.push({ id: randomUUID(), proposal: id as never, version: 1, ...fields, author: author as never, createdAt });
    if (status === 'VOTING') votingProposalIds.push(id);
    if (voting) {
      const voters = new Set<number>();
      const count = Math.floor(rnd() * Math.min(40, coordinators.length));
      while (voters.size < count) voters.add(Math.floor(rnd() * coordinators.length));
      const cast: Partial<Vote>[] = [...voters].map((k) => ({
        id: randomUUID(),
        proposal: id as never,
        voter: coordinators[k].id as never,
        region: coordinators[k].regionId as never,
        choice: pick(['FOR', 'FOR', 'AGAINST', 'ABSTAIN'] as const),
        reason: null,
        castAt: createdAt,
      }));
      votes.push(...cast);
      // A closed vote's outcome is what its votes say (the integrity check holds the bench to it).
      if (status === 'PASSED' || status === 'FAILED') {
        const passing = tally(cast.map((v) => ({ choice: v.choice!, regionId: v.region as unknown as string })), regions.map((r) => r.id!), 0, { quorum: 0.5, threshold: 0.5 }).passing;
        proposals.at(-1)!.status = passing ? 'PASSED' : 'FAILED';
      }
    }
  }
  // An issue shows PROPOSED while a proposal is in play, RESOLVED once one is implemented.
  const issueById = new Map(issues.map((i) => [i.id!, i]));
  for (const p of proposals) {
    const issue = issueById.get(p.issue as unknown as string)!;
    if (issue.status === 'CLOSED' || issue.status === 'RESOLVED') continue;
    if (p.status === 'IMPLEMENTED') issue.status = 'RESOLVED';
    else if (OPEN_PROPOSAL_STATUSES.includes(p.status!)) issue.status = 'PROPOSED';
  }

  // Meetings: held ones in the past, and planned ones to generate agendas for.
  const facilitator = users[0];
  const meetings: Meeting[] = [];
  const plannedMeetingIds: string[] = [];
  for (let m = 0; m < size.meetings; m++) {
    const planned = m >= size.meetings - Math.max(2, Math.floor(size.meetings / 50));
    const meeting = em.create(
      Meeting,
      {
        title: `Coordinators meeting ${m}`,
        startsAt: planned ? new Date(now.getTime() + (m + 1) * DAY) : new Date(now.getTime() - (size.meetings - m) * 2 * DAY),
        durationMinutes: 90,
        facilitator: facilitator.id as never,
        status: planned ? 'PLANNED' : 'CLOSED',
      } as never,
      { persist: false },
    );
    if (!planned) Object.assign(meeting, { startedAt: meeting.startsAt, closedAt: new Date(meeting.startsAt.getTime() + 90 * 60_000) });
    meetings.push(meeting);
    if (planned) plannedMeetingIds.push(meeting.id);
  }

  await em.transactional(async (tx) => {
    await insertAll(tx, Region, regions);
    await insertAll(tx, Category, categories);
    await insertAll(tx, User, users);
    await insertAll(tx, Issue, issues);
    await insertAll(tx, Support, supports);
    await insertAll(tx, Comment, comments);
    await insertAll(tx, Proposal, proposals);
    await insertAll(tx, ProposalRevision, revisions);
    await insertAll(tx, Vote, votes);
    await insertAll(tx, Meeting, meetings.map((m) => Utils.copy({ ...m }) as Partial<Meeting>));
  });
  return {
    coordinators,
    facilitator: { id: facilitator.id!, email: facilitator.email! },
    openIssueIds: issues.filter((i) => i.status !== 'CLOSED').map((i) => i.id!),
    votingProposalIds,
    plannedMeetingIds,
  };
}
