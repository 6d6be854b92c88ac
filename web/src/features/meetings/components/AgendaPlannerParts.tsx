// Pieces of the agenda planner: an item's time box input, an unscheduled candidate, the form
// for a free item, and the publish / start actions.
import { useId, useRef, useState, type FormEvent } from 'react';
import { useMutation, type CombinedError } from 'urql';
import { useTranslation } from 'react-i18next';
import { MEETING_LIMITS, agendaItemSchema } from '@council/shared';
import {
  AddAgendaItemMutation,
  GenerateAgendaMutation,
  PublishAgendaMutation,
  StartMeetingMutation,
  MEETING_CONTEXT,
  type AgendaItemData,
  type MeetingDetail,
} from '../documents';
import { ItemReason, ItemTitle, KindTag } from './AgendaBits';

import { errorMessage, fieldErrors } from '../../../app/errors';
import { zodFieldErrors } from '../../../app/translate';

import { formatDateTime, formatNumber } from '../../../ui/format';
import { FormError } from '../../../ui/Field';
import { ConfirmDialog } from '../../../ui/ConfirmDialog';

const HOUR = 3_600_000;

/** Why starting now deserves a second look: far from its planned time, or an agenda not yet sent. */
function startWarnings(meeting: Pick<MeetingDetail, 'startsAt' | 'agendaPublishedAt'>, now: number): ('early' | 'late' | 'unpublished')[] {
  const offset = new Date(meeting.startsAt).getTime() - now;
  const out: ('early' | 'late' | 'unpublished')[] = [];
  if (offset > HOUR) out.push('early');
  if (offset < -HOUR) out.push('late');
  if (!meeting.agendaPublishedAt) out.push('unpublished');
  return out;
}

export type Run = (mutate: () => Promise<{ error?: CombinedError }>) => Promise<boolean>;

/** A time box in minutes: saved when the field is left or Enter is pressed. */
export function MinutesInput({ item, onSave }: { item: AgendaItemData; onSave: (minutes: number) => Promise<string | null> }) {
  const { t } = useTranslation();
  const id = useId();
  const [value, setValue] = useState(String(item.minutes));
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  async function commit() {
    const minutes = Number(value);
    if (value.trim() !== '' && minutes === item.minutes) return;
    if (!Number.isInteger(minutes) || minutes < MEETING_LIMITS.itemMinutes.min || minutes > MEETING_LIMITS.itemMinutes.max) {
      setError(t('meetings.validation.minutes'));
      return;
    }
    setSaving(true);
    setError(await onSave(minutes));
    setSaving(false);
  }

  return (
    <div className="agenda-minutes">
      <label htmlFor={id} className="visually-hidden">
        {t('meetings.agenda.minutesLabel', { title: item.title })}
      </label>
      <input
        id={id}
        type="number"
        inputMode="numeric"
        className="input input--compact agenda-minutes__input"
        min={MEETING_LIMITS.itemMinutes.min}
        max={MEETING_LIMITS.itemMinutes.max}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        readOnly={saving}
        onChange={(e) => {
          setValue(e.target.value);
          setError(null);
        }}
        onBlur={() => void commit()}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            void commit();
          }
        }}
        data-testid="agenda-item-minutes"
      />
      <span className="agenda-minutes__unit" aria-hidden="true">
        {t('meetings.minutesUnit')}
      </span>
      {error ? (
        <p id={`${id}-error`} className="field__error agenda-minutes__error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** A candidate that did not fit: schedule it (before the closing item) or swap it in for an item. */
export function Candidate({
  item,
  agenda,
  busy,
  onSchedule,
  onRemove,
}: {
  item: AgendaItemData;
  agenda: readonly AgendaItemData[];
  busy: boolean;
  onSchedule: (item: AgendaItemData, replace?: AgendaItemData) => Promise<void>;
  onRemove: (item: AgendaItemData) => Promise<void>;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [replaceId, setReplaceId] = useState('');
  const swappable = agenda.filter((i) => i.kind !== 'OPENING' && i.kind !== 'CLOSING');
  const replace = swappable.find((i) => i.id === replaceId);

  return (
    <li className="agenda-item agenda-item--candidate" data-testid="unscheduled-item" data-kind={item.kind}>
      <div className="agenda-item__body">
        <div className="agenda-item__head">
          <KindTag kind={item.kind} />
          <ItemTitle item={item} />
        </div>
        <ItemReason reason={item.reason} />
        {swappable.length > 0 ? (
          <details className="swap">
            <summary>{t('meetings.agenda.swapSummary')}</summary>
            <div className="swap__row">
              <label htmlFor={id} className="swap__label">
                {t('meetings.agenda.swapLabel', { title: item.title })}
              </label>
              <select id={id} className="select select--compact" value={replaceId} onChange={(e) => setReplaceId(e.target.value)}>
                <option value="">{t('meetings.agenda.swapChoose')}</option>
                {swappable.map((i) => (
                  <option key={i.id} value={i.id}>
                    {i.title}
                  </option>
                ))}
              </select>
              <button
                type="button"
                className="btn btn--small"
                disabled={!replace}
                aria-disabled={busy || undefined}
                onClick={() => replace && void onSchedule(item, replace)}
              >
                {t('meetings.agenda.swap')}
              </button>
            </div>
          </details>
        ) : null}
      </div>
      <div className="agenda-item__controls">
        <span className="agenda-item__minutes">{t('meetings.minutes', { formatted: formatNumber(item.minutes) })}</span>
        <button
          type="button"
          className="btn btn--small"
          data-testid="schedule-item"
          aria-disabled={busy || undefined}
          onClick={() => void onSchedule(item)}
        >
          {t('meetings.agenda.schedule')}
          <span className="visually-hidden"> {item.title}</span>
        </button>
        <button type="button" className="btn btn--link btn--link-danger" aria-disabled={busy || undefined} onClick={() => void onRemove(item)}>
          {t('meetings.agenda.remove')}
          <span className="visually-hidden"> {item.title}</span>
        </button>
      </div>
    </li>
  );
}

/** A free item (kind OTHER), placed before the closing item. */
export function AddItemForm({ meetingId, onAdded }: { meetingId: string; onAdded: (title: string) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [title, setTitle] = useState('');
  const [minutes, setMinutes] = useState('10');
  const [errors, setErrors] = useState<Partial<Record<string, string>>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [{ fetching }, add] = useMutation(AddAgendaItemMutation);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setProblem(null);
    const parsed = agendaItemSchema.safeParse({ title, minutes: minutes.trim() === '' ? Number.NaN : Number(minutes) });
    if (!parsed.success || !parsed.data.title || !parsed.data.minutes) {
      const found = parsed.success ? {} : zodFieldErrors(t, parsed.error.issues);
      setErrors({
        title: found.title ?? (parsed.success && !parsed.data.title ? t('meetings.validation.itemTitle.tooShort') : undefined),
        minutes: found.minutes ? t('meetings.validation.minutes') : undefined,
      });
      return;
    }
    const result = await add({ meetingId, title: parsed.data.title, minutes: parsed.data.minutes }, MEETING_CONTEXT);
    if (result.error) {
      const fields = fieldErrors(result.error);
      setErrors({ title: fields.title, minutes: fields.minutes });
      if (!fields.title && !fields.minutes) setProblem(errorMessage(result.error, t));
      return;
    }
    onAdded(parsed.data.title);
    setTitle('');
    setMinutes('10');
    setErrors({});
  }

  return (
    <form className="add-item" onSubmit={onSubmit} noValidate aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`} className="add-item__heading">
        {t('meetings.agenda.addHeading')}
      </h3>
      <div className="add-item__row">
        <div className="add-item__title">
          <label htmlFor={`${id}-title`} className="add-item__label">
            {t('meetings.agenda.addTitle')}
          </label>
          <input
            id={`${id}-title`}
            className="input input--compact"
            value={title}
            maxLength={MEETING_LIMITS.itemTitle.max}
            aria-invalid={errors.title ? true : undefined}
            aria-describedby={errors.title ? `${id}-title-error` : undefined}
            onChange={(e) => {
              setTitle(e.target.value);
              setErrors((x) => ({ ...x, title: undefined }));
            }}
            data-testid="add-item-title"
          />
        </div>
        <div className="add-item__minutes">
          <label htmlFor={`${id}-minutes`} className="add-item__label">
            {t('meetings.agenda.addMinutes')}
          </label>
          <input
            id={`${id}-minutes`}
            type="number"
            inputMode="numeric"
            className="input input--compact"
            min={MEETING_LIMITS.itemMinutes.min}
            max={MEETING_LIMITS.itemMinutes.max}
            value={minutes}
            aria-invalid={errors.minutes ? true : undefined}
            aria-describedby={errors.minutes ? `${id}-minutes-error` : undefined}
            onChange={(e) => {
              setMinutes(e.target.value);
              setErrors((x) => ({ ...x, minutes: undefined }));
            }}
            data-testid="add-item-minutes"
          />
        </div>
        <button type="submit" className="btn btn--small add-item__submit" disabled={fetching} data-testid="add-item-submit">
          {fetching ? t('meetings.agenda.adding') : t('meetings.agenda.add')}
        </button>
      </div>
      {errors.title ? (
        <p id={`${id}-title-error`} className="field__error" role="alert">
          {errors.title}
        </p>
      ) : null}
      {errors.minutes ? (
        <p id={`${id}-minutes-error`} className="field__error" role="alert">
          {errors.minutes}
        </p>
      ) : null}
      {problem ? (
        <p className="notice notice--error" role="alert">
          {problem}
        </p>
      ) : null}
    </form>
  );
}

/** Generate (confirming before replacing a draft), publish, start. */
export function PlanActions({ meeting }: { meeting: MeetingDetail }) {
  const { t } = useTranslation();
  const [problem, setProblem] = useState<string | null>(null);
  const [confirmRegenerate, setConfirmRegenerate] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const regenerateRef = useRef<HTMLButtonElement>(null);
  const [{ fetching: generating }, generate] = useMutation(GenerateAgendaMutation);
  const [{ fetching: publishing }, publish] = useMutation(PublishAgendaMutation);
  const [{ fetching: starting }, start] = useMutation(StartMeetingMutation);
  const [warnings, setWarnings] = useState<ReturnType<typeof startWarnings>>([]);
  const hasAgenda = meeting.agenda.length > 0 || meeting.unscheduled.length > 0;
  const published = !!meeting.agendaPublishedAt;
  const changed = meeting.changesSincePublication.length > 0;

  async function run(mutate: () => Promise<{ error?: CombinedError }>): Promise<boolean> {
    setProblem(null);
    const result = await mutate();
    if (result.error) setProblem(errorMessage(result.error, t));
    return !result.error;
  }

  async function onGenerate() {
    const ok = await run(() => generate({ meetingId: meeting.id }, MEETING_CONTEXT));
    if (ok) setConfirmRegenerate(false);
  }

  return (
    <section className="card actions" aria-labelledby="plan-heading">
      <h2 id="plan-heading" className="card__title">
        {t('meetings.plan.heading')}
      </h2>
      <ol className="plan-steps">
        <li className="plan-step">
          <h3 className="plan-step__title">{t('meetings.plan.stepGenerate')}</h3>
          <p className="actions__hint">{t('meetings.plan.generateHint')}</p>
          {confirmRegenerate ? (
            <div className="actions__confirm" role="group" aria-labelledby="regenerate-question">
              <p id="regenerate-question" className="actions__question">
                {t('meetings.plan.regenerateConfirm')}
              </p>
              <p className="actions__hint">{t('meetings.plan.regenerateConsequence')}</p>
              <div className="form__actions">
                <button
                  type="button"
                  className="btn btn--ghost"
                  disabled={generating}
                  onClick={() => {
                    setConfirmRegenerate(false);
                    setTimeout(() => regenerateRef.current?.focus(), 0);
                  }}
                >
                  {t('meetings.plan.keep')}
                </button>
                <button
                  type="button"
                  ref={confirmRef}
                  className="btn btn--danger"
                  disabled={generating}
                  onClick={() => void onGenerate()}
                  data-testid="generate-agenda-confirm"
                >
                  {generating ? t('meetings.plan.generating') : t('meetings.plan.regenerateButton')}
                </button>
              </div>
            </div>
          ) : (
            <button
              type="button"
              ref={regenerateRef}
              className={hasAgenda ? 'btn btn--block' : 'btn btn--primary btn--block'}
              disabled={generating}
              onClick={() => {
                if (!hasAgenda) void onGenerate();
                else {
                  setConfirmRegenerate(true);
                  setTimeout(() => confirmRef.current?.focus(), 0);
                }
              }}
              data-testid="generate-agenda"
            >
              {generating ? t('meetings.plan.generating') : hasAgenda ? t('meetings.plan.regenerate') : t('meetings.plan.generate')}
            </button>
          )}
        </li>
        <li className="plan-step">
          <h3 className="plan-step__title">{t('meetings.plan.stepPublish')}</h3>
          <p className="actions__hint">
            {published ? (changed ? t('meetings.plan.republishHint') : t('meetings.plan.publishedHint')) : t('meetings.plan.publishHint')}
          </p>
          <button
            type="button"
            className={hasAgenda && (!published || changed) ? 'btn btn--primary btn--block' : 'btn btn--block'}
            disabled={publishing || meeting.agenda.length === 0 || (published && !changed)}
            onClick={() => void run(() => publish({ meetingId: meeting.id }, MEETING_CONTEXT))}
            data-testid="publish-agenda"
          >
            {publishing ? t('meetings.plan.publishing') : published ? t('meetings.plan.republish') : t('meetings.plan.publish')}
          </button>
        </li>
        <li className="plan-step">
          <h3 className="plan-step__title">{t('meetings.plan.stepStart')}</h3>
          <p className="actions__hint">{published ? t('meetings.plan.startHint') : t('meetings.plan.startUnpublished')}</p>
          <button
            type="button"
            className={published ? 'btn btn--primary btn--block' : 'btn btn--block'}
            disabled={starting || meeting.agenda.length === 0}
            onClick={() => {
              const found = startWarnings(meeting, Date.now());
              if (found.length) setWarnings(found);
              else void run(() => start({ meetingId: meeting.id }, MEETING_CONTEXT));
            }}
            data-testid="start-meeting"
          >
            {starting ? t('meetings.plan.starting') : t('meetings.plan.start')}
          </button>
          <ConfirmDialog
            open={warnings.length > 0}
            title={t('meetings.plan.startConfirmTitle')}
            confirmLabel={t('meetings.plan.startAnyway')}
            cancelLabel={t('meetings.plan.notYet')}
            busy={starting}
            busyLabel={t('meetings.plan.starting')}
            onConfirm={() =>
              void run(() => start({ meetingId: meeting.id }, MEETING_CONTEXT)).then(() => setWarnings([]))
            }
            onCancel={() => setWarnings([])}
            testId="start-meeting-dialog"
          >
            {warnings.includes('early') ? <p>{t('meetings.plan.startEarly', { when: formatDateTime(meeting.startsAt) })}</p> : null}
            {warnings.includes('late') ? <p>{t('meetings.plan.startLate', { when: formatDateTime(meeting.startsAt) })}</p> : null}
            {warnings.includes('unpublished') ? <p>{t('meetings.plan.startUnpublishedWarn')}</p> : null}
          </ConfirmDialog>
        </li>
      </ol>
      <FormError message={problem} />
    </section>
  );
}
