// Notifications grouped by what they are about: a heading per subject (its kind and title) with
// its notifications under it, newest group first; one without a subject stands alone. Each
// message (in the viewer's language, from the server) links to its subject, and opening it marks
// that one read. Unread ones say so in words, not only with a dot and bold text.
import { useMemo } from 'react';
import { Link } from 'react-router-dom';
import { useMutation } from 'urql';
import { useTranslation } from 'react-i18next';
import { MarkNotificationsReadMutation, NOTIFICATIONS_CONTEXT, type NotificationData } from './documents';
import { groupBySubject } from './groups';
import { subjectHref } from '../meetings/paths';
import { RelativeTime } from '../../ui/RelativeTime';

type Subject = NotificationData['subject'];
type SubjectKind = 'Issue' | 'Proposal' | 'Meeting' | 'Policy';

/** The kind and title of a subject the list can name, else null (the notification stands alone). */
function named(subject: Subject): { kind: SubjectKind; title: string } | null {
  if (!subject) return null;
  switch (subject.__typename) {
    case 'Issue':
    case 'Proposal':
    case 'Meeting':
    case 'Policy':
      return { kind: subject.__typename, title: subject.title };
    default:
      return null;
  }
}

export function NotificationList({
  notifications,
  headingLevel,
  onNavigate,
}: {
  notifications: readonly NotificationData[];
  /** The level of each subject's heading: one below the heading of the list's page or panel. */
  headingLevel: 2 | 3;
  onNavigate?: () => void;
}) {
  const { t } = useTranslation();
  const groups = useMemo(() => groupBySubject(notifications), [notifications]);
  const [, markRead] = useMutation(MarkNotificationsReadMutation);
  const Heading = headingLevel === 2 ? 'h2' : 'h3';

  const open = (n: NotificationData) => {
    // The navigation goes on at once; the mark is saved meanwhile (the bell follows its count).
    if (!n.read) void markRead({ ids: [n.id] }, NOTIFICATIONS_CONTEXT);
    onNavigate?.();
  };

  return (
    <div className="notification-groups">
      {groups.map((group) => {
        const subject = named(group.subject);
        const items = (
          <ul className="notification-list">
            {group.notifications.map((n) => (
              <NotificationItem key={n.id} notification={n} onOpen={() => open(n)} />
            ))}
          </ul>
        );
        if (!subject) {
          return (
            <div key={group.key} className="notification-group notification-group--alone" data-testid="notification-group" data-subject="">
              {items}
            </div>
          );
        }
        return (
          <div key={group.key} className="notification-group" data-testid="notification-group" data-subject={group.key}>
            <Heading className="notification-group__title" data-testid="notification-group-title">
              <span className="tag notification-group__kind">{t(`account.notifications.subject.${subject.kind}`)}</span>{' '}
              <span className="notification-group__name">{subject.title}</span>
            </Heading>
            {items}
          </div>
        );
      })}
    </div>
  );
}

function NotificationItem({ notification: n, onOpen }: { notification: NotificationData; onOpen: () => void }) {
  const { t } = useTranslation();
  const href = subjectHref(n.subject);
  return (
    <li className={n.read ? 'notification' : 'notification notification--unread'} data-testid="notification-item" data-read={n.read} data-id={n.id}>
      <span className="notification__dot" aria-hidden="true" />
      <div className="notification__text">
        <p className="notification__message">
          {!n.read ? (
            <>
              <span className="notification__unread" data-testid="notification-unread">
                {t('account.notifications.unread')}
              </span>{' '}
            </>
          ) : null}
          {href ? (
            <Link to={href} onClick={onOpen} data-testid="notification-link">
              {n.message}
            </Link>
          ) : (
            n.message
          )}
        </p>
        <p className="notification__time">
          <RelativeTime iso={n.createdAt} />
        </p>
      </div>
    </li>
  );
}
