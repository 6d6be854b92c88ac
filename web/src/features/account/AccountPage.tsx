// The signed-in person's account: name (editable), email, region, language and time zone (their
// region's unless they choose one); where they are signed in, and signing out everywhere else;
// and how they hear about things: per notification kind, shown in the app or not and email at
// once, in the daily digest or not at all (each saved as it changes, with its own status), and
// the hour of the digest in their time zone (UTC without a region or a zone of their own).
import { useId, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { DELIVERIES, type Delivery, type NotificationKind } from '@council/shared';
import {
  AccountQuery,
  ChangePasswordMutation,
  SetDigestHourMutation,
  SetNotificationPreferenceMutation,
  UpdateProfileMutation,
  type AccountData,
  type PreferenceData,
} from './documents';
import { SaveStatus, useSaving } from './useSaving';
import { Sessions } from './Sessions';
import { SetLocaleMutation } from '../auth/documents';
import { LanguageSelect } from '../auth/LanguageSelect';
import { useSignInMethods } from '../auth/SingleSignOn';
import { currentLocale } from '../../app/i18n';
import { errorMessage, fieldErrors, type FieldErrors } from '../../app/errors';
import { useDocumentTitle } from '../../app/useDocumentTitle';
import { Field } from '../../ui/Field';
import { LoadFailed, Loading } from '../../ui/States';
import { timeZones } from '../../ui/timeZones';
import './account.css';

export function AccountPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('account.title'));
  const [{ data, fetching, error }, reexecute] = useQuery({ query: AccountQuery });
  const viewer = data?.viewer;
  const passwords = useSignInMethods().methods.password;

  return (
    <div className="page page--narrow account">
      <div className="page-head">
        <div>
          <h1 className="page-head__title">{t('account.title')}</h1>
          <p className="page-head__lead">{t('account.lead')}</p>
        </div>
      </div>
      {!viewer && fetching ? <Loading label={t('account.loading')} /> : null}
      {!viewer && !fetching ? (
        <LoadFailed message={error ? errorMessage(error, t) : t('errors.INTERNAL')} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
      ) : null}
      {viewer ? (
        <>
          <Profile viewer={viewer} />
          {/* Without password sign-in (single sign-on only) there is no password to change. */}
          {passwords ? <ChangePassword /> : null}
          <Sessions sessions={viewer.sessions} onEnded={() => reexecute({ requestPolicy: 'network-only' })} />
          <Preferences viewer={viewer} />
        </>
      ) : null}
    </div>
  );
}

/** A new password, given the current one; the person's other sessions end, this one stays. */
function ChangePassword() {
  const { t } = useTranslation();
  const [{ fetching }, change] = useMutation(ChangePasswordMutation);
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [status, setStatus] = useState<{ ok: boolean; message: string } | null>(null);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setStatus(null);
    const result = await change({ currentPassword, newPassword });
    if (result.error) {
      const fields = fieldErrors(result.error);
      setErrors(fields);
      if (!fields.currentPassword && !fields.newPassword) setStatus({ ok: false, message: errorMessage(result.error, t) });
      return;
    }
    setErrors({});
    setCurrent('');
    setNew('');
    setStatus({ ok: true, message: t('account.password.changed') });
  }

  return (
    <section className="card account__section" aria-labelledby="account-password">
      <h2 id="account-password" className="card__title">
        {t('account.password.heading')}
      </h2>
      <form onSubmit={onSubmit} noValidate className="form">
        <div aria-live="polite" className="live">
          {status ? (
            <div className={status.ok ? 'notice' : 'notice notice--error'} role={status.ok ? 'status' : 'alert'} data-testid="password-status">
              {status.message}
            </div>
          ) : null}
        </div>
        <Field label={t('account.password.current')} error={errors.currentPassword}>
          {(control) => (
            <input
              {...control}
              className="input"
              type="password"
              name="current-password"
              autoComplete="current-password"
              required
              value={currentPassword}
              onChange={(e) => setCurrent(e.target.value)}
              data-testid="current-password"
            />
          )}
        </Field>
        <Field label={t('account.password.new')} hint={t('account.password.hint')} error={errors.newPassword}>
          {(control) => (
            <input
              {...control}
              className="input"
              type="password"
              name="new-password"
              autoComplete="new-password"
              required
              value={newPassword}
              onChange={(e) => setNew(e.target.value)}
              data-testid="change-new-password"
            />
          )}
        </Field>
        <button type="submit" className="btn btn--primary" disabled={fetching} data-testid="change-password-submit">
          {fetching ? t('account.password.saving') : t('account.password.submit')}
        </button>
      </form>
    </section>
  );
}

function Profile({ viewer }: { viewer: AccountData }) {
  const { t } = useTranslation();
  const id = useId();
  const [, setLocale] = useMutation(SetLocaleMutation);
  return (
    <section className="card account__section" aria-labelledby="account-profile">
      <h2 id="account-profile" className="card__title">
        {t('account.profile.heading')}
      </h2>
      <dl className="account-facts">
        <div className="account-facts__row">
          <dt id={`${id}-name`}>{t('account.profile.name')}</dt>
          <dd>
            <NameEditor name={viewer.name} labelId={`${id}-name`} />
          </dd>
        </div>
        <div className="account-facts__row">
          <dt>{t('account.profile.email')}</dt>
          <dd data-testid="account-email">{viewer.email}</dd>
        </div>
        <div className="account-facts__row">
          <dt>{t('account.profile.region')}</dt>
          <dd data-testid="account-region">{viewer.region ? viewer.region.name : <span className="muted">{t('account.profile.noRegion')}</span>}</dd>
        </div>
        <div className="account-facts__row">
          <dt>{t('account.profile.language')}</dt>
          <dd>
            <LanguageSelect onChange={(locale) => void setLocale({ locale })} />
          </dd>
        </div>
        <div className="account-facts__row account-facts__row--top">
          <dt id={`${id}-zone`}>{t('account.profile.timeZone')}</dt>
          <dd>
            <TimeZoneChoice viewer={viewer} labelId={`${id}-zone`} />
          </dd>
        </div>
      </dl>
    </section>
  );
}

/** The person's name, and changing it in place. */
function NameEditor({ name, labelId }: { name: string; labelId: string }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [value, setValue] = useState(name);
  const [error, setError] = useState<string | null>(null);
  const [{ fetching }, update] = useMutation(UpdateProfileMutation);
  const errorId = useId();

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const result = await update({ name: value });
    if (result.error) {
      setError(fieldErrors(result.error).name ?? errorMessage(result.error, t));
      return;
    }
    setError(null);
    setEditing(false);
  }

  if (!editing) {
    return (
      <span className="account-name">
        <span data-testid="account-name">{name}</span>
        <button
          type="button"
          className="btn btn--link"
          aria-describedby={labelId}
          onClick={() => {
            setValue(name);
            setError(null);
            setEditing(true);
          }}
          data-testid="account-name-edit"
        >
          {t('account.profile.changeName')}
        </button>
      </span>
    );
  }
  return (
    <form className="account-name-form" onSubmit={onSubmit} noValidate>
      <input
        className="input"
        aria-labelledby={labelId}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        autoComplete="name"
        autoFocus
        value={value}
        onChange={(e) => setValue(e.target.value)}
        data-testid="account-name-input"
      />
      <button type="submit" className="btn btn--primary" disabled={fetching} data-testid="account-name-save">
        {fetching ? t('account.profile.nameSaving') : t('account.profile.nameSave')}
      </button>
      <button type="button" className="btn btn--ghost" disabled={fetching} onClick={() => setEditing(false)}>
        {t('account.profile.nameCancel')}
      </button>
      {error ? (
        <p id={errorId} className="field__error account-name-form__error" role="alert">
          <span aria-hidden="true" className="field__error-icon">
            !
          </span>
          {error}
        </p>
      ) : null}
    </form>
  );
}

/** The person's time zone: their region's (the empty choice) or one of their own; saved as it changes. */
function TimeZoneChoice({ viewer, labelId }: { viewer: AccountData; labelId: string }) {
  const { t } = useTranslation();
  const hintId = useId();
  const stored = viewer.chosenTimeZone ?? '';
  const [shown, setShown] = useState(stored);
  const [seen, setSeen] = useState(stored);
  const [status, save] = useSaving();
  const [, update] = useMutation(UpdateProfileMutation);
  const zones = timeZones();

  if (seen !== stored && status.state !== 'saving') {
    setSeen(stored);
    setShown(stored);
  }

  async function change(next: string) {
    const before = shown;
    setShown(next);
    const ok = await save(async () => (await update({ timeZone: next })).error);
    if (ok === false) setShown(before);
  }

  return (
    <div className="account-zone">
      <div className="digest-hour__control">
        <select
          className="select select--compact account-zone__select"
          aria-labelledby={labelId}
          aria-describedby={hintId}
          value={shown}
          onChange={(e) => void change(e.target.value)}
          data-testid="account-time-zone"
        >
          <option value="">{viewer.region ? t('account.profile.followRegion', { zone: viewer.region.timeZone }) : t('account.profile.followNone')}</option>
          {shown && !zones.includes(shown) ? <option value={shown}>{shown}</option> : null}
          {zones.map((z) => (
            <option key={z} value={z}>
              {z}
            </option>
          ))}
        </select>
        <SaveStatus status={status} testId="account-time-zone-status" />
      </div>
      <p id={hintId} className="field__hint">
        {t('account.profile.timeZoneHint')}
      </p>
    </div>
  );
}

function Preferences({ viewer }: { viewer: AccountData }) {
  const { t } = useTranslation();
  return (
    <section className="card account__section" aria-labelledby="account-notifications">
      <h2 id="account-notifications" className="card__title">
        {t('account.notifications.heading')}
      </h2>
      <p className="muted account__lead">{t('account.notifications.lead')}</p>
      <table className="table prefs" data-testid="preferences">
        <thead>
          <tr>
            <th scope="col">{t('account.notifications.kind')}</th>
            <th scope="col" className="prefs__control-col">
              {t('account.notifications.inApp')}
            </th>
            <th scope="col" className="prefs__control-col">
              {t('account.notifications.email')}
            </th>
            <th scope="col" className="prefs__status-col">
              <span className="visually-hidden">{t('account.notifications.status')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {viewer.notificationPreferences.map((p) => (
            <PreferenceRow key={p.kind} preference={p} />
          ))}
        </tbody>
      </table>
      {/* The digest goes by the person's zone: their own, else their region's, else UTC. */}
      <DigestHour hour={viewer.digestHour} timeZone={viewer.chosenTimeZone ?? viewer.region?.timeZone ?? null} />
    </section>
  );
}

interface Choice {
  inApp: boolean;
  email: Delivery;
}

const same = (a: Choice, b: Choice) => a.inApp === b.inApp && a.email === b.email;

function PreferenceRow({ preference }: { preference: PreferenceData }) {
  const { t } = useTranslation();
  const id = useId();
  const kind = preference.kind as NotificationKind;
  const stored: Choice = { inApp: preference.inApp, email: preference.email as Delivery };
  const [shown, setShown] = useState<Choice>(stored);
  const [seen, setSeen] = useState<Choice>(stored);
  const [status, save] = useSaving();
  const [, setPreference] = useMutation(SetNotificationPreferenceMutation);

  // The stored choice changed (a refetch): show it, unless a save of this row is under way.
  if (!same(seen, stored) && status.state !== 'saving') {
    setSeen(stored);
    setShown(stored);
  }

  async function change(next: Choice) {
    const before = shown;
    setShown(next);
    const ok = await save(async () => (await setPreference({ kind, email: next.email, inApp: next.inApp })).error);
    // Refused: show what is stored again, beside the error.
    if (ok === false) setShown(before);
  }

  const nameId = `${id}-name`;
  return (
    <tr className="prefs__row" data-testid="preference-row" data-kind={kind}>
      <th scope="row" className="prefs__kind">
        <span id={nameId} className="prefs__name">
          {t(`account.notifications.kinds.${kind}.name`)}
        </span>
        <span className="prefs__description">{t(`account.notifications.kinds.${kind}.description`)}</span>
      </th>
      <td className="prefs__cell">
        <input
          id={`${id}-app`}
          type="checkbox"
          className="prefs__check"
          checked={shown.inApp}
          aria-labelledby={`${id}-app-label ${nameId}`}
          onChange={(e) => void change({ ...shown, inApp: e.target.checked })}
          data-testid="preference-in-app"
        />
        <label id={`${id}-app-label`} htmlFor={`${id}-app`} className="prefs__cell-label">
          {t('account.notifications.inApp')}
        </label>
      </td>
      <td className="prefs__cell">
        <label id={`${id}-email-label`} htmlFor={`${id}-email`} className="prefs__cell-label">
          {t('account.notifications.email')}
        </label>
        <select
          id={`${id}-email`}
          className="select select--compact"
          value={shown.email}
          aria-labelledby={`${id}-email-label ${nameId}`}
          onChange={(e) => void change({ ...shown, email: e.target.value as Delivery })}
          data-testid="preference-email"
        >
          {DELIVERIES.map((d) => (
            <option key={d} value={d}>
              {t(`account.notifications.delivery.${d}`)}
            </option>
          ))}
        </select>
      </td>
      <td className="prefs__status">
        <SaveStatus status={status} testId="preference-status" />
      </td>
    </tr>
  );
}

const HOURS = Array.from({ length: 24 }, (_, h) => h);
const hourLabel = (h: number) => `${String(h).padStart(2, '0')}:00`;

/** "Central European Time (Europe/Copenhagen)" in the current language, or the zone's id alone. */
function zoneName(zone: string): string {
  try {
    const name = new Intl.DateTimeFormat(currentLocale(), { timeZone: zone, timeZoneName: 'longGeneric' })
      .formatToParts(new Date())
      .find((p) => p.type === 'timeZoneName')?.value;
    return name && name !== zone ? `${name} (${zone})` : zone;
  } catch {
    return zone;
  }
}

function DigestHour({ hour, timeZone }: { hour: number; timeZone: string | null }) {
  const { t } = useTranslation();
  const [shown, setShown] = useState(hour);
  const [seen, setSeen] = useState(hour);
  const [status, save] = useSaving();
  const [, setDigestHour] = useMutation(SetDigestHourMutation);

  if (seen !== hour && status.state !== 'saving') {
    setSeen(hour);
    setShown(hour);
  }

  async function change(next: number) {
    const before = shown;
    setShown(next);
    const ok = await save(async () => (await setDigestHour({ hour: next })).error);
    if (ok === false) setShown(before);
  }

  const zone = timeZone ? zoneName(timeZone) : t('account.notifications.digest.noRegion');
  return (
    <div className="digest-hour">
      <Field label={t('account.notifications.digest.label')} hint={t('account.notifications.digest.hint', { zone })}>
        {(control) => (
          <div className="digest-hour__control">
            <select
              {...control}
              className="select select--compact"
              value={String(shown)}
              onChange={(e) => void change(Number(e.target.value))}
              data-testid="digest-hour"
            >
              {HOURS.map((h) => (
                <option key={h} value={String(h)}>
                  {hourLabel(h)}
                </option>
              ))}
            </select>
            <SaveStatus status={status} testId="digest-hour-status" />
          </div>
        )}
      </Field>
    </div>
  );
}
