// Departments in the admin area: the other departments issues are referred to (billing,
// logistics, product, …), each with its contact people; adding one, renaming one and choosing its
// contacts from the active people (a filterable checkbox list). The server gives every chosen
// contact the role "Department contact".
import { useId, useMemo, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import {
  AdminDepartmentsQuery,
  CreateDepartmentMutation,
  UpdateDepartmentMutation,
  type AdminDepartment,
  type ContactChoice,
} from './documents';
import { StatusLine, type Status } from './components';
import { errorMessage, fieldErrors, type FieldErrors } from '../../app/errors';
import { useDocumentTitle } from '../../app/useDocumentTitle';
import { Field, FormError } from '../../ui/Field';
import { EmptyState, LoadFailed, Loading } from '../../ui/States';
import { formatNumber } from '../../ui/format';

const DEPARTMENTS_CONTEXT = { additionalTypenames: ['Department', 'User'] };

export function DepartmentsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('departments.admin.title'));
  const [{ data, fetching, error }, reexecute] = useQuery({ query: AdminDepartmentsQuery, context: DEPARTMENTS_CONTEXT });
  const [status, setStatus] = useState<Status | null>(null);
  const people = data?.people ?? [];

  return (
    <div className="page admin-page">
      <div className="page-head">
        <div>
          <h1 className="page-head__title">{t('departments.admin.title')}</h1>
          <p className="page-head__lead">{t('departments.admin.lead')}</p>
        </div>
      </div>

      <section className="card admin-card" aria-labelledby="departments-list-heading">
        <h2 id="departments-list-heading" className="card__title">
          {t('departments.admin.listHeading')}
        </h2>
        <StatusLine status={status} testId="departments-status" />
        {!data && fetching ? <Loading label={t('departments.admin.loading')} /> : null}
        {!data && error ? <LoadFailed message={errorMessage(error, t)} onRetry={() => reexecute({ requestPolicy: 'network-only' })} /> : null}
        {data && data.departments.length === 0 ? <EmptyState title={t('departments.admin.empty')} /> : null}
        {data && data.departments.length > 0 ? (
          <ul className="admin-list admin-list--flat" data-testid="departments-list">
            {data.departments.map((d) => (
              <DepartmentRow key={d.id} department={d} people={people} onStatus={setStatus} />
            ))}
          </ul>
        ) : null}
      </section>

      {data ? (
        <section className="card admin-card" aria-labelledby="department-create-heading">
          <h2 id="department-create-heading" className="card__title">
            {t('departments.admin.createHeading')}
          </h2>
          <DepartmentForm people={people} onSaved={(d) => setStatus({ ok: true, message: t('departments.admin.created', { name: d.name }) })} />
        </section>
      ) : null}
    </div>
  );
}

function DepartmentRow({ department, people, onStatus }: { department: AdminDepartment; people: readonly ContactChoice[]; onStatus: (s: Status | null) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [editing, setEditing] = useState(false);
  return (
    <li className="admin-row" data-testid="department-row" data-name={department.name}>
      <div className="admin-row__main">
        <p className="admin-row__title" id={`${id}-name`}>
          {department.name}
        </p>
        <p className="admin-row__meta" data-testid="department-contacts">
          <span className="visually-hidden">{t('departments.admin.contacts')}: </span>
          {department.contacts.length ? department.contacts.map((c) => c.name).join(', ') : <span className="muted">{t('departments.admin.noContacts')}</span>}
        </p>
      </div>
      {!editing ? (
        <div className="admin-row__side">
          <button
            type="button"
            className="btn"
            aria-describedby={`${id}-name`}
            onClick={() => {
              onStatus(null);
              setEditing(true);
            }}
            data-testid="department-edit"
          >
            {t('admin.edit')}
          </button>
        </div>
      ) : (
        <div className="admin-row__wide">
          <DepartmentForm
            department={department}
            people={people}
            onCancel={() => setEditing(false)}
            onSaved={(d) => {
              setEditing(false);
              onStatus({ ok: true, message: t('departments.admin.saved', { name: d.name }) });
            }}
          />
        </div>
      )}
    </li>
  );
}

/** Adding a department (no `department`) or changing one: its name and its contacts. */
function DepartmentForm({
  department,
  people,
  onCancel,
  onSaved,
}: {
  department?: AdminDepartment;
  people: readonly ContactChoice[];
  onCancel?: () => void;
  onSaved: (department: AdminDepartment) => void;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState(department?.name ?? '');
  const [contactIds, setContactIds] = useState<string[]>(() => department?.contacts.map((c) => c.id) ?? []);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [{ fetching: creating }, create] = useMutation(CreateDepartmentMutation);
  const [{ fetching: updating }, update] = useMutation(UpdateDepartmentMutation);
  const busy = creating || updating;

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setProblem(null);
    const result = department
      ? await update({ departmentId: department.id, name, contactIds }, DEPARTMENTS_CONTEXT)
      : await create({ name, contactIds }, DEPARTMENTS_CONTEXT);
    if (result.error) {
      const fields = fieldErrors(result.error);
      setErrors(fields);
      if (!Object.keys(fields).length) setProblem(errorMessage(result.error, t));
      return;
    }
    setErrors({});
    const saved = result.data && ('updateDepartment' in result.data ? result.data.updateDepartment : result.data.createDepartment);
    if (!department) {
      setName('');
      setContactIds([]);
    }
    if (saved) onSaved(saved);
  }

  const prefix = department ? 'department-edit' : 'department-new';
  return (
    <form className="form admin-form" onSubmit={onSubmit} noValidate data-testid={`${prefix}-form`}>
      <FormError message={problem} />
      <Field label={t('departments.admin.name')} error={errors.name}>
        {(control) => (
          <input
            {...control}
            className="input"
            value={name}
            required
            autoFocus={!!department}
            autoComplete="off"
            onChange={(e) => setName(e.target.value)}
            data-testid={`${prefix}-name`}
          />
        )}
      </Field>
      <ContactPicker people={people} value={contactIds} onChange={setContactIds} error={errors.contactIds} testIdPrefix={prefix} />
      <div className="form__actions">
        {onCancel ? (
          <button type="button" className="btn btn--ghost" onClick={onCancel} disabled={busy}>
            {t('admin.cancel')}
          </button>
        ) : null}
        <button type="submit" className="btn btn--primary" disabled={busy} data-testid={`${prefix}-submit`}>
          {department ? (busy ? t('departments.admin.saving') : t('departments.admin.save')) : busy ? t('departments.admin.creating') : t('departments.admin.create')}
        </button>
      </div>
    </form>
  );
}

/** The active people as checkboxes, narrowed by a filter box; the chosen ones stay listed whatever the filter. */
function ContactPicker({
  people,
  value,
  onChange,
  error,
  testIdPrefix,
}: {
  people: readonly ContactChoice[];
  value: readonly string[];
  onChange: (ids: string[]) => void;
  error?: string;
  testIdPrefix: string;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [filter, setFilter] = useState('');
  const shown = useMemo(() => {
    const q = filter.trim().toLocaleLowerCase();
    return people.filter((p) => value.includes(p.id) || !q || p.name.toLocaleLowerCase().includes(q) || p.email.toLocaleLowerCase().includes(q));
  }, [people, value, filter]);
  const describedBy = [`${id}-count`, error ? `${id}-error` : null].filter(Boolean).join(' ');
  return (
    <fieldset className="admin-roles department-contacts" aria-describedby={describedBy}>
      <legend className="field__label">{t('departments.admin.contacts')}</legend>
      <p className="field__hint">{t('departments.admin.contactsHint')}</p>
      <label htmlFor={`${id}-filter`} className="visually-hidden">
        {t('departments.admin.filter')}
      </label>
      <input
        id={`${id}-filter`}
        type="search"
        className="input department-contacts__filter"
        placeholder={t('departments.admin.filter')}
        value={filter}
        onChange={(e) => setFilter(e.target.value)}
        data-testid={`${testIdPrefix}-contact-filter`}
      />
      <p id={`${id}-count`} className="field__hint" aria-live="polite">
        {t('departments.admin.chosen', { count: value.length, formatted: formatNumber(value.length) })}
      </p>
      {shown.length ? (
        <ul className="department-contacts__list">
          {shown.map((p) => (
            <li key={p.id}>
              <label className="check department-contacts__item">
                <input
                  type="checkbox"
                  checked={value.includes(p.id)}
                  onChange={(e) => onChange(e.target.checked ? [...value, p.id] : value.filter((v) => v !== p.id))}
                  data-testid={`${testIdPrefix}-contact`}
                  data-email={p.email}
                />
                <span>
                  {p.name} <span className="muted">{p.email}</span>
                </span>
              </label>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t('departments.admin.noMatch')}</p>
      )}
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
