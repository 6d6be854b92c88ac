// For facilitators: merge this issue, a duplicate, into another. Find the other issue by
// title, pick it, confirm in a dialog that says what will happen; its supports and comments then join the chosen issue.
import { useId, useMemo, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { ISSUE_ACTIVE_STATUSES, ISSUE_MERGEABLE_STATUSES, LIMITS } from '@council/shared';
import { MergeCandidatesQuery, MergeIssueMutation, type IssueDetail } from '../documents';
import { StatusBadge } from './StatusBadge';
import { errorMessage } from '../../../app/errors';
import { ConfirmDialog } from '../../../ui/ConfirmDialog';
import { useDebounced } from '../../../ui/useDebounced';
import { formatNumber } from '../../../ui/format';

const MERGE_CONTEXT = { additionalTypenames: ['Issue', 'Comment', 'Support'] };

export function MergeControl({ issue }: { issue: IssueDetail }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const mergeable = ISSUE_MERGEABLE_STATUSES.includes(issue.status);

  return (
    <section className="card merge" aria-labelledby={`${panelId}-heading`}>
      <h2 id={`${panelId}-heading`} className="card__title">
        {t('issues.page.merge.heading')}
      </h2>
      {!mergeable ? (
        <p className="muted">{t('issues.page.merge.notMergeable')}</p>
      ) : open ? (
        <MergePanel issue={issue} onClose={() => setOpen(false)} />
      ) : (
        <>
          <p className="muted">{t('issues.page.merge.lead')}</p>
          <button type="button" className="btn" onClick={() => setOpen(true)}>
            {t('issues.page.merge.open')}
          </button>
        </>
      )}
    </section>
  );
}

function MergePanel({ issue, onClose }: { issue: IssueDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const searchId = useId();
  const [search, setSearch] = useState('');
  const debounced = useDebounced(search.trim(), 300);
  const [target, setTarget] = useState<{ id: string; title: string } | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [{ fetching: merging }, merge] = useMutation(MergeIssueMutation);

  const variables = useMemo(() => ({ search: debounced || null, status: [...ISSUE_ACTIVE_STATUSES] }), [debounced]);
  const [{ data, fetching }] = useQuery({ query: MergeCandidatesQuery, variables, pause: debounced.length < 2 });
  const candidates = (data?.issues.edges ?? []).map((e) => e.node).filter((n) => n.id !== issue.id);

  async function onConfirm() {
    if (!target) return;
    setError(null);
    const result = await merge({ issueId: issue.id, intoIssueId: target.id }, MERGE_CONTEXT);
    if (result.error) {
      setError(errorMessage(result.error, t));
      setConfirming(false);
      return;
    }
    onClose();
  }

  return (
    <div className="merge__panel">
      <label htmlFor={searchId} className="field__label">
        {t('issues.page.merge.search')}
      </label>
      <input
        id={searchId}
        type="search"
        className="input"
        value={search}
        maxLength={LIMITS.search.max}
        autoFocus
        onChange={(e) => {
          setSearch(e.target.value);
          setTarget(null);
        }}
        placeholder={t('issues.page.merge.searchPlaceholder')}
      />
      <div aria-live="polite" className="merge__status">
        {debounced.length < 2 ? (
          <p className="muted">{t('issues.page.merge.typeMore')}</p>
        ) : fetching && !data ? (
          <p className="muted">{t('issues.page.merge.searching')}</p>
        ) : candidates.length === 0 ? (
          <p className="muted">{t('issues.page.merge.noResults')}</p>
        ) : null}
      </div>
      {candidates.length > 0 && debounced.length >= 2 ? (
        <fieldset className="merge__results">
          <legend className="visually-hidden">{t('issues.page.merge.pick')}</legend>
          {candidates.map((c) => (
            <label key={c.id} className={target?.id === c.id ? 'merge__option merge__option--on' : 'merge__option'}>
              <input
                type="radio"
                name={`${searchId}-target`}
                value={c.id}
                checked={target?.id === c.id}
                onChange={() => setTarget({ id: c.id, title: c.title })}
              />
              <span className="merge__option-text">
                <span className="merge__option-title">{c.title}</span>
                <span className="merge__option-meta">
                  <StatusBadge status={c.status} /> {c.originRegion.name} ·{' '}
                  {t('issues.supports', { count: c.supportCount, formatted: formatNumber(c.supportCount) })}
                </span>
              </span>
            </label>
          ))}
        </fieldset>
      ) : null}
      {error ? (
        <p className="notice notice--error" role="alert">
          {error}
        </p>
      ) : null}
      <ConfirmDialog
        open={confirming && !!target}
        title={t('issues.page.merge.confirm', { from: issue.title, into: target?.title ?? '' })}
        confirmLabel={t('issues.page.merge.confirmButton')}
        cancelLabel={t('ui.back')}
        busy={merging}
        busyLabel={t('issues.page.merge.merging')}
        danger
        onCancel={() => setConfirming(false)}
        onConfirm={onConfirm}
        testId="merge"
      >
        <p>{t('issues.page.merge.consequence')}</p>
      </ConfirmDialog>
      <div className="form__actions">
        <button type="button" className="btn btn--ghost" onClick={onClose}>
          {t('ui.cancel')}
        </button>
        <button
          type="button"
          className="btn btn--primary"
          disabled={!target}
          onClick={() => setConfirming(true)}
        >
          {t('issues.page.merge.next')}
        </button>
      </div>
    </div>
  );
}
