// The audit log: every change, newest first — when, who (or "System"), what (a translated action,
// or the action as recorded where the web has no words for it), what it changed (with a link where
// the web has a page for it), and each field before and after. Filtered by person and by action or
// family of actions, both in the URL; further pages load on demand ("Load more", by cursor).
import { useId, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { isLocale } from '@council/shared';
import { AUDIT_PAGE_SIZE, AuditFiltersQuery, AuditLogQuery, type AuditEventData } from './documents';
import { actionFamily, changedFields, familiesOf, formatValue, localId, withSubjectNames, type ValueLabels } from './auditFormat';
import { useViewer } from '../auth/viewer';
import { subjectHref } from '../meetings/paths';
import { LANGUAGE_NAMES, type I18n } from '../../app/i18n';
import { errorMessage } from '../../app/errors';
import { translateKey } from '../../app/translate';
import { useDocumentTitle } from '../../app/useDocumentTitle';
import { EmptyState, LoadFailed, Loading } from '../../ui/States';
import { formatDateTime } from '../../ui/format';

// Any change may add an event: the log refetches when anything it shows changes.
const AUDIT_CONTEXT = { additionalTypenames: ['AuditEvent', 'User', 'Region', 'Category', 'Invitation', 'Issue', 'Proposal', 'Meeting'] };
const POLICIES_HREF = '/policies';

interface AuditFilters {
  actor: string;
  action: string;
}

/** A key's text where the catalog has it, else null (an action or field the web has no words for). */
function known(t: TFunction, i18n: I18n, key: string): string | null {
  return i18n.exists(key) ? translateKey(t, key) : null;
}

/** The words for a part of the log (`actions.user.created`, `fields.name`, …): the admin catalog's, or a feature's own (departments). */
function auditText(t: TFunction, i18n: I18n, part: string): string | null {
  return known(t, i18n, `admin.audit.${part}`) ?? known(t, i18n, `departments.audit.${part}`);
}

function actionLabel(t: TFunction, i18n: I18n, action: string): string {
  return (action.includes('.') && auditText(t, i18n, `actions.${action}`)) || action;
}

function familyLabel(t: TFunction, i18n: I18n, family: string): string {
  return auditText(t, i18n, `families.${family}`) ?? family;
}

export function AuditPage() {
  const { t, i18n } = useTranslation();
  useDocumentTitle(t('admin.audit.title'));
  const viewer = useViewer();
  const [params, setParams] = useSearchParams();
  const filters: AuditFilters = { actor: params.get('actor') ?? '', action: params.get('action') ?? '' };
  const [{ data: choices }] = useQuery({ query: AuditFiltersQuery, variables: { includeInactive: viewer.canManagePeople.allowed } });
  const id = useId();

  function update(patch: Partial<AuditFilters>) {
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      for (const [key, value] of Object.entries(patch)) {
        if (value) next.set(key, value);
        else next.delete(key);
      }
      return next;
    });
  }

  const actions = choices?.auditActions ?? [];
  const families = familiesOf(actions);
  // A filter from the URL that the choices do not hold (yet) still shows as chosen.
  const actionMissing = !!filters.action && !actions.includes(filters.action) && !families.includes(filters.action);
  const people = choices?.people ?? [];
  const actorMissing = !!filters.actor && !people.some((p) => p.id === filters.actor);

  const labels = useMemo<ValueLabels>(() => {
    const regions = choices?.regions ?? [];
    // The log records row ids; the API answers global ids.
    const names = new Map([...regions, ...(choices?.people ?? []), ...(choices?.departments ?? [])].map((n) => [localId(n.id), n.name]));
    return {
      none: t('admin.audit.none'),
      yes: t('admin.audit.yes'),
      no: t('admin.audit.no'),
      role: (r) => known(t, i18n, `roles.${r}`),
      region: (code) => regions.find((r) => r.code === code)?.name ?? null,
      named: (id) => names.get(id) ?? null,
      status: (s) => known(t, i18n, `proposalStatus.${s}`) ?? known(t, i18n, `issueStatus.${s}`) ?? known(t, i18n, `rolloutStatus.${s}`) ?? known(t, i18n, `meetings.status.${s}`) ?? known(t, i18n, `departments.status.${s}`),
      language: (l) => (isLocale(l) ? LANGUAGE_NAMES[l] : null),
      dateTime: (iso) => formatDateTime(iso),
    };
  }, [choices, t, i18n]);

  return (
    <div className="page admin-page">
      <div className="page-head">
        <div>
          <h1 className="page-head__title">{t('admin.audit.title')}</h1>
          <p className="page-head__lead">{t('admin.audit.lead')}</p>
        </div>
      </div>

      <section className="filters admin-filters" aria-label={t('admin.audit.filters.label')}>
        <div className="admin-filters__row admin-filters__row--2">
          <div className="filters__select">
            <label htmlFor={`${id}-actor`}>{t('admin.audit.filters.person')}</label>
            <select id={`${id}-actor`} className="select" value={filters.actor} onChange={(e) => update({ actor: e.target.value })} data-testid="audit-filter-person">
              <option value="">{t('admin.audit.filters.anyPerson')}</option>
              {actorMissing ? <option value={filters.actor}>{filters.actor}</option> : null}
              {people.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.active ? p.name : t('admin.audit.filters.deactivated', { name: p.name })}
                </option>
              ))}
            </select>
          </div>
          <div className="filters__select">
            <label htmlFor={`${id}-action`}>{t('admin.audit.filters.action')}</label>
            <select id={`${id}-action`} className="select" value={filters.action} onChange={(e) => update({ action: e.target.value })} data-testid="audit-filter-action">
              <option value="">{t('admin.audit.filters.anyAction')}</option>
              {actionMissing ? <option value={filters.action}>{filters.action}</option> : null}
              {families.length ? (
                <optgroup label={t('admin.audit.filters.families')}>
                  {families.map((f) => (
                    <option key={f} value={f}>
                      {t('admin.audit.filters.family', { label: familyLabel(t, i18n, f) })}
                    </option>
                  ))}
                </optgroup>
              ) : null}
              {actions.length ? (
                <optgroup label={t('admin.audit.filters.actions')}>
                  {actions.map((a) => (
                    <option key={a} value={a}>
                      {familyLabel(t, i18n, actionFamily(a))}: {actionLabel(t, i18n, a)}
                    </option>
                  ))}
                </optgroup>
              ) : null}
            </select>
          </div>
        </div>
        {filters.actor || filters.action ? (
          <div className="admin-filters__row admin-filters__row--end">
            <button type="button" className="btn btn--link" onClick={() => update({ actor: '', action: '' })}>
              {t('admin.audit.filters.clear')}
            </button>
          </div>
        ) : null}
      </section>

      <AuditList filters={filters} labels={labels} />
    </div>
  );
}

/** Pages of the log: one query per page, each kept fresh by the cache; new filters start again from the first. */
function AuditList({ filters, labels }: { filters: AuditFilters; labels: ValueLabels }) {
  const key = `${filters.actor}|${filters.action}`;
  const [pages, setPages] = useState<{ key: string; cursors: (string | null)[] }>({ key, cursors: [null] });
  const current = pages.key === key ? pages : { key, cursors: [null] };
  if (pages.key !== key) setPages(current);
  return (
    <div className="audit">
      {current.cursors.map((after, i) => (
        <AuditChunk
          key={after ?? 'first'}
          filters={filters}
          after={after}
          first={i === 0}
          last={i === current.cursors.length - 1}
          labels={labels}
          onLoadMore={(cursor) => setPages((p) => (p.cursors.includes(cursor) ? p : { ...p, cursors: [...p.cursors, cursor] }))}
        />
      ))}
    </div>
  );
}

function AuditChunk({
  filters,
  after,
  first,
  last,
  labels,
  onLoadMore,
}: {
  filters: AuditFilters;
  after: string | null;
  first: boolean;
  last: boolean;
  labels: ValueLabels;
  onLoadMore: (cursor: string) => void;
}) {
  const { t } = useTranslation();
  const variables = useMemo(
    () => ({ first: AUDIT_PAGE_SIZE, after, actorId: filters.actor || null, action: filters.action || null }),
    [after, filters.actor, filters.action],
  );
  const [{ data, fetching, error }, reexecute] = useQuery({ query: AuditLogQuery, variables, context: AUDIT_CONTEXT });
  const log = data?.auditLog;
  const [asked, setAsked] = useState(false);

  return (
    <>
      {!log && fetching ? <Loading label={first ? t('admin.audit.loading') : t('admin.audit.loadingMore')} /> : null}
      {error && !(log && fetching) ? <LoadFailed message={errorMessage(error, t)} onRetry={() => reexecute({ requestPolicy: 'network-only' })} /> : null}
      {log && first && log.edges.length === 0 ? <EmptyState title={t('admin.audit.empty')} /> : null}
      {log && log.edges.length > 0 ? (
        <ol className="audit__list" data-testid="audit-list" aria-busy={fetching || undefined}>
          {log.edges.map((e) => (
            <AuditRow key={e.cursor} event={e.node} labels={labels} />
          ))}
        </ol>
      ) : null}
      {last && log?.pageInfo.hasNextPage && log.pageInfo.endCursor ? (
        <div className="feed__more">
          <button
            type="button"
            className="btn"
            disabled={asked}
            onClick={() => {
              setAsked(true);
              onLoadMore(log.pageInfo.endCursor!);
            }}
            data-testid="audit-load-more"
          >
            {t('admin.audit.loadMore')}
          </button>
        </div>
      ) : null}
      {last && log && !log.pageInfo.hasNextPage && !first ? <p className="muted audit__end">{t('admin.audit.end')}</p> : null}
    </>
  );
}

function AuditRow({ event, labels: pageLabels }: { event: AuditEventData; labels: ValueLabels }) {
  const { t, i18n } = useTranslation();
  const changes = changedFields(event.changes);
  const labels = withSubjectNames(pageLabels, event.subject);
  return (
    <li className="audit-event" data-testid="audit-event" data-action={event.action}>
      <div className="audit-event__head">
        <span className="audit-event__action" data-testid="audit-action">
          {actionLabel(t, i18n, event.action)}
        </span>
        <span className="audit-event__subject" data-testid="audit-subject">
          <Subject event={event} />
        </span>
      </div>
      <p className="audit-event__meta">
        <span className="visually-hidden">{t('admin.audit.when')}: </span>
        <time dateTime={event.at}>{formatDateTime(event.at)}</time>
        <span aria-hidden="true"> · </span>
        <span className="visually-hidden">{t('admin.audit.who')}: </span>
        <span data-testid="audit-actor">{event.actor?.name ?? t('admin.audit.system')}</span>
      </p>
      {changes.length > 0 ? (
        <ul className="audit-changes" aria-label={t('admin.audit.changes')} data-testid="audit-changes">
          {changes.map((c) => (
            <li key={c.field} className="audit-changes__item" data-testid="audit-change" data-field={c.field}>
              <span className="audit-changes__field">{auditText(t, i18n, `fields.${c.field}`) ?? c.field}:</span>{' '}
              {c.before !== null ? (
                <>
                  <span className="visually-hidden">{t('admin.audit.before')} </span>
                  <span className="audit-changes__before">{formatValue(c.field, c.before, labels)}</span>{' '}
                  <span aria-hidden="true" className="audit-changes__arrow">
                    →
                  </span>{' '}
                  <span className="visually-hidden">{t('admin.audit.after')} </span>
                </>
              ) : null}
              <span className="audit-changes__after">{formatValue(c.field, c.after, labels)}</span>
            </li>
          ))}
        </ul>
      ) : null}
    </li>
  );
}

/** What changed: its kind, and its name with a link where the web has a page for it. */
function Subject({ event }: { event: AuditEventData }) {
  const { t, i18n } = useTranslation();
  const type = auditText(t, i18n, `subjects.${event.subjectType}`) ?? event.subjectType;
  const s = event.subject;
  let name: string | null = null;
  let href: string | null = null;
  if (s) {
    if (s.__typename === 'Issue' || s.__typename === 'Proposal' || s.__typename === 'Meeting') {
      name = s.title;
      href = subjectHref(s);
    } else if (s.__typename === 'Policy') {
      name = s.title;
      href = POLICIES_HREF;
    } else if (s.__typename === 'User' || s.__typename === 'Region' || s.__typename === 'Category' || s.__typename === 'Department') {
      name = s.name;
    } else if (s.__typename === 'Referral') {
      // A question to a department is shown by the issue it is about.
      name = `${s.department.name} · ${s.issue.title}`;
      href = subjectHref({ __typename: 'Issue', id: s.issue.id });
    } else if (s.__typename === 'Invitation') {
      name = `${s.name} (${s.email})`;
    }
  }
  return (
    <>
      <span className="audit-event__type">{type}</span>
      {name ? (
        <>
          <span aria-hidden="true">: </span>
          {href ? <Link to={href}>{name}</Link> : <span>{name}</span>}
        </>
      ) : null}
    </>
  );
}
