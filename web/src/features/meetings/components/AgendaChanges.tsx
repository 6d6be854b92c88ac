// How the agenda differs from the copy attendees were sent when it was published.
import { useTranslation } from 'react-i18next';
import type { MeetingDetail } from '../documents';

export function AgendaChanges({ changes, forFacilitator = false }: { changes: MeetingDetail['changesSincePublication']; forFacilitator?: boolean }) {
  const { t } = useTranslation();
  if (!forFacilitator && changes.length === 0) return null;
  return (
    <section className="card agenda-changes" aria-labelledby="changes-heading" data-testid="agenda-changes">
      <h2 id="changes-heading" className="card__title">
        {t('meetings.changes.heading')}
      </h2>
      {changes.length === 0 ? (
        <p className="muted agenda-changes__none">{t('meetings.changes.none')}</p>
      ) : (
        <>
          <ul className="agenda-changes__list">
            {changes.map((c, i) => (
              <li key={`${c.kind}-${c.title}-${i}`} className={`agenda-change agenda-change--${c.kind.toLowerCase()}`} data-testid="agenda-change" data-kind={c.kind}>
                <span className="agenda-change__kind">{t(`meetings.changes.kind.${c.kind}`)}</span>
                <span className="agenda-change__title">{c.title}</span>
                {c.detail ? <span className="agenda-change__detail">{c.detail}</span> : null}
              </li>
            ))}
          </ul>
          <p className="actions__hint">{forFacilitator ? t('meetings.changes.hintFacilitator') : t('meetings.changes.hintAttendee')}</p>
        </>
      )}
    </section>
  );
}
