// All of the viewer's recent notifications grouped by subject, newest group first, with "Mark all
// as read"; refetched when the pushed unread count changes.
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { MarkNotificationsReadMutation, NOTIFICATIONS_CONTEXT, NotificationsQuery } from './documents';
import { NotificationList } from './NotificationList';
import { useRefetchOnPush, useUnreadCount } from './live';
import { errorMessage } from '../../app/errors';
import { useDocumentTitle } from '../../app/useDocumentTitle';
import { EmptyState, LoadFailed, Loading } from '../../ui/States';
import './notifications.css';

const PAGE_SIZE = 100;

export function NotificationsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('notifications.heading'));
  const [{ data, fetching, error }, reexecute] = useQuery({ query: NotificationsQuery, variables: { first: PAGE_SIZE }, context: NOTIFICATIONS_CONTEXT });
  const [{ fetching: marking, error: markError }, markRead] = useMutation(MarkNotificationsReadMutation);
  const { pushed } = useUnreadCount();
  useRefetchOnPush(pushed, data?.unreadNotificationCount, () => reexecute({ requestPolicy: 'network-only' }));
  const unread = data?.unreadNotificationCount ?? 0;

  return (
    <div className="page page--narrow">
      <div className="page-head">
        <div>
          <h1 className="page-head__title">{t('notifications.heading')}</h1>
          <p className="page-head__lead">{t('notifications.lead')}</p>
        </div>
        {unread > 0 ? (
          <button type="button" className="btn" disabled={marking} onClick={() => void markRead({}, NOTIFICATIONS_CONTEXT)} data-testid="notifications-mark-read">
            {marking ? t('notifications.marking') : t('notifications.markAll')}
          </button>
        ) : null}
      </div>
      {markError ? (
        <p className="notice notice--error" role="alert">
          {errorMessage(markError, t)}
        </p>
      ) : null}
      {!data && fetching ? <Loading label={t('notifications.loading')} /> : null}
      {!data && error ? <LoadFailed message={errorMessage(error, t)} onRetry={() => reexecute({ requestPolicy: 'network-only' })} /> : null}
      {data && data.notifications.length === 0 ? (
        <EmptyState title={t('notifications.empty')}>
          <p className="muted">{t('notifications.emptyHint')}</p>
        </EmptyState>
      ) : null}
      {data && data.notifications.length > 0 ? (
        <div className="card notification-card" data-testid="notifications-page-list">
          <NotificationList notifications={data.notifications} headingLevel={2} />
        </div>
      ) : null}
    </div>
  );
}
