// Regions in the admin area: the list, adding one, and changing one in place (code, name, time
// zone). The time zone is typed with the runtime's zones as suggestions; the server checks it.
import { useId, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { AdminRegionsQuery, CreateRegionMutation, UpdateRegionMutation, type AdminRegion } from './documents';
import { StatusLine, type Status } from './components';
import { errorMessage, fieldErrors, type FieldErrors } from '../../app/errors';
import { useDocumentTitle } from '../../app/useDocumentTitle';
import { Field, FormError } from '../../ui/Field';
import { EmptyState, LoadFailed, Loading } from '../../ui/States';
import { timeZones } from '../../ui/timeZones';

const REGIONS_CONTEXT = { additionalTypenames: ['Region'] };

export function RegionsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('admin.regions.title'));
  const [{ data, fetching, error }, reexecute] = useQuery({ query: AdminRegionsQuery, context: REGIONS_CONTEXT });
  const [status, setStatus] = useState<Status | null>(null);
  const zonesId = useId();
  const zones = timeZones();

  return (
    <div className="page admin-page">
      <div className="page-head">
        <div>
          <h1 className="page-head__title">{t('admin.regions.title')}</h1>
          <p className="page-head__lead">{t('admin.regions.lead')}</p>
        </div>
      </div>
      <datalist id={zonesId}>
        {zones.map((z) => (
          <option key={z} value={z} />
        ))}
      </datalist>

      <section className="card admin-card" aria-labelledby="regions-list-heading">
        <h2 id="regions-list-heading" className="card__title">
          {t('admin.regions.listHeading')}
        </h2>
        <StatusLine status={status} testId="regions-status" />
        {!data && fetching ? <Loading label={t('admin.regions.loading')} /> : null}
        {!data && error ? <LoadFailed message={errorMessage(error, t)} onRetry={() => reexecute({ requestPolicy: 'network-only' })} /> : null}
        {data && data.regions.length === 0 ? <EmptyState title={t('admin.regions.empty')} /> : null}
        {data && data.regions.length > 0 ? (
          <ul className="admin-list admin-list--flat" data-testid="regions-list">
            {data.regions.map((r) => (
              <RegionRow key={r.id} region={r} zonesId={zonesId} onStatus={setStatus} />
            ))}
          </ul>
        ) : null}
      </section>

      <section className="card admin-card" aria-labelledby="region-create-heading">
        <h2 id="region-create-heading" className="card__title">
          {t('admin.regions.createHeading')}
        </h2>
        <RegionForm zonesId={zonesId} onSaved={(r) => setStatus({ ok: true, message: t('admin.regions.created', { name: r.name }) })} />
      </section>
    </div>
  );
}

function RegionRow({ region, zonesId, onStatus }: { region: AdminRegion; zonesId: string; onStatus: (s: Status | null) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [editing, setEditing] = useState(false);
  return (
    <li className="admin-row" data-testid="region-row" data-code={region.code}>
      <div className="admin-row__main">
        <p className="admin-row__title" id={`${id}-name`}>
          {region.name} <span className="tag">{region.code}</span>
        </p>
        <p className="admin-row__meta">
          <span className="visually-hidden">{t('admin.regions.timeZone')}: </span>
          {region.timeZone}
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
            data-testid="region-edit"
          >
            {t('admin.edit')}
          </button>
        </div>
      ) : (
        <div className="admin-row__wide">
          <RegionForm
            region={region}
            zonesId={zonesId}
            onCancel={() => setEditing(false)}
            onSaved={(r) => {
              setEditing(false);
              onStatus({ ok: true, message: t('admin.regions.saved', { name: r.name }) });
            }}
          />
        </div>
      )}
    </li>
  );
}

/** Adding a region (no `region`) or changing one. */
function RegionForm({
  region,
  zonesId,
  onCancel,
  onSaved,
}: {
  region?: AdminRegion;
  zonesId: string;
  onCancel?: () => void;
  onSaved: (region: AdminRegion) => void;
}) {
  const { t } = useTranslation();
  const [code, setCode] = useState(region?.code ?? '');
  const [name, setName] = useState(region?.name ?? '');
  const [timeZone, setTimeZone] = useState(region?.timeZone ?? '');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [{ fetching: creating }, create] = useMutation(CreateRegionMutation);
  const [{ fetching: updating }, update] = useMutation(UpdateRegionMutation);
  const busy = creating || updating;

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setProblem(null);
    const input = { code, name, timeZone };
    const result = region ? await update({ regionId: region.id, input }, REGIONS_CONTEXT) : await create({ input }, REGIONS_CONTEXT);
    if (result.error) {
      const fields = fieldErrors(result.error);
      setErrors(fields);
      if (!fields.code && !fields.name && !fields.timeZone) setProblem(errorMessage(result.error, t));
      return;
    }
    setErrors({});
    const saved = result.data && ('updateRegion' in result.data ? result.data.updateRegion : result.data.createRegion);
    if (!region) {
      setCode('');
      setName('');
      setTimeZone('');
    }
    if (saved) onSaved(saved);
  }

  const prefix = region ? 'region-edit' : 'region-new';
  return (
    <form className="form admin-form" onSubmit={onSubmit} noValidate data-testid={`${prefix}-form`}>
      <FormError message={problem} />
      <div className="admin-form__grid admin-form__grid--3">
        <Field label={t('admin.regions.code')} hint={t('admin.regions.codeHint')} error={errors.code}>
          {(control) => (
            <input
              {...control}
              className="input"
              value={code}
              onChange={(e) => setCode(e.target.value)}
              autoCapitalize="characters"
              autoFocus={!!region}
              data-testid={`${prefix}-code`}
            />
          )}
        </Field>
        <Field label={t('admin.regions.name')} error={errors.name}>
          {(control) => <input {...control} className="input" value={name} onChange={(e) => setName(e.target.value)} data-testid={`${prefix}-name`} />}
        </Field>
        <Field label={t('admin.regions.timeZone')} hint={t('admin.regions.timeZoneHint')} error={errors.timeZone}>
          {(control) => (
            <input
              {...control}
              className="input"
              list={zonesId}
              autoComplete="off"
              spellCheck={false}
              value={timeZone}
              onChange={(e) => setTimeZone(e.target.value)}
              data-testid={`${prefix}-zone`}
            />
          )}
        </Field>
      </div>
      <div className="form__actions">
        {onCancel ? (
          <button type="button" className="btn btn--ghost" onClick={onCancel} disabled={busy}>
            {t('admin.cancel')}
          </button>
        ) : null}
        <button type="submit" className="btn btn--primary" disabled={busy} data-testid={`${prefix}-submit`}>
          {region ? (busy ? t('admin.regions.saving') : t('admin.regions.save')) : busy ? t('admin.regions.creating') : t('admin.regions.create')}
        </button>
      </div>
    </form>
  );
}
