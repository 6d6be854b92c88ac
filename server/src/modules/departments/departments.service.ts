// Departments and referrals: admins keep the departments and their contacts; coordinators and
// facilitators refer an issue to a department with a question (and a due date); a contact
// answers on the issue; a facilitator closes it. Every change is audited and tells the people
// concerned (notify, in the same transaction). A referral's row is taken before it is decided on,
// so an answer and a close that race are applied one after the other.
import { departmentSchema, referralAnswerSchema, referralSchema } from '@council/shared';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { lockRow, lockRows } from '../../db/locks.js';
import type { Em } from '../../db/orm.js';
import { InvalidInput, NotFound } from '../../errors.js';
import { parseInput } from '../../validation.js';
import { audit } from '../audit/audit.service.js';
import { Issue } from '../issues/issues.entity.js';
import { conversationOf, issueFollowers } from '../notifications/audiences.js';
import { notify } from '../notifications/notify.js';
import { User } from '../people/people.entity.js';
import { Department, DepartmentContact, Referral } from './departments.entity.js';
import { departmentPolicy } from './departments.policy.js';
import { isContactOf } from './departments.query.js';

export interface DepartmentData {
  name?: string | null;
  contactIds?: readonly string[] | null;
}

const nameTaken = () => new InvalidInput({ name: 'departments.validation.departmentName.taken' });

/** Creates a department with its contacts (who get the role DEPARTMENT_CONTACT). */
export async function createDepartment(em: Em, actor: User, input: DepartmentData & { name: string }, now = new Date()): Promise<Department> {
  departmentPolicy.authorize(actor, 'manage');
  const { name } = parseInput(departmentSchema, { name: input.name });
  try {
    return await em.transactional(async (tx) => {
      if (await tx.count(Department, { name })) throw nameTaken();
      const department = tx.create(Department, { name, createdAt: now });
      await tx.flush();
      const contacts = await setContacts(tx, department, input.contactIds ?? [], now);
      audit(tx, { actor, action: 'department.created', subject: department, after: { name, contacts }, at: now });
      return department;
    });
  } catch (error) {
    // Two admins creating the same name at once: the unique index decides.
    if (error instanceof UniqueConstraintViolationException) throw nameTaken();
    throw error;
  }
}

/** Renames a department and/or replaces its contacts (null: unchanged). */
export async function updateDepartment(em: Em, actor: User, departmentId: string, input: DepartmentData, now = new Date()): Promise<Department> {
  departmentPolicy.authorize(actor, 'manage');
  const name = input.name == null ? null : parseInput(departmentSchema, { name: input.name }).name;
  try {
    return await em.transactional(async (tx) => {
      const department = await lockRow(tx, Department, departmentId);
      if (!department) throw new NotFound();
      const before: Record<string, unknown> = {};
      const after: Record<string, unknown> = {};
      if (name != null && name !== department.name) {
        if (await tx.count(Department, { name })) throw nameTaken();
        before.name = department.name;
        after.name = name;
        department.name = name;
      }
      if (input.contactIds != null) {
        const previous = (await tx.find(DepartmentContact, { department: department.id }, { fields: ['user'] })).map((c) => c.user.id).sort();
        const contacts = await setContacts(tx, department, input.contactIds, now);
        if (previous.join() !== contacts.join()) {
          before.contacts = previous;
          after.contacts = contacts;
        }
      }
      if (Object.keys(after).length) audit(tx, { actor, action: 'department.updated', subject: department, before, after, at: now });
      return department;
    });
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException) throw nameTaken();
    throw error;
  }
}

/**
 * Makes exactly these people the department's contacts, and gives each the role
 * DEPARTMENT_CONTACT (their rows taken first: a concurrent change of their roles is not lost).
 * A person taken off keeps their roles; an admin changes them on the people page.
 */
async function setContacts(tx: Em, department: Department, contactIds: readonly string[], now: Date): Promise<string[]> {
  const ids = [...new Set(contactIds)].sort();
  const people = await lockRows(tx, User, ids);
  if (people.length !== ids.length || people.some((p) => !p.active)) throw new InvalidInput({ contactIds: 'departments.validation.contacts.unknown' });
  await tx.nativeDelete(DepartmentContact, { department: department.id, user: { $nin: ids } });
  if (ids.length) {
    await tx
      .createQueryBuilder(DepartmentContact)
      .insert(ids.map((user) => ({ id: randomUUID(), department: department.id, user, createdAt: now })))
      .onConflict(['department', 'user'])
      .ignore()
      .execute('run');
  }
  for (const person of people) if (!person.roles.includes('DEPARTMENT_CONTACT')) person.roles = [...person.roles, 'DEPARTMENT_CONTACT'];
  return ids;
}

export interface ReferData {
  issueId: string;
  departmentId: string;
  question: string;
  dueOn?: Date | null;
}

/** Refers an issue to a department with a question; its contacts are told (and mailed). */
export async function referIssue(em: Em, actor: User, input: ReferData, now = new Date()): Promise<Referral> {
  const data = parseInput(referralSchema, { question: input.question, dueOn: input.dueOn });
  if (data.dueOn && data.dueOn.getTime() <= now.getTime()) throw new InvalidInput({ dueOn: 'departments.validation.dueOn.past' });
  return em.transactional(async (tx) => {
    // The issue's row first: a merge or a close that wins it leaves nothing to refer.
    const issue = await lockRow(tx, Issue, input.issueId);
    if (!issue) throw new NotFound();
    departmentPolicy.authorize(actor, 'refer', issue);
    const department = await tx.findOne(Department, input.departmentId);
    if (!department) throw new NotFound();
    const referral = tx.create(Referral, {
      issue,
      department,
      question: data.question,
      answer: null,
      status: 'OPEN',
      dueOn: data.dueOn ?? null,
      referredBy: actor,
      createdAt: now,
    });
    issue.lastActivityAt = now;
    audit(tx, { actor, action: 'referral.created', subject: referral, after: { issue: issue.id, department: department.id, question: data.question, dueOn: data.dueOn?.toISOString() ?? null }, at: now });
    const contacts = await tx.find(DepartmentContact, { department: department.id }, { fields: ['user'] });
    await notify(tx, {
      actor,
      subject: { type: 'Issue', id: issue.id },
      params: { title: issue.title, department: department.name, actor: actor.name, ...(data.dueOn ? { date: data.dueOn.toISOString() } : {}) },
      audiences: [{ kind: 'REFERRAL_RECEIVED', userIds: contacts.map((c) => c.user.id), messageKey: data.dueOn ? 'departments.message.receivedDue' : 'departments.message.received' }],
      at: now,
    });
    return referral;
  });
}

/** A contact of the department answers (or corrects the answer); the issue's people are told. */
export async function answerReferral(em: Em, actor: User, referralId: string, answer: string, now = new Date()): Promise<Referral> {
  const data = parseInput(referralAnswerSchema, { answer });
  return em.transactional(async (tx) => {
    const referral = await lockRow(tx, Referral, referralId);
    if (!referral) throw new NotFound();
    const isContact = await isContactOf(tx, actor.id, referral.department.id);
    departmentPolicy.authorize(actor, 'answer', { referral, isContact });
    const before = { status: referral.status, answer: referral.answer ?? null };
    referral.answer = data.answer;
    referral.answeredBy = actor;
    referral.answeredAt = now;
    referral.status = 'ANSWERED';
    await tx.nativeUpdate(Issue, { id: referral.issue.id }, { lastActivityAt: now });
    audit(tx, { actor, action: 'referral.answered', subject: referral, before, after: { status: 'ANSWERED', answer: data.answer }, at: now });
    const issue = await tx.findOneOrFail(Issue, referral.issue.id, { fields: ['title'] });
    const department = await tx.findOneOrFail(Department, referral.department.id);
    await notify(tx, {
      actor,
      subject: { type: 'Issue', id: issue.id },
      params: { title: issue.title, department: department.name, actor: actor.name },
      audiences: [
        {
          kind: 'REFERRAL_ANSWERED',
          userIds: [referral.referredBy.id, ...(await issueFollowers(tx, issue.id)), ...(await conversationOf(tx, { type: 'Issue', id: issue.id }))],
          messageKey: before.status === 'ANSWERED' ? 'departments.message.answerChanged' : 'departments.message.answered',
        },
      ],
      at: now,
    });
    return referral;
  });
}

/** A facilitator closes a referral: answered, or no longer needed. */
export async function closeReferral(em: Em, actor: User, referralId: string, now = new Date()): Promise<Referral> {
  return em.transactional(async (tx) => {
    const referral = await lockRow(tx, Referral, referralId);
    if (!referral) throw new NotFound();
    departmentPolicy.authorize(actor, 'close', referral);
    audit(tx, { actor, action: 'referral.closed', subject: referral, before: { status: referral.status }, after: { status: 'CLOSED' }, at: now });
    referral.status = 'CLOSED';
    referral.closedBy = actor;
    referral.closedAt = now;
    return referral;
  });
}
