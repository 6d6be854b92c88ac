// The minutes of a closed meeting: every agenda item with whether it was finished (unfinished
// ones carried over to the next meeting), its notes and outcome, and a link to what was
// discussed; then the action items, which their owners (or a facilitator) tick off.
import { useTranslation } from 'react-i18next';
import type { MeetingDetail } from '../documents';
import { ItemTitle, KindTag } from './AgendaBits';
import { ActionItems } from './ActionItems';
import { ExportCard } from './ExportCard';
import { isFixed } from './MeetingRunner';
import { CarryOverIcon } from './Icons';
import { Markdown } from '../../../ui/Markdown';
import { formatNumber } from '../../../ui/format';

export function Minutes({ meeting }: { meeting: MeetingDetail }) {
  const { t } = useTranslation();
  return (
    <div className="meeting-layout">
      <div className="meeting-layout__main">
        <section className="card minutes" aria-labelledby="minutes-heading">
          <h2 id="minutes-heading" className="card__title">
            {t('meetings.minutesView.heading')}
          </h2>
          {meeting.agenda.length === 0 ? (
            <p className="muted">{t('meetings.minutesView.noItems')}</p>
          ) : (
            <ol className="minutes__list">
              {meeting.agenda.map((item, index) => (
                <li key={item.id} className="minutes-item" data-testid="minutes-item" data-done={item.done}>
                  <div className="minutes-item__head">
                    <span className="agenda-item__number">{formatNumber(index + 1)}</span>
                    <KindTag kind={item.kind} />
                    <h3 className="minutes-item__title">
                      <ItemTitle item={item} />
                    </h3>
                    <span className={item.done ? 'minutes-item__state minutes-item__state--done' : 'minutes-item__state'}>
                      {item.done ? <span aria-hidden="true">✓ </span> : <CarryOverIcon />}
                      {item.done ? t('meetings.minutesView.done') : isFixed(item) ? t('meetings.minutesView.notDone') : t('meetings.minutesView.carriedOver')}
                    </span>
                  </div>
                  {item.notes ? (
                    <div className="minutes-item__notes">
                      <h4 className="minutes-item__label">{t('meetings.minutesView.notes')}</h4>
                      <Markdown source={item.notes} />
                    </div>
                  ) : null}
                  {item.outcome ? (
                    <div className="minutes-item__outcome">
                      <h4 className="minutes-item__label">{t('meetings.minutesView.outcome')}</h4>
                      <p>{item.outcome}</p>
                    </div>
                  ) : null}
                  {!item.notes && !item.outcome ? <p className="muted minutes-item__empty">{t('meetings.minutesView.noNotes')}</p> : null}
                </li>
              ))}
            </ol>
          )}
        </section>
        <ActionItems meetingId={meeting.id} items={meeting.actionItems} canCreate={false} />
      </div>
      <aside className="meeting-layout__side" aria-label={t('meetings.page.sideLabel')}>
        <ExportCard meeting={meeting} />
      </aside>
    </div>
  );
}
