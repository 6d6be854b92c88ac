// Notifications grouped by what they are about: one group per subject (its notifications
// newest first), groups ordered by their newest notification; one without a subject stands alone.

export interface Groupable {
  id: string;
  subject: { __typename: string; id: string } | null;
}

export interface NotificationGroup<N extends Groupable> {
  /** `Typename:id` of the subject, or `Notification:id` for one that stands alone. */
  key: string;
  subject: N['subject'];
  notifications: N[];
}

/** Groups a newest-first list; the order within and between groups follows the input's. */
export function groupBySubject<N extends Groupable>(notifications: readonly N[]): NotificationGroup<N>[] {
  const groups: NotificationGroup<N>[] = [];
  const bySubject = new Map<string, NotificationGroup<N>>();
  for (const n of notifications) {
    if (!n.subject) {
      groups.push({ key: `Notification:${n.id}`, subject: null, notifications: [n] });
      continue;
    }
    const key = `${n.subject.__typename}:${n.subject.id}`;
    const group = bySubject.get(key);
    if (group) {
      group.notifications.push(n);
    } else {
      const created: NotificationGroup<N> = { key, subject: n.subject, notifications: [n] };
      bySubject.set(key, created);
      groups.push(created);
    }
  }
  return groups;
}
