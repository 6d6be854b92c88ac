// A list of notifications: the message (in the viewer's language, from the server) linked to
// what it is about, when it came, and whether it is still unread (said in words, not only a dot).
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { NotificationData } from './documents';
import { subjectHref } from '../meetings/paths';
import { RelativeTime } from '../../ui/RelativeTime';

export function NotificationList({ notifications, onNavigate }: { notifications: readonly NotificationData[]; onNavigate?: () => void }) {
  const { t } = useTranslation();
  return (
    <ul className="notification-list">
      {notifications.map((n) => {
        const href = subjectHref(n.subject);
        return (
          <li key={n.id} className={n.read ? 'notification' : 'notification notification--unread'} data-testid="notification-item" data-read={n.read}>
            <span className="notification__dot" aria-hidden="true" />
            <div className="notification__text">
              <p className="notification__message">
                {!n.read ? <span className="visually-hidden">{t('notifications.unreadLabel')} </span> : null}
                {href ? (
                  <Link to={href} onClick={onNavigate}>
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
      })}
    </ul>
  );
}
