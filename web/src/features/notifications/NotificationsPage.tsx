// All of the viewer's recent notifications, newest first, with "Mark all as read".
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { MarkNotificationsReadMutation, NotificationsQuery } from './documents';
import { NOTIFICATIONS_CONTEXT } from './NotificationBell';
import { NotificationList } from './NotificationList';
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
        <div className="card notification-card">
          <NotificationList notifications={data.notifications} />
        </div>
      ) : null}
    </div>
  );
}
