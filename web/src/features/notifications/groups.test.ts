import { describe, expect, it } from 'vitest';
import { groupBySubject } from './groups';

const meeting = (id: string) => ({ __typename: 'Meeting', id });
const issue = (id: string) => ({ __typename: 'Issue', id });

describe('groupBySubject', () => {
  it('puts notifications about one subject together, newest group first, and leaves those without a subject alone', () => {
    const list = [
      { id: 'n6', subject: meeting('m1') },
      { id: 'n5', subject: null },
      { id: 'n4', subject: issue('i1') },
      { id: 'n3', subject: meeting('m1') },
      { id: 'n2', subject: null },
      { id: 'n1', subject: issue('m1') },
    ];
    const groups = groupBySubject(list);
    expect(groups.map((g) => [g.key, g.notifications.map((n) => n.id)])).toEqual([
      ['Meeting:m1', ['n6', 'n3']],
      ['Notification:n5', ['n5']],
      ['Issue:i1', ['n4']],
      ['Notification:n2', ['n2']],
      // Same id, another type: another subject.
      ['Issue:m1', ['n1']],
    ]);
    expect(groups[0].subject).toEqual(meeting('m1'));
    expect(groups[1].subject).toBeNull();
  });

  it('gives nothing for nothing', () => {
    expect(groupBySubject([])).toEqual([]);
  });
});
