// Other departments in the loop: departments (Billing, Logistics, Product, …) with their contact
// people, and referrals: an issue's question to a department, its answer, and its due date.
import { EntitySchema } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import type { ReferralStatus } from '@council/shared';
import { Issue } from '../issues/issues.entity.js';
import { User } from '../people/people.entity.js';

export class Department {
  id: string = randomUUID();
  name!: string;
  createdAt: Date = new Date();
}

export const DepartmentSchema = new EntitySchema<Department>({
  class: Department,
  tableName: 'department',
  properties: {
    id: { type: 'string', primary: true, length: 36 },
    name: { type: 'string', length: 120, unique: true },
    createdAt: { type: 'datetime' },
  },
});

/** A contact person of a department: sees and answers the referrals to it. */
export class DepartmentContact {
  id: string = randomUUID();
  department!: Department;
  user!: User;
  createdAt: Date = new Date();
}

export const DepartmentContactSchema = new EntitySchema<DepartmentContact>({
  class: DepartmentContact,
  tableName: 'department_contact',
  uniques: [{ properties: ['department', 'user'] }],
  indexes: [{ properties: ['user'] }],
  properties: {
    id: { type: 'string', primary: true, length: 36 },
    department: { kind: 'm:1', entity: () => Department, deleteRule: 'cascade' },
    user: { kind: 'm:1', entity: () => User, deleteRule: 'cascade' },
    createdAt: { type: 'datetime' },
  },
});

/** An issue referred to a department with a question; answered by one of its contacts, closed by a facilitator. */
export class Referral {
  id: string = randomUUID();
  issue!: Issue;
  department!: Department;
  question!: string;
  answer?: string | null;
  status: ReferralStatus = 'OPEN';
  /** The answer is wanted by then; an OPEN referral past it is overdue. */
  dueOn?: Date | null;
  referredBy!: User;
  answeredBy?: User | null;
  answeredAt?: Date | null;
  closedBy?: User | null;
  closedAt?: Date | null;
  createdAt: Date = new Date();
}

export const ReferralSchema = new EntitySchema<Referral>({
  class: Referral,
  tableName: 'referral',
  indexes: [{ properties: ['issue', 'createdAt'] }, { properties: ['department', 'status'] }, { properties: ['status', 'dueOn'] }],
  properties: {
    id: { type: 'string', primary: true, length: 36 },
    issue: { kind: 'm:1', entity: () => Issue, deleteRule: 'cascade' },
    department: { kind: 'm:1', entity: () => Department },
    question: { type: 'text' },
    answer: { type: 'text', nullable: true },
    status: { type: 'string', length: 16 },
    dueOn: { type: 'datetime', nullable: true },
    referredBy: { kind: 'm:1', entity: () => User },
    answeredBy: { kind: 'm:1', entity: () => User, nullable: true },
    answeredAt: { type: 'datetime', nullable: true },
    closedBy: { kind: 'm:1', entity: () => User, nullable: true },
    closedAt: { type: 'datetime', nullable: true },
    createdAt: { type: 'datetime' },
  },
});
