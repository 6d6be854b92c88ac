// One issue in the feed: title (link), status, category, origin region, supports,
// affected regions, comments and last activity.
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { IssueSummary } from '../documents';
import { StatusBadge } from './StatusBadge';
import { RegionShare } from './RegionShare';
import { ClockIcon, CommentIcon, RegionIcon, SupportIcon } from './Icons';
import { RelativeTime } from '../../../ui/RelativeTime';
import { formatNumber } from '../../../ui/format';

export function issueHref(id: string): string {
  return `/issues/${encodeURIComponent(id)}`;
}

export function IssueRow({ issue, totalRegions }: { issue: IssueSummary; totalRegions: number }) {
  const { t } = useTranslation();
  return (
    <li className="issue-row" data-testid="feed-item">
      <div className="issue-row__main">
        <div className="issue-row__top">
          <StatusBadge status={issue.status} />
          {issue.category ? <span className="tag">{issue.category.name}</span> : null}
        </div>
        <h2 className="issue-row__title">
          <Link to={issueHref(issue.id)}>{issue.title}</Link>
        </h2>
        <p className="issue-row__meta">
          <RegionIcon />
          <span>{t('issues.feed.fromRegion', { region: issue.originRegion.name })}</span>
        </p>
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
