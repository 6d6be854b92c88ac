// Pieces the admin pages share: the roles as checkboxes, a region choice, the status line that
// announces what just happened, and a badge for whether a person is active.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES, type Role } from '@council/shared';

/** The roles as checkboxes in a fieldset; `error` is the server's message for the field. */
export function RoleChecks({
  value,
  onChange,
  error,
  testIdPrefix,
}: {
  value: readonly Role[];
  onChange: (roles: Role[]) => void;
  error?: string;
  testIdPrefix: string;
}) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <fieldset className="admin-roles" aria-describedby={error ? `${id}-error` : undefined}>
      <legend className="field__label">{t('admin.people.roles')}</legend>
      <div className="admin-roles__list">
        {ROLES.map((role) => (
          <label key={role} className="check admin-roles__item">
            <input
              type="checkbox"
              checked={value.includes(role)}
              onChange={(e) => onChange(e.target.checked ? ROLES.filter((r) => r === role || value.includes(r)) : value.filter((r) => r !== role))}
              data-testid={`${testIdPrefix}-role-${role}`}
            />
            {t(`roles.${role}`)}
          </label>
        ))}
      </div>
      {error ? (
        <p id={`${id}-error`} className="field__error" role="alert">
          <span aria-hidden="true" className="field__error-icon">
            !
          </span>
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

/** A select of the regions with "No region" first (value ''); the control props come from a Field. */
export function RegionOptions({ regions }: { regions: readonly { id: string; name: string }[] }) {
  const { t } = useTranslation();
  return (
    <>
      <option value="">{t('admin.noRegion')}</option>
      {regions.map((r) => (
        <option key={r.id} value={r.id}>
          {r.name}
        </option>
      ))}
    </>
  );
}

export interface Status {
  ok: boolean;
  message: string;
}

/** What just happened (or went wrong), in a live region that is always there so each change is announced. */
export function StatusLine({ status, testId }: { status: Status | null; testId: string }) {
  return (
    <div aria-live="polite" className="live admin-status">
      {status ? (
        <p className={status.ok ? 'notice notice--success' : 'notice notice--error'} role={status.ok ? 'status' : 'alert'} data-testid={testId}>
          {status.message}
        </p>
      ) : null}
    </div>
  );
}

export function ActiveBadge({ active }: { active: boolean }) {
  const { t } = useTranslation();
  return (
    <span className={active ? 'badge badge--resolved' : 'badge badge--closed'} data-testid="person-active" data-active={active}>
      <span className="badge__dot" aria-hidden="true" />
      {active ? t('admin.people.active') : t('admin.people.inactive')}
    </span>
  );
}
