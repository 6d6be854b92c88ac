// The agenda as attendees see it: each item's planned start, kind, title (linked to its subject),
// time box and reason; while the meeting runs, the current item is marked and finished ones say so.
import { useTranslation } from 'react-i18next';
import type { AgendaItemData, MeetingDetail } from '../documents';
import { AgendaTotal } from './AgendaTotal';
import { ItemReason, ItemTitle, KindTag, plannedStarts } from './AgendaBits';
import { formatNumber, formatTime } from '../../../ui/format';

export function AgendaView({
  meeting,
  currentId = null,
  showTotal = true,
}: {
  meeting: Pick<MeetingDetail, 'startsAt' | 'durationMinutes' | 'plannedMinutes'> & { agenda: readonly AgendaItemData[] };
  currentId?: string | null;
  showTotal?: boolean;
}) {
  const { t } = useTranslation();
  const starts = plannedStarts(meeting.startsAt, meeting.agenda);
  return (
    <section className="card agenda" aria-labelledby="agenda-heading">
      <div className="card__head">
        <h2 id="agenda-heading" className="card__title">
          {t('meetings.agenda.heading')}
        </h2>
        {showTotal ? <AgendaTotal planned={meeting.plannedMinutes} duration={meeting.durationMinutes} /> : null}
      </div>
      <ol className="agenda-list" aria-labelledby="agenda-heading">
        {meeting.agenda.map((item, index) => {
          const isCurrent = item.id === currentId;
          return (
            <li
              key={item.id}
              className={isCurrent ? 'agenda-item agenda-item--current' : 'agenda-item'}
              data-testid="agenda-item"
              data-kind={item.kind}
              aria-current={isCurrent ? 'step' : undefined}
            >
              <div className="agenda-item__clock">
                <span className="agenda-item__number">{formatNumber(index + 1)}</span>
                <time dateTime={new Date(starts[index]).toISOString()}>{formatTime(starts[index])}</time>
              </div>
              <div className="agenda-item__body">
                <div className="agenda-item__head">
                  <KindTag kind={item.kind} />
                  <ItemTitle item={item} />
                  {isCurrent ? <span className="agenda-item__now">{t('meetings.run.nowMarker')}</span> : null}
                  {item.done ? (
                    <span className="agenda-item__done">
                      <span aria-hidden="true">✓ </span>
                      {t('meetings.run.finished')}
                    </span>
                  ) : null}
                </div>
                <ItemReason reason={item.reason} />
              </div>
              <div className="agenda-item__controls">
                <span className="agenda-item__minutes">{t('meetings.minutes', { formatted: formatNumber(item.minutes) })}</span>
              </div>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
