// Schedule a meeting (facilitators): title, start (in the viewer's time zone) and length.
// Checked in the browser with the shared zod schema and by the server (its field messages are
// shown next to the fields); on success, straight to the new meeting to generate its agenda.
import { useId, useMemo, useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useMutation } from 'urql';
import { useTranslation } from 'react-i18next';
import { MEETING_LIMITS, scheduleMeetingSchema } from '@council/shared';
import { ScheduleMeetingMutation } from './documents';
import { MEETINGS_HREF, meetingHref } from './paths';
import { BackToMeetings } from './components/BackToMeetings';
import { useViewer } from '../auth/viewer';
import { errorMessage, fieldErrors, type FieldErrors } from '../../app/errors';
import { zodFieldErrors } from '../../app/translate';
import { useDocumentTitle } from '../../app/useDocumentTitle';
import { Counter, Field, FormError } from '../../ui/Field';
import { ErrorNotice } from '../../ui/States';
import { toDateTimeLocal, viewerTimeZone } from '../../ui/format';
import './meetings.css';

const SCHEDULE_CONTEXT = { additionalTypenames: ['Meeting'] };
const DEFAULT_DURATION = 60;

interface FormValues {
  title: string;
  startsAt: string;
  durationMinutes: string;
}

/** Next week, same weekday, at 10:00: a sensible first suggestion. */
function defaultStart(): string {
  const d = new Date(Date.now() + 7 * 86_400_000);
  d.setHours(10, 0, 0, 0);
  return toDateTimeLocal(d);
}

/** The server names fields as in its input (`input.durationMinutes` or `durationMinutes`). */
function normalizeFields(fields: FieldErrors): FieldErrors {
  const out: FieldErrors = {};
  for (const [k, v] of Object.entries(fields)) out[k.replace(/^input\./, '')] = v;
  return out;
}

export function ScheduleMeetingPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('meetings.form.title'));
  const viewer = useViewer();
  const navigate = useNavigate();
  const formId = useId();
  const [{ fetching }, schedule] = useMutation(ScheduleMeetingMutation);
  const [values, setValues] = useState<FormValues>(() => ({ title: '', startsAt: defaultStart(), durationMinutes: String(DEFAULT_DURATION) }));
  const [submitted, setSubmitted] = useState(false);
  const [serverErrors, setServerErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);

  const input = useMemo(() => {
    const startsAt = values.startsAt ? new Date(values.startsAt) : null;
    return {
      title: values.title,
      startsAt: startsAt && !Number.isNaN(startsAt.getTime()) ? startsAt : undefined,
      durationMinutes: values.durationMinutes.trim() === '' ? Number.NaN : Number(values.durationMinutes),
    };
  }, [values]);
  const clientErrors = useMemo(() => {
    const parsed = scheduleMeetingSchema.safeParse(input);
    if (parsed.success) return {};
    const out = zodFieldErrors(t, parsed.error.issues);
    // An empty or non-numeric duration fails before the schema's own message applies.
    if (out.durationMinutes) out.durationMinutes = t('meetings.validation.duration');
    return out;
  }, [input, t]);
  const errors: FieldErrors = { ...(submitted ? clientErrors : {}), ...serverErrors };

  function set<K extends keyof FormValues>(key: K, value: FormValues[K]) {
    setValues((v) => ({ ...v, [key]: value }));
    if (serverErrors[key]) setServerErrors(({ [key]: _, ...rest }) => rest);
  }

  function focusFirstInvalid() {
    window.setTimeout(() => {
      document.querySelector<HTMLElement>(`#${CSS.escape(formId)} [aria-invalid="true"]`)?.focus();
    }, 0);
  }

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setSubmitted(true);
    setFormError(null);
    const parsed = scheduleMeetingSchema.safeParse(input);
    if (!parsed.success) {
      setFormError(t('errors.BAD_USER_INPUT'));
      focusFirstInvalid();
      return;
    }
    const result = await schedule(
      { input: { title: parsed.data.title, startsAt: parsed.data.startsAt.toISOString(), durationMinutes: parsed.data.durationMinutes } },
      SCHEDULE_CONTEXT,
    );
    if (result.error) {
      const fields = normalizeFields(fieldErrors(result.error));
      setServerErrors(fields);
      setFormError(errorMessage(result.error, t));
      if (Object.keys(fields).length) focusFirstInvalid();
      return;
    }
    if (result.data) navigate(meetingHref(result.data.scheduleMeeting.id));
  }

  if (!viewer.canScheduleMeeting.allowed) {
    return (
      <div className="page page--narrow">
        <BackToMeetings />
        <h1>{t('meetings.form.title')}</h1>
        <ErrorNotice>{viewer.canScheduleMeeting.reason}</ErrorNotice>
      </div>
    );
  }

  return (
    <div className="page page--narrow">
      <BackToMeetings />
      <h1>{t('meetings.form.title')}</h1>
      <p className="page-head__lead">{t('meetings.form.lead')}</p>

      <form id={formId} className="form card" onSubmit={onSubmit} noValidate>
        <FormError message={formError} />

        <Field
          label={t('meetings.form.titleLabel')}
          hint={t('meetings.form.titleHint')}
          error={errors.title}
          errorTestId="field-error-title"
          counter={<Counter length={values.title.trim().length} max={MEETING_LIMITS.title.max} />}
        >
          {(control) => (
            <input
              {...control}
              className="input"
              type="text"
              autoFocus
              value={values.title}
              onChange={(e) => set('title', e.target.value)}
              data-testid="meeting-title-input"
            />
          )}
        </Field>

        <div className="form__row">
          <Field
            label={t('meetings.form.startsAt')}
            hint={t('meetings.form.startsAtHint', { zone: viewerTimeZone() })}
            error={errors.startsAt}
            errorTestId="field-error-starts-at"
          >
            {(control) => (
              <input
                {...control}
                className="input"
                type="datetime-local"
                value={values.startsAt}
                onChange={(e) => set('startsAt', e.target.value)}
                data-testid="meeting-starts-at"
              />
            )}
          </Field>

          <Field
            label={t('meetings.form.duration')}
            hint={t('meetings.form.durationHint', { min: MEETING_LIMITS.duration.min, max: MEETING_LIMITS.duration.max })}
            error={errors.durationMinutes}
            errorTestId="field-error-duration"
          >
            {(control) => (
              <input
                {...control}
                className="input input--number"
                type="number"
                inputMode="numeric"
                min={MEETING_LIMITS.duration.min}
                max={MEETING_LIMITS.duration.max}
                step={5}
                value={values.durationMinutes}
                onChange={(e) => set('durationMinutes', e.target.value)}
                data-testid="meeting-duration-input"
              />
            )}
          </Field>
        </div>

        <div className="form__actions">
          <Link to={MEETINGS_HREF} className="btn btn--ghost">
            {t('ui.cancel')}
          </Link>
          <button type="submit" className="btn btn--primary" disabled={fetching} data-testid="meeting-submit">
            {fetching ? t('meetings.form.submitting') : t('meetings.form.submit')}
          </button>
        </div>
      </form>
    </div>
  );
}
