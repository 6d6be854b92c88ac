// The bell in the header: how many notifications are unread (pushed as it changes), and a panel
// with the latest ones grouped by subject (refetched when the pushed count changes), "Mark all
// as read" and a link to all of them. The panel closes with Escape (focus returns to the bell),
// a click elsewhere, or on going to another page.
import { useEffect, useId, useRef, useState, type CSSProperties } from 'react';
import { Link, useLocation } from 'react-router-dom';
import { useMutation, useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { MarkNotificationsReadMutation, NOTIFICATIONS_CONTEXT, NotificationsQuery } from './documents';
import { NotificationList } from './NotificationList';
import { useRefetchOnPush, useUnreadCount } from './live';
import { errorMessage } from '../../app/errors';
import { Loading } from '../../ui/States';
import { formatNumber } from '../../ui/format';
import './notifications.css';

export const NOTIFICATIONS_HREF = '/notifications';
const PANEL_SIZE = 8;

export function NotificationBell() {
  const { t } = useTranslation();
  const panelId = useId();
  const [open, setOpen] = useState(false);
  // On a phone the panel spans the screen just below the bell (notifications.css): where that is.
  const [below, setBelow] = useState(0);
  const root = useRef<HTMLDivElement>(null);
  const bell = useRef<HTMLButtonElement>(null);
  const { pathname } = useLocation();
  const { count, pushed } = useUnreadCount();

  useEffect(() => setOpen(false), [pathname]);

  useEffect(() => {
    if (!open) return;
    const onPointer = (e: PointerEvent) => {
      if (root.current && !root.current.contains(e.target as Node)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        setOpen(false);
        bell.current?.focus();
      }
    };
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  return (
    <div className="notif" ref={root}>
      <button
        type="button"
        ref={bell}
        className="btn btn--ghost notif__bell"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => {
          setBelow(Math.round(bell.current?.getBoundingClientRect().bottom ?? 0));
          setOpen((o) => !o);
        }}
        data-testid="notifications-bell"
      >
        <BellIcon />
        <span className="visually-hidden">{t('notifications.bell')}</span>
        {count > 0 ? (
          <>
            <span className="notif__count" aria-hidden="true" data-testid="notifications-count">
              {formatNumber(count)}
            </span>
            <span className="visually-hidden"> {t('notifications.unread', { count, formatted: formatNumber(count) })}</span>
          </>
        ) : null}
      </button>
      <div
        id={panelId}
        className="notif__panel"
        role="region"
        aria-label={t('notifications.heading')}
        hidden={!open}
        style={{ '--notif-below': `${below}px` } as CSSProperties}
        data-testid="notifications-panel"
      >
        {open ? <NotificationPanel pushed={pushed} onNavigate={() => setOpen(false)} /> : null}
      </div>
    </div>
  );
}

function NotificationPanel({ pushed, onNavigate }: { pushed: number | null; onNavigate: () => void }) {
  const { t } = useTranslation();
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: NotificationsQuery,
    variables: { first: PANEL_SIZE },
    context: NOTIFICATIONS_CONTEXT,
    requestPolicy: 'cache-and-network',
  });
  const [{ fetching: marking }, markRead] = useMutation(MarkNotificationsReadMutation);
  const unread = data?.unreadNotificationCount ?? 0;
  useRefetchOnPush(pushed, data?.unreadNotificationCount, () => reexecute({ requestPolicy: 'network-only' }));
  return (
    <>
      <div className="notif__head">
        <h2 className="notif__title">{t('notifications.heading')}</h2>
        {unread > 0 ? (
          <button type="button" className="btn btn--link" disabled={marking} onClick={() => void markRead({}, NOTIFICATIONS_CONTEXT)} data-testid="notifications-mark-read">
            {marking ? t('notifications.marking') : t('notifications.markAll')}
          </button>
        ) : null}
      </div>
      {!data && fetching ? <Loading label={t('notifications.loading')} /> : null}
      {!data && error ? <p className="field__error">{errorMessage(error, t)}</p> : null}
      {data && data.notifications.length === 0 ? <p className="muted notif__empty">{t('notifications.empty')}</p> : null}
      {data && data.notifications.length > 0 ? <NotificationList notifications={data.notifications} headingLevel={3} onNavigate={onNavigate} /> : null}
      <p className="notif__foot">
        <Link to={NOTIFICATIONS_HREF} onClick={onNavigate}>
          {t('notifications.seeAll')}
        </Link>
      </p>
    </>
  );
}

function BellIcon() {
  return (
    <svg className="icon" width="18" height="18" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
      <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
      <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
    </svg>
  );
}
