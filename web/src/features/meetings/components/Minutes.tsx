// The minutes of a closed meeting: headed by its date, the time span it was held, its time zone
// and who was invited; every agenda item with whether it was finished (unfinished ones carried
// over to the next meeting), its notes and outcome (which the facilitator may still correct), and
// a link to what was discussed; then the action items, which their owners (or a facilitator) tick
// off. A meeting closed by mistake can be reopened on its day, after a confirmation.
import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { useTranslation } from 'react-i18next';
import { PROPOSAL_CLOSED_BEFORE, agendaItemSchema } from '@council/shared';
import { MEETING_CONTEXT, ReopenMeetingMutation, UpdateAgendaItemMutation, type AgendaItemData, type MeetingDetail } from '../documents';
import { ItemReason, ItemTitle, KindTag } from './AgendaBits';
import { ActionItems } from './ActionItems';
import { ExportCard } from './ExportCard';
import { isFixed } from './MeetingRunner';
import { CarryOverIcon } from './Icons';
import { errorMessage, fieldErrors } from '../../../app/errors';
import { zodFieldErrors } from '../../../app/translate';
import { ConfirmDialog } from '../../../ui/ConfirmDialog';
import { Field, FormError } from '../../../ui/Field';
import { Markdown } from '../../../ui/Markdown';
import { formatNumber } from '../../../ui/format';

/** The date and the times a meeting was held, in its own time zone (what the minutes record). */
export function heldIn(meeting: Pick<MeetingDetail, 'startedAt' | 'closedAt' | 'timeZone'>, locale: string): { date: string; from: string; to: string | null } | null {
  if (!meeting.startedAt) return null;
  const timeZone = meeting.timeZone;
  const time = new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit', timeZone });
  return {
    date: new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeZone }).format(new Date(meeting.startedAt)),
    from: time.format(new Date(meeting.startedAt)),
    to: meeting.closedAt ? time.format(new Date(meeting.closedAt)) : null,
  };
}

export function Minutes({ meeting }: { meeting: MeetingDetail }) {
  const { t, i18n } = useTranslation();
  const held = heldIn(meeting, i18n.language);
  return (
    <div className="meeting-layout">
      <div className="meeting-layout__main">
        <section className="card minutes" aria-labelledby="minutes-heading">
          <h2 id="minutes-heading" className="card__title">
            {t('meetings.minutesView.heading')}
          </h2>
          <dl className="meeting-facts minutes__head" data-testid="minutes-head">
            {held ? (
              <>
                <div className="meeting-facts__item">
                  <dt>{t('meetings.minutesView.date')}</dt>
                  <dd>{held.date}</dd>
                </div>
                <div className="meeting-facts__item">
                  <dt>{t('meetings.minutesView.time')}</dt>
                  <dd>{t('meetings.minutesView.span', { from: held.from, to: held.to ?? '…' })}</dd>
                </div>
              </>
            ) : null}
            <div className="meeting-facts__item">
              <dt>{t('meetings.minutesView.timeZone')}</dt>
              <dd>{meeting.timeZone}</dd>
            </div>
            <div className="meeting-facts__item">
              <dt>{t('meetings.minutesView.attendees')}</dt>
              <dd data-testid="minutes-attendees">
                {meeting.attendees.length ? meeting.attendees.map((a) => a.name).join(', ') : t('meetings.minutesView.noAttendees')}
              </dd>
            </div>
          </dl>
          {meeting.agenda.length === 0 ? (
            <p className="muted">{t('meetings.minutesView.noItems')}</p>
          ) : (
            <ol className="minutes__list">
              {meeting.agenda.map((item, index) => (
                <MinutesItem key={item.id} item={item} index={index} canEdit={meeting.viewerCanEditMinutes} />
              ))}
            </ol>
          )}
        </section>
        <ActionItems meetingId={meeting.id} items={meeting.actionItems} canCreate={false} />
      </div>
      <aside className="meeting-layout__side" aria-label={t('meetings.page.sideLabel')}>
        {meeting.viewerCanReopen ? <ReopenCard meetingId={meeting.id} /> : null}
        <ExportCard meeting={meeting} />
      </aside>
    </div>
  );
}

function MinutesItem({ item, index, canEdit }: { item: AgendaItemData; index: number; canEdit: boolean }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [status, setStatus] = useState('');
  return (
    <li className="minutes-item" data-testid="minutes-item" data-done={item.done}>
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
      {/* A vote closed before the meeting is part of the record with its result. */}
      {item.reasonKey === PROPOSAL_CLOSED_BEFORE ? <ItemReason reason={item.reason} /> : null}
      {editing ? (
        <MinutesForm
          item={item}
          onDone={(saved) => {
            setEditing(false);
            setStatus(saved ? t('meetings.minutesView.saved', { title: item.title }) : '');
          }}
        />
      ) : (
        <>
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
          {canEdit ? (
            <button type="button" className="btn btn--small" onClick={() => setEditing(true)} data-testid="minutes-edit">
              {/* The visible words first: a speech user says "Edit notes", a screen reader hears which item. */}
              {t('meetings.minutesView.edit')}
              <span className="visually-hidden">{` — ${item.title}`}</span>
            </button>
          ) : null}
        </>
      )}
      <p className="visually-hidden" aria-live="polite">
        {status}
      </p>
    </li>
  );
}

/** The facilitator corrects an item's notes and outcome after the meeting (audited on the server). */
function MinutesForm({ item, onDone }: { item: AgendaItemData; onDone: (saved: boolean) => void }) {
  const { t } = useTranslation();
  const [notes, setNotes] = useState(item.notes ?? '');
  const [outcome, setOutcome] = useState(item.outcome ?? '');
  const [errors, setErrors] = useState<Partial<Record<'notes' | 'outcome', string>>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [{ fetching }, update] = useMutation(UpdateAgendaItemMutation);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setProblem(null);
    const parsed = agendaItemSchema.safeParse({ notes, outcome });
    if (!parsed.success) {
      setErrors(zodFieldErrors(t, parsed.error.issues));
      return;
    }
    const result = await update({ itemId: item.id, input: { notes: notes.trim() || null, outcome: outcome.trim() || null } }, MEETING_CONTEXT);
    if (result.error) {
      const fields = fieldErrors(result.error);
      setErrors({ notes: fields.notes, outcome: fields.outcome });
      if (!fields.notes && !fields.outcome) setProblem(errorMessage(result.error, t));
      return;
    }
    onDone(true);
  }

  return (
    <form className="form minutes-item__form" onSubmit={onSubmit} noValidate>
      <Field label={t('meetings.run.notes')} hint={t('meetings.run.notesHint')} error={errors.notes}>
        {(control) => <textarea {...control} className="input" rows={5} value={notes} onChange={(e) => setNotes(e.target.value)} autoFocus data-testid="minutes-notes" />}
      </Field>
      <Field label={t('meetings.run.outcome')} error={errors.outcome}>
        {(control) => <textarea {...control} className="input" rows={2} value={outcome} onChange={(e) => setOutcome(e.target.value)} data-testid="minutes-outcome" />}
      </Field>
      <FormError message={problem} />
      <div className="form__actions">
        <button type="button" className="btn btn--ghost" onClick={() => onDone(false)}>
          {t('ui.cancel')}
        </button>
        <button type="submit" className="btn btn--primary" disabled={fetching} data-testid="minutes-save">
          {fetching ? t('ui.saving') : t('ui.save')}
        </button>
      </div>
    </form>
  );
}

/** Undo for a meeting closed by mistake: on its day, after a confirmation. */
function ReopenCard({ meetingId }: { meetingId: string }) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [{ fetching }, reopen] = useMutation(ReopenMeetingMutation);

  async function onReopen() {
    setProblem(null);
    const result = await reopen({ meetingId }, MEETING_CONTEXT);
    setAsking(false);
    if (result.error) setProblem(errorMessage(result.error, t));
  }

  return (
    <section className="card actions" aria-labelledby="reopen-heading">
      <h2 id="reopen-heading" className="card__title">
        {t('meetings.minutesView.reopen')}
      </h2>
      <p className="actions__hint">{t('meetings.minutesView.reopenHint')}</p>
      <button type="button" className="btn btn--block" disabled={fetching} onClick={() => setAsking(true)} data-testid="reopen-meeting">
        {fetching ? t('meetings.minutesView.reopening') : t('meetings.minutesView.reopen')}
      </button>
      <FormError message={problem} />
      <ConfirmDialog
        open={asking}
        title={t('meetings.minutesView.reopenConfirmTitle')}
        confirmLabel={t('meetings.minutesView.reopen')}
        cancelLabel={t('ui.cancel')}
        busy={fetching}
        busyLabel={t('meetings.minutesView.reopening')}
        onConfirm={() => void onReopen()}
        onCancel={() => setAsking(false)}
        testId="reopen-meeting-dialog"
      >
        <p>{t('meetings.minutesView.reopenConfirmBody')}</p>
      </ConfirmDialog>
    </section>
  );
}
