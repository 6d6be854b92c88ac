// Meeting mode, for the facilitator of a running meeting: the current item large with a timer
// counting up against its time box, notes and outcome (saved on request, and before moving on
// or closing), a "finished" box, "Finish & next" (marks it done) beside "Skip", the agenda to jump
// around in, action items, and closing the meeting after a confirmation (unfinished items carry
// over to the next one's agenda). On opening, the page scrolls to the current item, so nothing
// else lands under the finger that pressed "Start meeting".
//
// Moving to another item shows it at once; the server's answer follows a moment later. Until it
// has come, the runner takes no other move (a double tap on "Finish & next", or "Skip" pressed
// meanwhile, would finish or skip an item nobody looked at); each move names the item it leaves,
// and one the server finds stale is refused, said, and the page shows where the meeting is.
import { useEffect, useId, useRef, useState, type FormEvent, type MutableRefObject } from 'react';
import { Link } from 'react-router-dom';
import { useMutation, type CombinedError } from 'urql';
import { useTranslation } from 'react-i18next';
import { agendaItemSchema } from '@council/shared';
import {
  CloseMeetingMutation,
  MEETING_CONTEXT,
  SetCurrentItemMutation,
  UpdateAgendaItemMutation,
  type AgendaItemData,
  type MeetingDetail,
} from '../documents';
import { subjectHref } from '../paths';
import { ItemReason, KindTag } from './AgendaBits';
import { ActionItems } from './ActionItems';
import { ExportCard } from './ExportCard';
import { ItemTimer, MeetingClock } from './Timers';
import { errorCode, errorMessage, fieldErrors } from '../../../app/errors';
import { zodFieldErrors } from '../../../app/translate';
import { Field, FormError } from '../../../ui/Field';
import { ConfirmDialog } from '../../../ui/ConfirmDialog';
import { formatNumber } from '../../../ui/format';
import { draftKey, useDraft } from '../../../ui/useDraft';
import { useViewer } from '../../auth/viewer';

/** Saves the open item's unsaved notes, if any; resolves once saved (or at once). */
type Flush = () => Promise<void>;

interface Pending {
  id: string;
  /** When the facilitator moved there (the timer starts from it until the server says). */
  at: string;
  /** The server has answered; the next refresh of the page shows the truth. */
  settled: boolean;
}

export function isFixed(item: Pick<AgendaItemData, 'kind'>): boolean {
  return item.kind === 'OPENING' || item.kind === 'CLOSING';
}

export function MeetingRunner({ meeting, onStale }: { meeting: MeetingDetail; /** Reads the meeting afresh. */ onStale?: () => void }) {
  const { t } = useTranslation();
  const agenda = meeting.agenda;
  const [pending, setPending] = useState<Pending | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const flush = useRef<Flush | null>(null);
  const [, setCurrent] = useMutation(SetCurrentItemMutation);
  const [{ fetching: closing }, close] = useMutation(CloseMeetingMutation);
  const [confirmClose, setConfirmClose] = useState(false);
  const currentRef = useRef<HTMLElement>(null);
  // Set within the click itself, so a second tap before React re-renders is ignored as well. The
  // buttons say they are busy (aria-disabled) rather than being disabled: the focus stays on them.
  const moving = useRef(false);

  // Meeting mode opens on the current item (double-tap safety on a phone: the spot where "Start
  // meeting" was now shows the item, not "Close meeting").
  useEffect(() => {
    const section = currentRef.current;
    if (!section) return;
    section.scrollIntoView({ block: 'start' });
    section.querySelector<HTMLElement>('.current__title')?.focus({ preventScroll: true });
  }, []);

  const serverCurrentId = meeting.currentItem?.id ?? null;
  // The optimistic item gives way to the server's once the page has refreshed after the answer.
  useEffect(() => {
    setPending((p) => (p && (p.settled || p.id === serverCurrentId) ? null : p));
  }, [meeting, serverCurrentId]);

  const currentId = pending?.id ?? serverCurrentId;
  const index = agenda.findIndex((i) => i.id === currentId);
  const current = index >= 0 ? agenda[index] : null;
  const next = index >= 0 ? (agenda[index + 1] ?? null) : (agenda[0] ?? null);
  const unfinished = agenda.filter((i) => !i.done && !isFixed(i)).length;

  const busy = !!pending && !pending.settled;

  function goTo(target: AgendaItemData, finishCurrent = false) {
    if (target.id === currentId || moving.current) return;
    moving.current = true;
    setProblem(null);
    const fromItemId = currentId;
    // Start saving the open item's notes before its form goes away; show the new item at once.
    const saving = flush.current?.() ?? Promise.resolve();
    setPending({ id: target.id, at: new Date().toISOString(), settled: false });
    void (async () => {
      try {
        await saving;
        const result = await setCurrent({ meetingId: meeting.id, itemId: target.id, finishCurrent, fromItemId }, MEETING_CONTEXT);
        if (result.error) {
          setPending(null);
          setProblem(errorMessage(result.error, t));
          if (errorCode(result.error) === 'CONFLICT') onStale?.();
        } else setPending((p) => (p && p.id === target.id ? { ...p, settled: true } : p));
      } finally {
        moving.current = false;
      }
    })();
  }

  async function onClose() {
    setProblem(null);
    await (flush.current?.() ?? Promise.resolve());
    const result = await close({ meetingId: meeting.id }, MEETING_CONTEXT);
    setConfirmClose(false);
    if (result.error) setProblem(errorMessage(result.error, t));
  }

  const startedAt = pending ? pending.at : (current?.startedAt ?? null);

  return (
    <div className="meeting-layout meeting-layout--run">
      <div className="meeting-layout__main">
        <FormError message={problem} />

        {current ? (
          <section className="card current" aria-labelledby="current-label" ref={currentRef}>
            <div className="current__top">
              <p id="current-label" className="current__eyebrow">
                {t('meetings.run.now', { number: formatNumber(index + 1), total: formatNumber(agenda.length) })}
              </p>
              <KindTag kind={current.kind} />
            </div>
            <h2 className="current__title" data-testid="current-item" tabIndex={-1}>
              {current.title}
            </h2>
            {subjectHref(current.subject) ? (
              <p className="current__subject">
                <Link to={subjectHref(current.subject)!}>{t(`meetings.run.open${current.subject!.__typename as 'Issue' | 'Proposal' | 'Meeting'}`)}</Link>
              </p>
            ) : null}
            <ItemReason reason={current.reason} />
            {startedAt ? <ItemTimer startedAt={startedAt} minutes={current.minutes} /> : null}
            <ItemNotesForm key={current.id} item={current} flush={flush} />
            <div className="current__next">
              {next ? (
                <>
                  <button type="button" className="btn btn--primary" aria-disabled={busy || undefined} onClick={() => goTo(next, true)} aria-describedby="finish-next-hint" data-testid="finish-next">
                    {t('meetings.run.finishNext')}
                    <span aria-hidden="true"> →</span>
                  </button>
                  <button type="button" className="btn" aria-disabled={busy || undefined} onClick={() => goTo(next)} aria-describedby="skip-hint" data-testid="next-item">
                    {t('meetings.run.skip')}
                  </button>
                  <span className="current__next-title">{t('meetings.run.upNext', { title: next.title })}</span>
                  <span id="finish-next-hint" className="visually-hidden">
                    {t('meetings.run.finishNextHint')}
                  </span>
                  <span id="skip-hint" className="visually-hidden">
                    {t('meetings.run.skipHint')}
                  </span>
                </>
              ) : (
                <p className="muted current__last">{t('meetings.run.last')}</p>
              )}
            </div>
          </section>
        ) : (
          <section className="card current">
            <p className="muted">{t('meetings.run.noCurrent')}</p>
            {next ? (
              <button type="button" className="btn btn--primary" aria-disabled={busy || undefined} onClick={() => goTo(next)} data-testid="next-item">
                {t('meetings.run.begin')}
              </button>
            ) : null}
          </section>
        )}

        <ActionItems meetingId={meeting.id} items={meeting.actionItems} canCreate currentItem={current} />
      </div>

      <aside className="meeting-layout__side" aria-label={t('meetings.page.sideLabel')}>
        <section className="card run-agenda" aria-labelledby="run-agenda-heading">
          <div className="card__head">
            <h2 id="run-agenda-heading" className="card__title">
              {t('meetings.agenda.heading')}
            </h2>
            {meeting.startedAt ? <MeetingClock startedAt={meeting.startedAt} duration={meeting.durationMinutes} /> : null}
          </div>
          <ol className="run-agenda__list">
            {agenda.map((item, i) => {
              const isCurrent = item.id === currentId;
              return (
                <li key={item.id} data-testid="agenda-item" data-kind={item.kind} className={isCurrent ? 'run-agenda__item run-agenda__item--current' : 'run-agenda__item'}>
                  <button type="button" className="run-agenda__button" aria-current={isCurrent ? 'step' : undefined} disabled={busy && !isCurrent} onClick={() => goTo(item)}>
                    <span className="run-agenda__number">{formatNumber(i + 1)}</span>
                    <span className="run-agenda__text">
                      <span className="run-agenda__title" data-testid="agenda-item-title">
                        {item.title}
                      </span>
                      <span className="run-agenda__meta">
                        {t('meetings.minutes', { formatted: formatNumber(item.minutes) })}
                        {isCurrent ? <span className="run-agenda__now">{t('meetings.run.nowMarker')}</span> : null}
                        {item.done ? (
                          <span className="run-agenda__done">
                            <span aria-hidden="true">✓ </span>
                            {t('meetings.run.finished')}
                          </span>
                        ) : null}
                      </span>
                    </span>
                  </button>
                </li>
              );
            })}
          </ol>
          <p className="actions__hint">{t('meetings.run.jumpHint')}</p>
        </section>

        <section className="card actions" aria-labelledby="close-heading">
          <h2 id="close-heading" className="card__title">
            {t('meetings.run.closeHeading')}
          </h2>
          <p className="actions__hint">
            {unfinished > 0 ? t('meetings.run.closeHint', { count: unfinished, formatted: formatNumber(unfinished) }) : t('meetings.run.closeHintAllDone')}
          </p>
          <button type="button" className="btn btn--block" disabled={closing} onClick={() => setConfirmClose(true)} data-testid="close-meeting">
            {closing ? t('meetings.run.closing') : t('meetings.run.close')}
          </button>
          <ConfirmDialog
            open={confirmClose}
            title={t('meetings.run.closeConfirmTitle')}
            confirmLabel={t('meetings.run.closeConfirmButton')}
            cancelLabel={t('meetings.run.keepRunning')}
            busy={closing}
            busyLabel={t('meetings.run.closing')}
            danger
            onConfirm={() => void onClose()}
            onCancel={() => setConfirmClose(false)}
            testId="close-meeting-dialog"
          >
            <p>
              {unfinished > 0
                ? t('meetings.run.closeConfirmBody', { count: unfinished, formatted: formatNumber(unfinished) })
                : t('meetings.run.closeConfirmAllDone')}
            </p>
          </ConfirmDialog>
        </section>

        <ExportCard meeting={meeting} />
      </aside>
    </div>
  );
}

/** Notes, outcome and "finished" for the open item. Finished saves at once; the texts on Save. */
function ItemNotesForm({ item, flush }: { item: AgendaItemData; flush: MutableRefObject<Flush | null> }) {
  const { t } = useTranslation();
  const id = useId();
  const viewer = useViewer();
  // Kept as drafts in this browser too: a lost connection or a closed tab does not lose the record.
  const notesDraft = useDraft(draftKey(viewer.id, `agenda-item:${item.id}`, 'notes'), item.notes ?? '');
  const outcomeDraft = useDraft(draftKey(viewer.id, `agenda-item:${item.id}`, 'outcome'), item.outcome ?? '');
  const [notes, setNotes] = [notesDraft.value, notesDraft.set];
  const [outcome, setOutcome] = [outcomeDraft.value, outcomeDraft.set];
  const [saved, setSaved] = useState({ notes: item.notes ?? '', outcome: item.outcome ?? '' });
  const [done, setDone] = useState(item.done);
  const [errors, setErrors] = useState<Partial<Record<'notes' | 'outcome', string>>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const [{ fetching }, update] = useMutation(UpdateAgendaItemMutation);
  const dirty = notes !== saved.notes || outcome !== saved.outcome;

  async function save(): Promise<boolean> {
    setProblem(null);
    setStatus('');
    const parsed = agendaItemSchema.safeParse({ notes, outcome });
    if (!parsed.success) {
      setErrors(zodFieldErrors(t, parsed.error.issues));
      return false;
    }
    const values = { notes, outcome };
    const result = await update({ itemId: item.id, input: { notes: notes.trim() || null, outcome: outcome.trim() || null } }, MEETING_CONTEXT);
    if (result.error) return fail(result.error);
    setSaved(values);
    setStatus(t('meetings.run.saved'));
    return true;
  }

  function fail(error: CombinedError): false {
    const fields = fieldErrors(error);
    setErrors({ notes: fields.notes, outcome: fields.outcome });
    if (!fields.notes && !fields.outcome) setProblem(errorMessage(error, t));
    return false;
  }

  // The runner saves unsaved texts before moving on or closing.
  const saveRef = useRef(save);
  saveRef.current = save;
  const dirtyRef = useRef(dirty);
  dirtyRef.current = dirty;
  useEffect(() => {
    flush.current = async () => {
      if (dirtyRef.current) await saveRef.current();
    };
    return () => {
      flush.current = null;
    };
  }, [flush]);

  // Leaving the page (reload, closing the tab) with unsaved notes asks first.
  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    await save();
  }

  async function onDone(checked: boolean) {
    setDone(checked);
    setProblem(null);
    const result = await update({ itemId: item.id, input: { done: checked } }, MEETING_CONTEXT);
    if (result.error) {
      setDone(!checked);
      setProblem(errorMessage(result.error, t));
    }
  }

  return (
    <form className="form current__form" onSubmit={onSubmit} noValidate>
      <Field label={t('meetings.run.notes')} hint={t('meetings.run.notesHint')} error={errors.notes}>
        {(control) => (
          <textarea
            {...control}
            className="input"
            rows={6}
            value={notes}
            onChange={(e) => {
              setNotes(e.target.value);
              setErrors((x) => ({ ...x, notes: undefined }));
              setStatus('');
            }}
            data-testid="item-notes"
          />
        )}
      </Field>
      <Field label={t('meetings.run.outcome')} hint={t('meetings.run.outcomeHint')} error={errors.outcome}>
        {(control) => (
          <textarea
            {...control}
            className="input"
            rows={2}
            value={outcome}
            onChange={(e) => {
              setOutcome(e.target.value);
              setErrors((x) => ({ ...x, outcome: undefined }));
              setStatus('');
            }}
            data-testid="item-outcome"
          />
        )}
      </Field>
      <div className="current__row">
        <label className="check" htmlFor={`${id}-done`}>
          <input id={`${id}-done`} type="checkbox" checked={done} onChange={(e) => void onDone(e.target.checked)} data-testid="item-done" />
          <span>{t('meetings.run.done')}</span>
        </label>
        <span className="current__status" aria-live="polite">
          {dirty ? <span className="current__unsaved">{t('meetings.run.unsaved')}</span> : status}
        </span>
        <button type="submit" className="btn" disabled={fetching} data-testid="item-save">
          {fetching ? t('ui.saving') : t('meetings.run.save')}
        </button>
      </div>
      {problem ? (
        <p className="notice notice--error" role="alert">
          {problem}
        </p>
      ) : null}
    </form>
  );
}
