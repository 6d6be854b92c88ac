// One issue: what it is, who raised it, the regions affected and the supporters, the
// "my region is affected too" action, the merge control for facilitators (and on a merged issue
// the way to undo the merge), the proposals drafted for it (and the way to draft one), and the
// discussion.
import { useMemo, useState } from 'react';
import { Link, useLocation, useParams } from 'react-router-dom';
import { useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { issueIsActive } from '@council/shared';
import { COMMENT_PAGE_SIZE, IssuePageQuery } from './documents';
import { BackHome, BackToIssues } from './components/BackToIssues';
import { useViewer } from '../auth/viewer';
import { StatusBadge } from './components/StatusBadge';
import { SupportPanel } from './components/SupportPanel';
import { CommentThread } from './components/CommentThread';
import { MergeControl } from './components/MergeControl';
import { UnmergeControl } from './components/UnmergeControl';
import { IssueProposals } from '../proposals/components/IssueProposals';
import { IssueReferrals } from '../departments/components/IssueReferrals';
import { issueHref } from './components/IssueRow';
import { errorCode, errorMessage } from '../../app/errors';
import { useDocumentTitle } from '../../app/useDocumentTitle';
import { NotFoundPage } from '../../app/RouteError';
import { Loading, LoadFailed } from '../../ui/States';
import { Markdown } from '../../ui/Markdown';
import { Interpolate } from '../../ui/Interpolate';
import { formatDate } from '../../ui/format';

const ISSUE_CONTEXT = { additionalTypenames: ['Issue', 'Comment', 'Support', 'Proposal', 'Referral'] };

export function IssuePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const variables = useMemo(() => ({ id, commentsFirst: COMMENT_PAGE_SIZE }), [id]);
  const [{ data, fetching, error }, reexecute] = useQuery({ query: IssuePageQuery, variables, context: ISSUE_CONTEXT });
  const node = data?.node;
  const issue = node && node.__typename === 'Issue' ? node : null;
  useDocumentTitle(issue?.title ?? t('issues.page.loadingTitle'));
  // Arrived from the raise form after supporting this issue instead of raising a duplicate.
  const supportedInstead = (useLocation().state as { supportedInstead?: string } | null)?.supportedInstead ?? null;
  const [undoneFor, setUndoneFor] = useState<string | null>(null);
  // A department's contact sees only the issues referred to them: no feed to go back to, no proposals.
  const readsWorkspace = useViewer().canReadWorkspace.allowed;

  if (!data && fetching) return <Loading label={t('issues.page.loading')} />;
  if (errorCode(error) === 'NOT_FOUND' || (data && !issue)) return <NotFoundPage />;
  if (!issue) {
    return (
      <div className="page">
        <LoadFailed message={error ? errorMessage(error, t) : t('errors.INTERNAL')} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
      </div>
    );
  }


  return (
    <div className="page issue-page">
      {readsWorkspace ? <BackToIssues /> : <BackHome />}

      <header className="issue-head">
        <div className="issue-head__badges">
          <StatusBadge status={issue.status} />
          {issue.category ? <span className="tag">{issue.category.name}</span> : null}
        </div>
        <h1 className="issue-head__title" data-testid="issue-heading">
          {issue.title}
        </h1>
        <p className="issue-head__meta">
          {t('issues.page.raisedBy', {
            name: issue.raisedBy.name,
            region: issue.originRegion.name,
            date: formatDate(issue.createdAt),
          })}
        </p>
      </header>

      {supportedInstead ? (
        <div className="notice notice--info" role="status" data-testid="supported-instead">
          {t('duplicates.similar.supported', { title: issue.title })}
        </div>
      ) : null}
      {undoneFor === issue.id ? (
        <div className="notice notice--info" role="status" data-testid="unmerge-done">
          {t('duplicates.unmerge.done')}
        </div>
      ) : null}

      {issue.status === 'MERGED' ? (
        <div className="notice notice--info" role="status">
          {issue.mergedInto ? (
            <Interpolate
              text={(slot) => t('issues.page.mergedInto', { title: slot })}
              element={<Link to={issueHref(issue.mergedInto.id)}>{issue.mergedInto.title}</Link>}
            />
          ) : (
            t('issues.page.merged')
          )}
        </div>
      ) : null}

      <div className="issue-layout">
        <div className="issue-layout__main">
          <section className="card issue-description" aria-labelledby="issue-description">
            <h2 id="issue-description" className="card__title">
              {t('issues.page.description')}
            </h2>
            <Markdown source={issue.description} />
          </section>

          {issue.evidence ? (
            <section className="card issue-evidence" aria-labelledby="issue-evidence">
              <h2 id="issue-evidence" className="card__title">
                {t('issues.page.evidence')}
              </h2>
              <Markdown source={issue.evidence} />
            </section>
          ) : null}

          <IssueReferrals issue={issue} />

          {readsWorkspace ? <IssueProposals issueId={issue.id} proposals={issue.proposals} canDraft={issue.canDraftProposal.allowed} /> : null}

          <CommentThread
            subjectId={issue.id}
            firstPage={issue.comments}
            canComment={issue.canComment.allowed}
            closedReason={
              issue.canComment.allowed ? null : issueIsActive(issue.status) ? issue.canComment.reason : t('issues.page.comments.closed')
            }
          />
        </div>

        <aside className="issue-layout__side" aria-label={t('issues.page.sideLabel')}>
          <SupportPanel issue={issue} totalRegions={data?.totalRegions ?? 0} />
          {issue.viewerCanMerge && issue.status !== 'MERGED' ? <MergeControl issue={issue} /> : null}
          {issue.viewerCanUnmerge ? <UnmergeControl issue={issue} onUndone={() => setUndoneFor(issue.id)} /> : null}
        </aside>
      </div>
    </div>
  );
}
