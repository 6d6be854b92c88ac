// The installation-wide abilities: actions that need no subject, each answered by its domain's
// policy. They gate root fields (the `can` auth scope in graphql/builder.ts) and are what
// `User.can` tells the web, which shows a page, a link or a button only when its ability allows.
import type { Refusal } from './policy.js';
import { issuePolicy } from './modules/issues/issues.policy.js';
import { departmentPolicy } from './modules/departments/departments.policy.js';
import { meetingPolicy } from './modules/meetings/meetings.policy.js';
import { peoplePolicy } from './modules/people/people.policy.js';
import type { User } from './modules/people/people.entity.js';
import { proposalPolicy } from './modules/proposals/proposals.policy.js';

export const ABILITIES = {
  readWorkspace: (user: User | null) => departmentPolicy.refusal(user, 'readWorkspace'),
  manageDepartments: (user: User | null) => departmentPolicy.refusal(user, 'manage'),
  raiseIssue: (user: User | null) => issuePolicy.refusal(user, 'raise'),
  mergeDuplicates: (user: User | null) => issuePolicy.refusal(user, 'mergeDuplicates'),
  scheduleMeeting: (user: User | null) => meetingPolicy.refusal(user, 'schedule'),
  setAgendaTimeboxes: (user: User | null) => meetingPolicy.refusal(user, 'setTimeboxes'),
  setVotingRule: (user: User | null) => proposalPolicy.refusal(user, 'setVotingRule'),
  setOutcomeDelay: (user: User | null) => proposalPolicy.refusal(user, 'setOutcomeDelay'),
  viewDecisionQueue: (user: User | null) => proposalPolicy.refusal(user, 'viewDecisionQueue'),
  invitePeople: (user: User | null) => peoplePolicy.refusal(user, 'invite'),
  managePeople: (user: User | null) => peoplePolicy.refusal(user, 'manage'),
  manageReferenceData: (user: User | null) => peoplePolicy.refusal(user, 'manageReferenceData'),
  viewAuditLog: (user: User | null) => peoplePolicy.refusal(user, 'viewAuditLog'),
} satisfies Record<string, (user: User | null) => Refusal | null>;

export type Ability = keyof typeof ABILITIES;

export const ABILITY_NAMES = Object.keys(ABILITIES) as Ability[];
