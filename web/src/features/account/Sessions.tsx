// "Where you're signed in": the person's sessions (browser and system from the user agent, when
// each was signed in, this browser marked), and signing out everywhere else after a confirmation.
import { useId, useRef, useState } from 'react';
import { useMutation } from 'urql';
import { useTranslation } from 'react-i18next';
import { SignOutElsewhereMutation, type SessionData } from './documents';
import { parseUserAgent } from './userAgent';
import { errorMessage } from '../../app/errors';
import { formatDateTime, formatNumber } from '../../ui/format';

export function Sessions({ sessions, onEnded }: { sessions: readonly SessionData[]; onEnded: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [confirming, setConfirming] = useState(false);
  const [status, setStatus] = useState<{ ok: boolean; message: string } | null>(null);
  const [{ fetching }, signOutElsewhere] = useMutation(SignOutElsewhereMutation);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const others = sessions.filter((s) => !s.current).length;

  async function onConfirm() {
    setStatus(null);
    const result = await signOutElsewhere({});
    setConfirming(false);
    if (result.error || result.data == null) {
      setStatus({ ok: false, message: result.error ? errorMessage(result.error, t) : t('errors.INTERNAL') });
      return;
    }
    const ended = result.data.signOutElsewhere;
    setStatus({ ok: true, message: t('account.sessions.done', { count: ended, formatted: formatNumber(ended) }) });
    onEnded();
  }

  return (
    <section className="card account__section" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} className="card__title">
        {t('account.sessions.heading')}
      </h2>
      <p className="muted account__lead">{t('account.sessions.lead')}</p>
      <ul className="sessions" data-testid="sessions">
        {sessions.map((s) => (
          <SessionRow key={s.id} session={s} />
        ))}
      </ul>
      <div aria-live="polite" className="live">
        {status ? (
          <div className={status.ok ? 'notice' : 'notice notice--error'} role={status.ok ? 'status' : 'alert'} data-testid="sessions-status">
            {status.message}
          </div>
        ) : null}
      </div>
      {others === 0 ? (
        <p className="muted sessions__only" data-testid="sessions-only-here">
          {t('account.sessions.onlyHere')}
        </p>
      ) : confirming ? (
        <div className="actions__confirm sessions__confirm" role="group" aria-labelledby={`${id}-question`}>
          <p id={`${id}-question`} className="actions__question">
            {t('account.sessions.question')}
          </p>
          <p className="actions__hint">{t('account.sessions.consequence')}</p>
          <div className="form__actions">
            <button type="button" className="btn btn--ghost" onClick={() => setConfirming(false)} disabled={fetching}>
              {t('account.sessions.keep')}
            </button>
            <button type="button" ref={confirmRef} className="btn btn--danger" onClick={() => void onConfirm()} disabled={fetching} data-testid="sign-out-elsewhere-confirm">
              {fetching ? t('account.sessions.working') : t('account.sessions.confirm')}
            </button>
          </div>
        </div>
      ) : (
        <button
          type="button"
          className="btn sessions__sign-out"
          onClick={() => {
            setStatus(null);
            setConfirming(true);
            setTimeout(() => confirmRef.current?.focus(), 0);
          }}
          data-testid="sign-out-elsewhere"
        >
          {t('account.sessions.signOutOthers')}
        </button>
      )}
    </section>
  );
}

function SessionRow({ session }: { session: SessionData }) {
  const { t } = useTranslation();
  const { browser, os } = parseUserAgent(session.userAgent);
  const name = browser ?? t('account.sessions.unknownBrowser');
  return (
    <li className={session.current ? 'sessions__item sessions__item--current' : 'sessions__item'} data-testid="session" data-current={session.current}>
      <span className="sessions__device">{os ? t('account.sessions.browserOn', { browser: name, os }) : name}</span>
      {session.current ? (
        <span className="badge badge--affected" data-testid="session-current">
          {t('account.sessions.current')}
        </span>
      ) : null}
      <span className="sessions__when">{t('account.sessions.signedIn', { date: formatDateTime(session.createdAt) })}</span>
    </li>
  );
}
