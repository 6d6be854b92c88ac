// The facilitator's agenda before the meeting: generate (or regenerate, after confirming) the
// draft, reorder it with move up / move down buttons (focus stays on the moved item and the new
// place is announced), change time boxes, take items off or remove them, add a free item, swap
// in candidates that did not fit, watch the running total against the meeting's length, publish,
// and start the meeting.
import { useEffect, useRef, useState } from 'react';
import { useMutation } from 'urql';
import { useTranslation } from 'react-i18next';
import {
  MoveAgendaItemMutation,
  RemoveAgendaItemMutation,
  ScheduleAgendaItemMutation,
  UnscheduleAgendaItemMutation,
  UpdateAgendaItemMutation,
  MEETING_CONTEXT,
  type AgendaItemData,
  type MeetingDetail,
} from '../documents';
import { ItemReason, ItemTitle, KindTag, plannedStarts } from './AgendaBits';
import { ArrowDownIcon, ArrowUpIcon } from './Icons';
import { AgendaTotal } from './AgendaTotal';
import { AgendaChanges } from './AgendaChanges';
import { ExportCard } from './ExportCard';
import {
  AddItemForm,
  Candidate,
  MinutesInput,
  PlanActions,
  type Run,
} from './AgendaPlannerParts';
import { errorMessage, fieldErrors } from '../../../app/errors';

import { EmptyState } from '../../../ui/States';
import { formatNumber, formatTime } from '../../../ui/format';
import { FormError } from '../../../ui/Field';

export function AgendaPlanner({ meeting, refreshing }: { meeting: MeetingDetail; refreshing: boolean }) {
  const { t } = useTranslation();
  const [problem, setProblem] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [pendingCount, setPendingCount] = useState(0);
  const focusAfter = useRef<{ id: string; control: 'up' | 'down' } | null>(null);
  const agendaHeading = useRef<HTMLHeadingElement>(null);
  const candidatesHeading = useRef<HTMLHeadingElement>(null);
  const [, move] = useMutation(MoveAgendaItemMutation);
  const [, schedule] = useMutation(ScheduleAgendaItemMutation);
  const [, unschedule] = useMutation(UnscheduleAgendaItemMutation);
  const [, remove] = useMutation(RemoveAgendaItemMutation);
  const [, update] = useMutation(UpdateAgendaItemMutation);

  // Structural changes wait for the previous one to land, so positions are never stale.
  const busy = pendingCount > 0 || refreshing;

  const run: Run = async (mutate) => {
    setProblem(null);
    setPendingCount((n) => n + 1);
    try {
      const result = await mutate();
      if (result.error) {
        setProblem(errorMessage(result.error, t));
        return false;
      }
      return true;
    } finally {
      setPendingCount((n) => n - 1);
    }
  };

  // After a move, React re-orders the rows and the focused button loses focus: put it back.
  const agenda = meeting.agenda;
  useEffect(() => {
    const target = focusAfter.current;
    if (!target) return;
    const row = document.querySelector<HTMLElement>(`[data-item-id="${CSS.escape(target.id)}"]`);
    if (!row) return;
    focusAfter.current = null;
    const wanted = row.querySelector<HTMLButtonElement>(`[data-move="${target.control}"]`);
    const other = row.querySelector<HTMLButtonElement>(`[data-move="${target.control === 'up' ? 'down' : 'up'}"]`);
    (wanted && !wanted.disabled ? wanted : other)?.focus();
  }, [agenda]);

  async function onMove(item: AgendaItemData, index: number, direction: 'up' | 'down') {
    if (busy) return;
    const to = direction === 'up' ? index - 1 : index + 1;
    if (to < 0 || to >= agenda.length) return;
    focusAfter.current = { id: item.id, control: direction };
    const ok = await run(() => move({ itemId: item.id, position: to }, MEETING_CONTEXT));
    if (ok) {
      setAnnouncement(
        t('meetings.agenda.moved', { title: item.title, position: formatNumber(to + 1), total: formatNumber(agenda.length) }),
      );
    } else focusAfter.current = null;
  }

  async function onUnschedule(item: AgendaItemData) {
    if (busy) return;
    if (await run(() => unschedule({ itemId: item.id }, MEETING_CONTEXT))) {
      setAnnouncement(t('meetings.agenda.unscheduled', { title: item.title }));
      candidatesHeading.current?.focus();
    }
  }

  async function onRemove(item: AgendaItemData) {
    if (busy) return;
    if (await run(() => remove({ itemId: item.id }, MEETING_CONTEXT))) {
      setAnnouncement(t('meetings.agenda.removed', { title: item.title }));
      (item.scheduled ? agendaHeading : candidatesHeading).current?.focus();
    }
  }

  async function onSchedule(item: AgendaItemData, replace?: AgendaItemData) {
    if (busy) return;
    const ok = await run(() => schedule({ itemId: item.id, replaceItemId: replace?.id ?? null }, MEETING_CONTEXT));
    if (ok) {
      setAnnouncement(
        replace ? t('meetings.agenda.swapped', { title: item.title, replaced: replace.title }) : t('meetings.agenda.scheduled', { title: item.title }),
      );
      agendaHeading.current?.focus();
    }
  }

  /** Saves a time box; returns the message to show next to the field when it fails. */
  async function onMinutes(item: AgendaItemData, minutes: number): Promise<string | null> {
    const result = await update({ itemId: item.id, input: { minutes } }, MEETING_CONTEXT);
    if (!result.error) {
      setAnnouncement(t('meetings.agenda.minutesSaved', { title: item.title, formatted: formatNumber(minutes) }));
      return null;
    }
    return fieldErrors(result.error).minutes ?? errorMessage(result.error, t);
  }

  const starts = plannedStarts(meeting.startsAt, agenda);
  const hasAgenda = agenda.length > 0 || meeting.unscheduled.length > 0;

  return (
    <div className="meeting-layout">
      <div className="meeting-layout__main">
        <section className="card agenda" aria-labelledby="agenda-heading">
          <div className="card__head">
            <h2 id="agenda-heading" className="card__title" tabIndex={-1} ref={agendaHeading}>
              {t('meetings.agenda.heading')}
            </h2>
            {agenda.length > 0 ? <AgendaTotal planned={meeting.plannedMinutes} duration={meeting.durationMinutes} /> : null}
          </div>

          <FormError message={problem} />
          <p className="visually-hidden" aria-live="polite">
            {announcement}
          </p>

          {agenda.length === 0 ? (
            <EmptyState title={t('meetings.agenda.empty')}>
              <p className="muted">{t('meetings.agenda.emptyHint')}</p>
            </EmptyState>
          ) : (
            <ol className="agenda-list" aria-labelledby="agenda-heading">
              {agenda.map((item, index) => (
                <li key={item.id} className="agenda-item" data-testid="agenda-item" data-kind={item.kind} data-item-id={item.id}>
                  <div className="agenda-item__clock">
                    <span className="agenda-item__number">{formatNumber(index + 1)}</span>
                    <time dateTime={new Date(starts[index]).toISOString()}>{formatTime(starts[index])}</time>
                  </div>
                  <div className="agenda-item__body">
                    <div className="agenda-item__head">
                      <KindTag kind={item.kind} />
                      <ItemTitle item={item} />
                    </div>
                    <ItemReason reason={item.reason} />
                  </div>
                  <div className="agenda-item__controls">
                    <MinutesInput key={`${item.id}:${item.minutes}`} item={item} onSave={(m) => onMinutes(item, m)} />
                    <div className="agenda-item__moves" role="group" aria-label={t('meetings.agenda.order', { title: item.title })}>
                      <button
                        type="button"
                        className="btn btn--small btn--icon"
                        data-testid="agenda-move-up"
                        data-move="up"
                        disabled={index === 0}
                        aria-disabled={busy || undefined}
                        onClick={() => onMove(item, index, 'up')}
                        title={t('meetings.agenda.moveUp')}
                      >
                        <ArrowUpIcon />
                        <span className="visually-hidden">{t('meetings.agenda.moveUpLabel', { title: item.title })}</span>
                      </button>
                      <button
                        type="button"
                        className="btn btn--small btn--icon"
                        data-testid="agenda-move-down"
                        data-move="down"
                        disabled={index === agenda.length - 1}
                        aria-disabled={busy || undefined}
                        onClick={() => onMove(item, index, 'down')}
                        title={t('meetings.agenda.moveDown')}
                      >
                        <ArrowDownIcon />
                        <span className="visually-hidden">{t('meetings.agenda.moveDownLabel', { title: item.title })}</span>
                      </button>
                    </div>
                    <div className="agenda-item__more">
                      <button type="button" className="btn btn--link" aria-disabled={busy || undefined} onClick={() => onUnschedule(item)}>
                        {t('meetings.agenda.unschedule')}
                        <span className="visually-hidden"> {item.title}</span>
                      </button>
                      <button type="button" className="btn btn--link btn--link-danger" aria-disabled={busy || undefined} onClick={() => onRemove(item)}>
                        {t('meetings.agenda.remove')}
                        <span className="visually-hidden"> {item.title}</span>
                      </button>
                    </div>
                  </div>
                </li>
              ))}
            </ol>
          )}

          {hasAgenda ? <AddItemForm meetingId={meeting.id} onAdded={(title) => setAnnouncement(t('meetings.agenda.added', { title }))} /> : null}
        </section>

        {hasAgenda ? (
          <section className="card candidates" aria-labelledby="candidates-heading">
            <h2 id="candidates-heading" className="card__title" tabIndex={-1} ref={candidatesHeading}>
              {t('meetings.agenda.unscheduledHeading')}
            </h2>
            <p className="muted candidates__lead">{t('meetings.agenda.unscheduledLead')}</p>
            {meeting.unscheduled.length === 0 ? (
              <p className="muted">{t('meetings.agenda.unscheduledEmpty')}</p>
            ) : (
              <ul className="agenda-list">
                {meeting.unscheduled.map((item) => (
                  <Candidate key={item.id} item={item} agenda={agenda} busy={busy} onSchedule={onSchedule} onRemove={onRemove} />
                ))}
              </ul>
            )}
          </section>
        ) : null}
      </div>

      <aside className="meeting-layout__side" aria-label={t('meetings.page.sideLabel')}>
        <PlanActions meeting={meeting} />
        {meeting.agendaPublishedAt ? <AgendaChanges changes={meeting.changesSincePublication} forFacilitator /> : null}
        <ExportCard meeting={meeting} />
      </aside>
    </div>
  );
}
