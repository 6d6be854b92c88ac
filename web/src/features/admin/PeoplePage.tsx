// People in the admin area: everyone with an account, filtered by name or email, role, region and
// whether deactivated people show (all in the URL); per person an edit form (name, roles, region)
// and deactivation (after a confirmation: their sessions end at once) or reactivation. Below,
// inviting a person and the invitations (see Invitations.tsx). Each part shows only when the
// person's abilities allow it.
import { useId, useMemo, useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useMutation, useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { ROLES, type Role } from '@council/shared';
import { AdminPeopleQuery, UpdatePersonMutation, type AdminPerson, type RegionChoice } from './documents';
import { ActiveBadge, RegionOptions, RoleChecks, StatusLine, type Status } from './components';
import { InvitationsSection } from './Invitations';
import { useViewer } from '../auth/viewer';
import { errorMessage, fieldErrors, type FieldErrors } from '../../app/errors';
import { useDocumentTitle } from '../../app/useDocumentTitle';
import { Field, FormError } from '../../ui/Field';
import { EmptyState, LoadFailed, Loading } from '../../ui/States';
import { formatNumber } from '../../ui/format';

const PEOPLE_CONTEXT = { additionalTypenames: ['User', 'Region'] };
/** The region filter's value for people without one. */
const NO_REGION = 'none';

export function PeoplePage() {
  const { t } = useTranslation();
  useDocumentTitle(t('admin.people.title'));
  const viewer = useViewer();
  const invites = viewer.canInvitePeople.allowed;
  return (
    <div className="page admin-page">
      <div className="page-head">
        <div>
          <h1 className="page-head__title">{t('admin.people.title')}</h1>
          <p className="page-head__lead">{t('admin.people.lead')}</p>
        </div>
        {invites ? (
          <a href="#invite" className="btn btn--primary" data-testid="invite-jump">
            <span aria-hidden="true">+</span> {t('admin.people.inviteJump')}
          </a>
        ) : null}
      </div>
      {viewer.canManagePeople.allowed ? <PeopleSection /> : null}
      {invites ? <InvitationsSection /> : null}
    </div>
  );
}

interface PeopleFilters {
  q: string;
  role: Role | '';
  region: string;
  inactive: boolean;
}

function usePeopleFilters(): [PeopleFilters, (patch: Partial<PeopleFilters>) => void] {
  const [params, setParams] = useSearchParams();
  const role = params.get('role') ?? '';
  const filters: PeopleFilters = {
    q: params.get('q') ?? '',
    role: (ROLES as readonly string[]).includes(role) ? (role as Role) : '',
    region: params.get('region') ?? '',
    inactive: params.get('inactive') === '1',
  };
  const update = (patch: Partial<PeopleFilters>) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        const set = (key: string, value: string) => (value ? next.set(key, value) : next.delete(key));
        if (patch.q !== undefined) set('q', patch.q);
        if (patch.role !== undefined) set('role', patch.role);
        if (patch.region !== undefined) set('region', patch.region);
        if (patch.inactive !== undefined) set('inactive', patch.inactive ? '1' : '');
        return next;
      },
      // Typing in the search box replaces the entry; choosing a filter adds one (back undoes it).
      { replace: patch.q !== undefined },
    );
  return [filters, update];
}

function matches(person: AdminPerson, f: PeopleFilters): boolean {
  if (!f.inactive && !person.active) return false;
  if (f.role && !person.roles.includes(f.role)) return false;
  if (f.region === NO_REGION ? person.region : f.region && person.region?.id !== f.region) return false;
  const q = f.q.trim().toLocaleLowerCase();
  return !q || person.name.toLocaleLowerCase().includes(q) || person.email.toLocaleLowerCase().includes(q);
}

function PeopleSection() {
  const { t } = useTranslation();
  const [{ data, fetching, error }, reexecute] = useQuery({ query: AdminPeopleQuery, context: PEOPLE_CONTEXT });
  const [filters, update] = usePeopleFilters();
  const [status, setStatus] = useState<Status | null>(null);
  const people = useMemo(() => (data?.people ?? []).filter((p) => matches(p, filters)), [data, filters]);
  const hasFilters = !!(filters.q || filters.role || filters.region || filters.inactive);

  return (
    <section className="admin-section" aria-labelledby="people-heading">
      <h2 id="people-heading" className="visually-hidden">
        {t('admin.people.title')}
      </h2>
      <PeopleFilterBar filters={filters} update={update} regions={data?.regions ?? []} hasFilters={hasFilters} />
      <StatusLine status={status} testId="people-status" />
      {!data && fetching ? <Loading label={t('admin.people.loading')} /> : null}
      {!data && error ? <LoadFailed message={errorMessage(error, t)} onRetry={() => reexecute({ requestPolicy: 'network-only' })} /> : null}
      {data ? (
        <>
          <p className="admin-count" data-testid="people-count">
            {t('admin.people.count', { count: people.length, formatted: formatNumber(people.length) })}
          </p>
          {people.length === 0 ? (
            <EmptyState title={t('admin.people.empty')} />
          ) : (
            <ul className="admin-list" data-testid="people-list">
              {people.map((p) => (
                <PersonRow key={p.id} person={p} regions={data.regions} onStatus={setStatus} />
              ))}
            </ul>
          )}
        </>
      ) : null}
    </section>
  );
}

function PeopleFilterBar({
  filters,
  update,
  regions,
  hasFilters,
}: {
  filters: PeopleFilters;
  update: (patch: Partial<PeopleFilters>) => void;
  regions: readonly RegionChoice[];
  hasFilters: boolean;
}) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <section className="filters admin-filters" aria-label={t('admin.people.filters.label')}>
      <div className="admin-filters__row">
        <div className="filters__select admin-filters__search">
          <label htmlFor={`${id}-q`}>{t('admin.people.filters.search')}</label>
          <input id={`${id}-q`} type="search" className="input" value={filters.q} onChange={(e) => update({ q: e.target.value })} data-testid="people-search" />
        </div>
        <div className="filters__select">
          <label htmlFor={`${id}-role`}>{t('admin.people.filters.role')}</label>
          <select id={`${id}-role`} className="select" value={filters.role} onChange={(e) => update({ role: e.target.value as Role | '' })} data-testid="people-filter-role">
            <option value="">{t('admin.people.filters.anyRole')}</option>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`roles.${r}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="filters__select">
          <label htmlFor={`${id}-region`}>{t('admin.people.filters.region')}</label>
          <select id={`${id}-region`} className="select" value={filters.region} onChange={(e) => update({ region: e.target.value })} data-testid="people-filter-region">
            <option value="">{t('admin.people.filters.anyRegion')}</option>
            <option value={NO_REGION}>{t('admin.noRegion')}</option>
            {regions.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="admin-filters__row admin-filters__row--end">
        <label className="check">
          <input type="checkbox" checked={filters.inactive} onChange={(e) => update({ inactive: e.target.checked })} data-testid="people-filter-inactive" />
          {t('admin.people.filters.inactive')}
        </label>
        {hasFilters ? (
          <button type="button" className="btn btn--link" onClick={() => update({ q: '', role: '', region: '', inactive: false })}>
            {t('admin.people.filters.clear')}
          </button>
        ) : null}
      </div>
    </section>
  );
}

type Mode = 'view' | 'edit' | 'deactivate';

function PersonRow({ person, regions, onStatus }: { person: AdminPerson; regions: readonly RegionChoice[]; onStatus: (s: Status | null) => void }) {
  const { t } = useTranslation();
  const viewer = useViewer();
  const id = useId();
  const [mode, setMode] = useState<Mode>('view');
  const [problem, setProblem] = useState<string | null>(null);
  const [{ fetching }, updatePerson] = useMutation(UpdatePersonMutation);
  const roles = person.roles.map((r) => t(`roles.${r}`)).join(', ');

  async function setActive(active: boolean) {
    setProblem(null);
    onStatus(null);
    const result = await updatePerson({ input: { userId: person.id, active } });
    if (result.error) {
      setProblem(errorMessage(result.error, t));
      return;
    }
    setMode('view');
    onStatus({ ok: true, message: active ? t('admin.people.reactivate.done', { name: person.name }) : t('admin.people.deactivate.done', { name: person.name }) });
  }

  return (
    <li className={person.active ? 'admin-row' : 'admin-row admin-row--inactive'} data-testid="person-row" data-email={person.email}>
      <div className="admin-row__main">
        <p className="admin-row__title">
          <span id={`${id}-name`} data-testid="person-name">
            {person.name}
          </span>
          {person.id === viewer.id ? <span className="muted"> ({t('admin.people.you')})</span> : null}
        </p>
        <p className="admin-row__meta">
          <span className="admin-row__email">{person.email}</span>
        </p>
        <p className="admin-row__meta">
          <span className="visually-hidden">{t('admin.people.roles')}: </span>
          <span data-testid="person-roles">{roles}</span>
          <span aria-hidden="true"> · </span>
          <span className="visually-hidden">{t('admin.people.region')}: </span>
          <span data-testid="person-region">{person.region?.name ?? t('admin.noRegion')}</span>
        </p>
      </div>
      <div className="admin-row__side">
        <ActiveBadge active={person.active} />
        {mode === 'view' ? (
          <div className="admin-row__actions">
            <button
              type="button"
              className="btn"
              onClick={() => {
                setProblem(null);
                setMode('edit');
              }}
              aria-describedby={`${id}-name`}
              data-testid="person-edit"
            >
              {t('admin.edit')}
            </button>
            {person.active ? (
              <button type="button" className="btn btn--ghost" onClick={() => setMode('deactivate')} aria-describedby={`${id}-name`} data-testid="person-deactivate">
                {t('admin.people.deactivate.button')}
              </button>
            ) : (
              <button
                type="button"
                className="btn btn--ghost"
                disabled={fetching}
                onClick={() => void setActive(true)}
                aria-describedby={`${id}-name`}
                data-testid="person-reactivate"
              >
                {fetching ? t('admin.people.reactivate.working') : t('admin.people.reactivate.button')}
              </button>
            )}
          </div>
        ) : null}
      </div>

      {mode === 'edit' ? (
        <PersonForm
          person={person}
          regions={regions}
          onCancel={() => setMode('view')}
          onSaved={(name) => {
            setMode('view');
            onStatus({ ok: true, message: t('admin.people.saved', { name }) });
          }}
        />
      ) : null}

      {mode === 'deactivate' ? (
        <div className="actions__confirm admin-row__wide" role="group" aria-labelledby={`${id}-question`} data-testid="deactivate-confirmation">
          <p id={`${id}-question`} className="actions__question">
            {t('admin.people.deactivate.question', { name: person.name })}
          </p>
          <p className="actions__hint">{t('admin.people.deactivate.consequence')}</p>
          <div className="form__actions">
            <button type="button" className="btn btn--ghost" onClick={() => setMode('view')} disabled={fetching}>
              {t('admin.people.deactivate.keep')}
            </button>
            <button
              type="button"
              className="btn btn--danger"
              disabled={fetching}
              onClick={() => void setActive(false)}
              // The question appears in place of the button that asked for it: focus moves to the answer.
              autoFocus
              data-testid="person-deactivate-confirm"
            >
              {fetching ? t('admin.people.deactivate.working') : t('admin.people.deactivate.confirm')}
            </button>
          </div>
        </div>
      ) : null}

      {/* A refusal (e.g. the last administrator) is announced as it appears (role="alert"). */}
      {problem && mode !== 'edit' ? (
        <div className="admin-row__wide" data-testid="person-error">
          <FormError message={problem} />
        </div>
      ) : null}
    </li>
  );
}

function PersonForm({
  person,
  regions,
  onCancel,
  onSaved,
}: {
  person: AdminPerson;
  regions: readonly RegionChoice[];
  onCancel: () => void;
  /** With the name as saved. */
  onSaved: (name: string) => void;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState(person.name);
  const [roles, setRoles] = useState<Role[]>([...person.roles]);
  const [regionId, setRegionId] = useState(person.region?.id ?? '');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [{ fetching }, updatePerson] = useMutation(UpdatePersonMutation);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setProblem(null);
    const result = await updatePerson({ input: { userId: person.id, name, roles, regionId: regionId || null } });
    if (result.error) {
      const fields = fieldErrors(result.error);
      setErrors(fields);
      if (!fields.name && !fields.roles && !fields.regionId) setProblem(errorMessage(result.error, t));
      return;
    }
    onSaved(result.data?.updatePerson.name ?? name);
  }

  return (
    <form className="form admin-form admin-row__wide" onSubmit={onSubmit} noValidate data-testid="person-form">
      <div data-testid="person-form-error">
        <FormError message={problem} />
      </div>
      <div className="admin-form__grid">
        <Field label={t('admin.people.name')} error={errors.name}>
          {(control) => <input {...control} className="input" value={name} onChange={(e) => setName(e.target.value)} autoFocus data-testid="person-name-input" />}
        </Field>
        <Field label={t('admin.people.region')} error={errors.regionId}>
          {(control) => (
            <select {...control} className="select" value={regionId} onChange={(e) => setRegionId(e.target.value)} data-testid="person-region-select">
              <RegionOptions regions={regions} />
            </select>
          )}
        </Field>
      </div>
      <RoleChecks value={roles} onChange={setRoles} error={errors.roles} testIdPrefix="person" />
      <div className="form__actions">
        <button type="button" className="btn btn--ghost" onClick={onCancel} disabled={fetching}>
          {t('admin.cancel')}
        </button>
        <button type="submit" className="btn btn--primary" disabled={fetching} data-testid="person-save">
          {fetching ? t('admin.people.saving') : t('admin.people.save')}
        </button>
      </div>
    </form>
  );
}
