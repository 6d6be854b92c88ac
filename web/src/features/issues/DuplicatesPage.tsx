// For the people who merge: pairs of open issues that look alike (Query.possibleDuplicates), most
// alike first, each mergeable in one step after a confirmation; a merge can be undone from the
// merged issue's page, which the notice after a merge links to.
import { useId, useState } from 'react';
import { Link } from 'react-router-dom';
import { useMutation, useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { MergePairMutation, PossibleDuplicatesQuery } from './documents';
import { BackToIssues } from './components/BackToIssues';
import { issueHref } from './components/IssueRow';
import { StatusBadge } from './components/StatusBadge';
import { useViewer } from '../auth/viewer';
import { errorMessage } from '../../app/errors';
import { useDocumentTitle } from '../../app/useDocumentTitle';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { EmptyState, ErrorNotice, Loading, LoadFailed } from '../../ui/States';
import { formatNumber, formatPercent } from '../../ui/format';
import './duplicates.css';

const LIST_CONTEXT = { additionalTypenames: ['Issue'] };
const MERGE_CONTEXT = { additionalTypenames: ['Issue', 'Comment', 'Support'] };

interface Side {
  id: string;
  title: string;
  status: Parameters<typeof StatusBadge>[0]['status'];
  supportCount: number;
  originRegion: { name: string };
}

export function DuplicatesPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('duplicates.list.title'));
  const viewer = useViewer();
  const allowed = viewer.canMergeDuplicates.allowed;
  const [{ data, fetching, error }, reexecute] = useQuery({ query: PossibleDuplicatesQuery, context: LIST_CONTEXT, pause: !allowed, requestPolicy: 'cache-and-network' });
  const [{ fetching: merging }, merge] = useMutation(MergePairMutation);
  const [pending, setPending] = useState<{ duplicate: Side; issue: Side } | null>(null);
  const [merged, setMerged] = useState<{ id: string; from: string; into: string } | null>(null);
  const [mergeError, setMergeError] = useState<string | null>(null);
  const pairs = data?.possibleDuplicates ?? [];

  async function onConfirm() {
    if (!pending) return;
    setMergeError(null);
    const result = await merge({ issueId: pending.duplicate.id, intoIssueId: pending.issue.id }, MERGE_CONTEXT);
    const done = pending;
    setPending(null);
    if (result.error) {
      setMergeError(errorMessage(result.error, t));
      return;
    }
    setMerged({ id: done.duplicate.id, from: done.duplicate.title, into: done.issue.title });
  }

  return (
    <div className="page">
      <BackToIssues />
      <div className="page-head">
        <div>
          <h1 className="page-head__title">{t('duplicates.list.title')}</h1>
          <p className="page-head__lead">{t('duplicates.list.lead')}</p>
        </div>
      </div>

      {merged ? (
        <div className="notice notice--info" role="status" data-testid="merged-notice">
          <p>
            {t('duplicates.list.merged', { from: merged.from, into: merged.into })}{' '}
            <Link to={issueHref(merged.id)} data-testid="merged-notice-undo">
              {t('duplicates.list.undo')}
            </Link>
          </p>
        </div>
      ) : null}
      {mergeError ? (
        <p className="notice notice--error" role="alert">
          {mergeError}
        </p>
      ) : null}

      {!allowed ? <ErrorNotice>{t('errors.facilitatorOnly')}</ErrorNotice> : null}
      {allowed && !data && fetching ? <Loading label={t('duplicates.list.loading')} /> : null}
      {allowed && !data && error ? <LoadFailed message={errorMessage(error, t)} onRetry={() => reexecute({ requestPolicy: 'network-only' })} /> : null}
      {allowed && data && !pairs.length ? <EmptyState title={t('duplicates.list.none')} /> : null}

      {pairs.length ? (
        <ul className="duplicates__list">
          {pairs.map((pair) => (
            <Pair
              key={`${pair.duplicate.id} ${pair.issue.id}`}
              issue={pair.issue}
              duplicate={pair.duplicate}
              similarity={pair.similarity}
              canMerge={pair.duplicate.viewerCanMerge}
              onMerge={() => setPending({ issue: pair.issue, duplicate: pair.duplicate })}
            />
          ))}
        </ul>
      ) : null}

      <ConfirmDialog
        open={!!pending}
        title={t('issues.page.merge.confirm', { from: pending?.duplicate.title ?? '', into: pending?.issue.title ?? '' })}
        confirmLabel={t('issues.page.merge.confirmButton')}
        cancelLabel={t('ui.back')}
        busy={merging}
        busyLabel={t('issues.page.merge.merging')}
        danger
        onCancel={() => setPending(null)}
        onConfirm={onConfirm}
        testId="merge"
      >
        <p>{t('issues.page.merge.consequence')}</p>
      </ConfirmDialog>
    </div>
  );
}

function Pair({ issue, duplicate, similarity, canMerge, onMerge }: { issue: Side; duplicate: Side; similarity: number; canMerge: boolean; onMerge: () => void }) {
  const { t } = useTranslation();
  const labelId = useId();
  return (
    <li className="card duplicates__pair" aria-labelledby={labelId} data-testid="duplicate-pair">
      <span id={labelId} className="visually-hidden">
        {t('duplicates.list.pairLabel', { duplicate: duplicate.title, issue: issue.title })}
      </span>
      <div className="duplicates__issues">
        <IssueBox side={duplicate} role={t('duplicates.list.mergeAway')} />
        <IssueBox side={issue} role={t('duplicates.list.keep')} />
      </div>
      <div className="duplicates__actions">
        <span className="muted">{t('duplicates.list.alike', { percent: formatPercent(similarity) })}</span>
        {canMerge ? (
          <button type="button" className="btn btn--primary" onClick={onMerge} data-testid="duplicate-merge">
            {t('duplicates.list.merge')}
          </button>
        ) : null}
      </div>
    </li>
  );
}

function IssueBox({ side, role }: { side: Side; role: string }) {
  const { t } = useTranslation();
  return (
    <div className="duplicates__issue">
      <span className="duplicates__role">{role}</span>
      <Link className="similar__title" to={issueHref(side.id)}>
        {side.title}
      </Link>
      <span className="similar__meta">
        <StatusBadge status={side.status} /> {side.originRegion.name} ·{' '}
        {t('issues.supports', { count: side.supportCount, formatted: formatNumber(side.supportCount) })}
      </span>
    </div>
  );
}
