// One issue in the feed: title (link), status, category, origin region, supports,
// affected regions, comments and last activity; whether the viewer's region is affected, and
// "My region too" to mark it from the list.
import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router-dom';
import { useMutation } from 'urql';
import { useTranslation } from 'react-i18next';
import { SupportFromFeedMutation, type IssueRowData } from '../documents';
import { errorMessage } from '../../../app/errors';
import { StatusBadge } from './StatusBadge';
import { RegionShare } from './RegionShare';
import { ClockIcon, CommentIcon, RegionIcon, SupportIcon } from './Icons';
import { RelativeTime } from '../../../ui/RelativeTime';
import { formatNumber } from '../../../ui/format';

export function issueHref(id: string): string {
  return `/issues/${encodeURIComponent(id)}`;
}

export function IssueRow({
  issue: fromList,
  totalRegions,
  onMarked,
}: {
  issue: IssueRowData;
  totalRegions: number;
  /** After "My region too" succeeded, with the issue as it is now. */
  onMarked?: (issue: IssueRowData) => void;
}) {
  const { t } = useTranslation();
  const [{ fetching: marking }, support] = useMutation(SupportFromFeedMutation);
  // The mutation's answer shows until the list brings a newer copy of the issue (its refetch).
  const [marked, setMarked] = useState<{ base: IssueRowData; now: IssueRowData } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [announce, setAnnounce] = useState('');
  const affectedRef = useRef<HTMLSpanElement>(null);
  const issue = marked && marked.base === fromList ? marked.now : fromList;

  // The button goes away once used: keep the keyboard where it was, on what replaced it.
  useEffect(() => {
    if (announce) affectedRef.current?.focus();
  }, [announce]);

  async function onMark() {
    setError(null);
    setAnnounce('');
    const result = await support({ issueId: issue.id });
    const now = result.data?.supportIssue;
    if (result.error || !now) {
      setError(result.error ? errorMessage(result.error, t) : t('errors.INTERNAL'));
      return;
    }
    setMarked({ base: fromList, now });
    setAnnounce(t('issues.page.support.added'));
    onMarked?.(now);
  }

  const titleId = `issue-row-title-${issue.id}`;
  return (
    <li className={issue.viewerRegionAffected ? 'issue-row issue-row--affected' : 'issue-row'} data-testid="feed-item">
      <div className="issue-row__main">
        <div className="issue-row__top">
          <StatusBadge status={issue.status} />
          {issue.category ? <span className="tag">{issue.category.name}</span> : null}
          {issue.viewerRegionAffected ? (
            <span className="badge badge--affected" data-testid="region-affected" ref={affectedRef} tabIndex={-1}>
              <span aria-hidden="true">✓</span>
              {t('issues.feed.triage.affected')}
            </span>
          ) : null}
        </div>
        <h2 className="issue-row__title" id={titleId}>
          <Link to={issueHref(issue.id)}>{issue.title}</Link>
        </h2>
        <p className="issue-row__meta">
          <RegionIcon />
          <span>{t('issues.feed.fromRegion', { region: issue.originRegion.name })}</span>
        </p>
        {issue.viewerCanSupport ? (
          <div className="issue-row__triage">
            <button
              type="button"
              className="btn btn--small"
              onClick={onMark}
              disabled={marking}
              aria-describedby={titleId}
              data-testid="mark-region-too"
            >
              {marking ? t('issues.feed.triage.marking') : t('issues.feed.triage.markToo')}
            </button>
          </div>
        ) : null}
        <div aria-live="polite" className="issue-row__feedback">
          {error ? (
            <p className="notice notice--error" role="alert" data-testid="mark-error">
              {error}
            </p>
          ) : announce ? (
            <p className="visually-hidden">{announce}</p>
          ) : null}
        </div>
      </div>
      <dl className="issue-row__stats">
        <div className="stat">
          <dt className="visually-hidden">{t('issues.feed.stats.supports')}</dt>
          <dd>
            <SupportIcon />
            {t('issues.supports', { count: issue.supportCount, formatted: formatNumber(issue.supportCount) })}
          </dd>
        </div>
        <div className="stat">
          <dt className="visually-hidden">{t('issues.feed.stats.regions')}</dt>
          <dd>
            <RegionShare regionCount={issue.regionCount} totalRegions={totalRegions} />
          </dd>
        </div>
        <div className="stat">
          <dt className="visually-hidden">{t('issues.feed.stats.comments')}</dt>
          <dd>
            <CommentIcon />
            {t('issues.comments', { count: issue.commentCount, formatted: formatNumber(issue.commentCount) })}
          </dd>
        </div>
        <div className="stat stat--muted">
          <dt className="visually-hidden">{t('issues.feed.stats.lastActivity')}</dt>
          <dd>
            <ClockIcon />
            <RelativeTime iso={issue.lastActivityAt} />
          </dd>
        </div>
      </dl>
    </li>
  );
}
