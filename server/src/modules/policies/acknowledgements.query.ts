// The register's recurring questions about acknowledgements, each a fixed number of statements:
// who must confirm (policies.policy's answer over the active people of a region), who confirmed
// which version, which policies a person has still to confirm, and which regions are behind.
import type { Em } from '../../db/orm.js';
import { User } from '../people/people.entity.js';
import { Policy, PolicyAcknowledgement, PolicyVersion } from './policies.entity.js';
import { mustAcknowledge } from './policies.policy.js';

const DAY = 86_400_000;
/** Reminders go to those who have not confirmed a version this many days after it was adopted. */
export const ACK_REMINDER_DAYS = [3, 7] as const;
/** A region is behind when a version older than this many days misses confirmations there. */
export const BEHIND_AFTER_DAYS = ACK_REMINDER_DAYS[0];

/** Everyone each new version asks to confirm, by name. */
export async function acknowledgers(em: Em): Promise<User[]> {
  const people = await em.find(User, { active: true, region: { $ne: null } }, { orderBy: { name: 'asc', id: 'asc' } });
  return people.filter(mustAcknowledge);
}

export interface VersionKey {
  policyId: string;
  version: number;
}

export const versionKey = (k: VersionKey) => `${k.policyId}:${k.version}`;

/** The acknowledgements of these policy versions, earliest first. */
export function acknowledgementsOf(em: Em, keys: readonly VersionKey[]): Promise<PolicyAcknowledgement[]> {
  if (keys.length === 0) return Promise.resolve([]);
  return em.find(
    PolicyAcknowledgement,
    { $or: keys.map((k) => ({ policy: k.policyId, version: k.version })) },
    { orderBy: { at: 'asc', id: 'asc' } },
  );
}

/** Policies whose current version `user` has not confirmed, most recently changed first. */
export function policiesToConfirm(em: Em, user: User): Promise<Policy[]> {
  const meta = em.getMetadata().get(PolicyAcknowledgement.name);
  return em
    .createQueryBuilder(Policy, 'p')
    .select('*')
    .where({ currentVersion: { $gt: 0 } })
    .andWhere(`not exists (select 1 from ${meta.tableName} a where a.policy_id = p.id and a.user_id = ? and a.version = p.current_version)`, [user.id])
    .orderBy({ updatedAt: 'desc', id: 'asc' })
    .getResult();
}

export interface RegionTally<R, U> {
  region: R;
  acknowledgedBy: U[];
  missing: U[];
}

/**
 * Who has and who has not confirmed, per region (regions without anyone to ask left out), in the
 * order of `regions`; people by name.
 */
export function tallyByRegion<R extends { id: string }>(regions: readonly R[], people: readonly User[], acknowledged: ReadonlySet<string>): RegionTally<R, User>[] {
  return regions
    .map((region) => {
      const here = people.filter((u) => u.region?.id === region.id);
      return { region, acknowledgedBy: here.filter((u) => acknowledged.has(u.id)), missing: here.filter((u) => !acknowledged.has(u.id)) };
    })
    .filter((r) => r.acknowledgedBy.length + r.missing.length > 0);
}

export interface RegionBehind {
  regionId: string;
  /** Confirmations missing (person × policy). */
  missing: number;
  /** People of the region with at least one confirmation missing. */
  people: number;
  /** Policies with at least one confirmation missing in the region. */
  policies: number;
}

/**
 * Regions with confirmations missing on versions adopted more than BEHIND_AFTER_DAYS ago, most
 * missing first: three statements, however many policies and people.
 */
export async function regionsBehind(em: Em, now: Date): Promise<RegionBehind[]> {
  const policies = await em.find(Policy, { currentVersion: { $gt: 0 } }, { fields: ['id', 'currentVersion'] });
  const people = await acknowledgers(em);
  if (policies.length === 0 || people.length === 0) return [];
  // The current versions old enough to expect confirmations.
  const versions = await em.find(
    PolicyVersion,
    { $or: policies.map((p) => ({ policy: p.id, version: p.currentVersion })), createdAt: { $lte: new Date(now.getTime() - BEHIND_AFTER_DAYS * DAY) } },
    { fields: ['policy', 'version'] },
  );
  const due = versions.map((v) => ({ policyId: v.policy.id, version: v.version }));
  if (due.length === 0) return [];
  const done = new Set((await acknowledgementsOf(em, due)).map((a) => `${a.policy.id}:${a.user.id}`));
  const byRegion = new Map<string, { missing: number; people: Set<string>; policies: Set<string> }>();
  for (const person of people) {
    for (const { policyId } of due) {
      if (done.has(`${policyId}:${person.id}`)) continue;
      const regionId = person.region!.id;
      const entry = byRegion.get(regionId) ?? { missing: 0, people: new Set<string>(), policies: new Set<string>() };
      entry.missing += 1;
      entry.people.add(person.id);
      entry.policies.add(policyId);
      byRegion.set(regionId, entry);
    }
  }
  return [...byRegion.entries()]
    .map(([regionId, e]) => ({ regionId, missing: e.missing, people: e.people.size, policies: e.policies.size }))
    .sort((a, b) => b.missing - a.missing || a.regionId.localeCompare(b.regionId));
}
