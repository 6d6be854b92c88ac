// The audit log's readable values and action families.
import { describe, expect, it } from 'vitest';
import { actionFamily, changedFields, familiesOf, formatValue, localId, withSubjectNames, type ValueLabels } from './auditFormat';

const labels: ValueLabels = {
  none: '(none)',
  yes: 'yes',
  no: 'no',
  role: (r) => ({ COORDINATOR: 'Coordinator', FACILITATOR: 'Facilitator' })[r] ?? null,
  region: (r) => ({ NORD: 'Nordics' })[r] ?? null,
  named: (id) => ({ '6f1c2a8e-1111-4a2b-9c3d-000000000001': 'Nordics', '6f1c2a8e-1111-4a2b-9c3d-000000000002': 'Ana Ruiz' })[id] ?? null,
  status: (s) => ({ VOTING: 'Voting' })[s] ?? null,
  language: (l) => ({ da: 'Dansk' })[l] ?? null,
  dateTime: (iso) => `at ${iso.slice(0, 10)}`,
};

describe('formatValue', () => {
  it('names roles, regions (by id or code), people, statuses and languages', () => {
    expect(formatValue('roles', '["COORDINATOR","FACILITATOR"]', labels)).toBe('Coordinator, Facilitator');
    expect(formatValue('region', '6f1c2a8e-1111-4a2b-9c3d-000000000001', labels)).toBe('Nordics');
    expect(formatValue('owner', '6f1c2a8e-1111-4a2b-9c3d-000000000002', labels)).toBe('Ana Ruiz');
    expect(formatValue('region', 'NORD', labels)).toBe('Nordics');
    expect(formatValue('status', 'VOTING', labels)).toBe('Voting');
    expect(formatValue('locale', 'da', labels)).toBe('Dansk');
  });

  it('keeps what it does not know as it was recorded', () => {
    expect(formatValue('roles', '["AUDITOR"]', labels)).toBe('AUDITOR');
    expect(formatValue('region', 'gone-region', labels)).toBe('gone-region');
    expect(formatValue('item', '6f1c2a8e-1111-4a2b-9c3d-00000000ffff', labels)).toBe('6f1c2a8e-1111-4a2b-9c3d-00000000ffff');
    expect(formatValue('name', 'Ana Ruiz', labels)).toBe('Ana Ruiz');
    expect(formatValue('note', '[not json', labels)).toBe('[not json');
  });

  it('says yes/no, (none), dates, and objects field by field', () => {
    expect(formatValue('active', 'false', labels)).toBe('no');
    expect(formatValue('active', 'true', labels)).toBe('yes');
    expect(formatValue('region', null, labels)).toBe('(none)');
    expect(formatValue('roles', '[]', labels)).toBe('(none)');
    expect(formatValue('closesAt', '2026-12-01T16:00:00.000Z', labels)).toBe('at 2026-12-01');
    expect(formatValue('translations', '{"de":"Rückgaben","da":"Returneringer"}', labels)).toBe('de: Rückgaben, da: Returneringer');
    expect(formatValue('sessions', '2', labels)).toBe('2');
  });

  it("reads a department's and a referral's recorded values: contacts and departments by name, the due date, the status", () => {
    const departmentLabels: ValueLabels = {
      ...labels,
      named: (id) => ({ '6f1c2a8e-1111-4a2b-9c3d-000000000002': 'Ana Ruiz', '6f1c2a8e-1111-4a2b-9c3d-000000000003': 'Billing' })[id] ?? null,
      status: (s) => ({ OPEN: 'Waiting for an answer', ANSWERED: 'Answered' })[s] ?? null,
    };
    expect(formatValue('contacts', '["6f1c2a8e-1111-4a2b-9c3d-000000000002"]', departmentLabels)).toBe('Ana Ruiz');
    expect(formatValue('contacts', '[]', departmentLabels)).toBe('(none)');
    expect(formatValue('department', '6f1c2a8e-1111-4a2b-9c3d-000000000003', departmentLabels)).toBe('Billing');
    expect(formatValue('dueOn', '2026-12-12T22:59:59.000Z', departmentLabels)).toBe('at 2026-12-12');
    expect(formatValue('dueOn', null, departmentLabels)).toBe('(none)');
    expect(formatValue('status', 'ANSWERED', departmentLabels)).toBe('Answered');
    expect(formatValue('answer', 'Refunds reach the provider in **2 days**.', departmentLabels)).toBe('Refunds reach the provider in **2 days**.');
  });

  it('shortens very long values', () => {
    const text = formatValue('body', 'x'.repeat(1000), labels);
    expect(text).toHaveLength(300);
    expect(text.endsWith('…')).toBe(true);
  });
});

describe('localId', () => {
  it('reads the row id out of a global id, and leaves anything else as it is', () => {
    expect(localId(btoa('Region:6f1c2a8e-1111-4a2b-9c3d-000000000001'))).toBe('6f1c2a8e-1111-4a2b-9c3d-000000000001');
    expect(localId('not base64!')).toBe('not base64!');
  });
});

describe('changedFields', () => {
  it('keeps changed and recorded-once fields, drops those repeated unchanged', () => {
    const changes = [
      { field: 'title', before: 'Old', after: 'New' },
      { field: 'minutes', before: '5', after: '5' },
      { field: 'item', before: null, after: 'x' },
      { field: 'note', before: 'gone', after: null },
    ];
    expect(changedFields(changes).map((c) => c.field)).toEqual(['title', 'item', 'note']);
  });
});

describe('action families', () => {
  it('takes the part before the dot, once per family', () => {
    expect(actionFamily('user.rolesChanged')).toBe('user');
    expect(actionFamily('proposal.changes_requested')).toBe('proposal');
    expect(familiesOf(['comment.added', 'comment.edited', 'user.created', 'user.signedIn', 'odd'])).toEqual(['comment', 'user']);
  });
});

describe('withSubjectNames', () => {
  const issueId = '6f1c2a8e-1111-4a2b-9c3d-0000000000aa';
  const gidOf = (type: string, id: string) => btoa(`${type}:${id}`);

  it("names a referral's issue by its title, as the event's subject holds it", () => {
    const subject = { id: gidOf('Referral', '6f1c2a8e-1111-4a2b-9c3d-0000000000bb'), issue: { id: gidOf('Issue', issueId), title: 'Refund reminders' } };
    expect(formatValue('issue', issueId, labels)).toBe(issueId);
    expect(formatValue('issue', issueId, withSubjectNames(labels, subject))).toBe('Refund reminders');
  });

  it('names the subject itself, keeps the names the page knows first, and changes nothing without a subject', () => {
    const named = withSubjectNames(labels, { id: gidOf('Issue', issueId), title: 'Parcel lockers' });
    expect(formatValue('into', issueId, named)).toBe('Parcel lockers');
    expect(formatValue('owner', '6f1c2a8e-1111-4a2b-9c3d-000000000002', named)).toBe('Ana Ruiz');
    expect(withSubjectNames(labels, null)).toBe(labels);
  });
});
