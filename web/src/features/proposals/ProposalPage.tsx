// One proposal: what it changes (current vs proposed, side by side and as a diff), why, the
// vote (deadline, the viewer's vote, the live tally), management's decision, the rollout, the
// status timeline, the actions the viewer may take now, and the discussion. The page follows
// every change as it happens (a subscription): votes move the tally without a reload.
import { useEffect, useMemo } from 'react';
import { Link, useLocation, useParams } from 'react-router-dom';
import { useQuery, useSubscription } from 'urql';
import { useTranslation } from 'react-i18next';
import { COMMENT_PAGE_SIZE } from '../issues/documents';
import { CommentThread } from '../issues/components/CommentThread';
import { issueHref } from '../issues/components/IssueRow';
import { ProposalChangedSubscription, ProposalPageQuery } from './documents';
import { ProposalStatusBadge } from './components/ProposalStatusBadge';
import { ProposalActions } from './components/ProposalActions';
import { VotingSection } from './components/VotingSection';
import { PolicyTexts } from './components/PolicyTexts';
import { DecisionCard } from './components/DecisionCard';
import { RolloutSummary } from './components/RolloutSummary';
import { Timeline } from './components/Timeline';
import { BackToProposals } from './components/BackToProposals';
import { errorCode, errorMessage } from '../../app/errors';
import { useDocumentTitle } from '../../app/useDocumentTitle';
import { NotFoundPage } from '../../app/RouteError';
import { ErrorNotice, Loading } from '../../ui/States';
import { Markdown } from '../../ui/Markdown';
import { Interpolate } from '../../ui/Interpolate';
import { formatDate } from '../../ui/format';
import { useLatest } from '../../ui/useLatest';

const PROPOSAL_CONTEXT = { additionalTypenames: ['Proposal', 'Comment'] };
export function ProposalPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const variables = useMemo(() => ({ id, commentsFirst: COMMENT_PAGE_SIZE }), [id]);
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: ProposalPageQuery,
    variables,
    context: PROPOSAL_CONTEXT,
    requestPolicy: 'cache-and-network',
  });
  const node = data?.node;
  const [live] = useSubscription({ query: ProposalChangedSubscription, variables, pause: !id });
  const pushed = live.data?.proposalChanged.id === id ? live.data.proposalChanged : null;
  // Every vote and step moves `updatedAt`: an event read before the viewer's own vote does not
  // replace the refetch that shows it.
  const proposal = useLatest(node && node.__typename === 'Proposal' ? node : null, pushed, (arrived, current) => arrived.id === current.id && arrived.updatedAt < current.updatedAt);
  useDocumentTitle(proposal?.title ?? t('proposals.page.loadingTitle'));

  const reload = useMemo(() => () => reexecute({ requestPolicy: 'network-only' }), [reexecute]);

  // A link to a part of the page (the register links to `#decision`): go there once it is shown.
  const { hash } = useLocation();
  const loaded = !!proposal;
  useEffect(() => {
    if (!loaded || !hash) return;
    const target = document.getElementById(decodeURIComponent(hash.slice(1)));
    if (target) {
      target.scrollIntoView({ block: 'start' });
      target.focus({ preventScroll: true });
    }
  }, [loaded, hash]);

  if (!data && fetching) return <Loading label={t('proposals.page.loading')} />;
  if (errorCode(error) === 'NOT_FOUND' || (data && !proposal)) return <NotFoundPage />;
  if (!proposal) {
    return (
      <div className="page">
        <ErrorNotice>
          <p>{error ? errorMessage(error, t) : t('errors.INTERNAL')}</p>
          <button type="button" className="btn" onClick={reload}>
            {t('app.retry')}
          </button>
        </ErrorNotice>
      </div>
    );
  }

  const votingStarted = !!proposal.votingOpenedAt;
  const voting = proposal.status === 'VOTING';
  const voteSection = votingStarted ? <VotingSection proposal={proposal} /> : null;

  return (
    <div className="page proposal-page">
      <BackToProposals />

      <header className="issue-head">
        <div className="issue-head__badges">
          <ProposalStatusBadge status={proposal.status} testId="proposal-status" />
          <span className="tag">
            {proposal.requiresApproval ? t('proposals.approval.tagNeeded') : t('proposals.approval.tagOwn')}
          </span>
        </div>
        <h1 className="issue-head__title" data-testid="proposal-heading">
          {proposal.title}
        </h1>
        <p className="issue-head__meta">
          {t('proposals.page.draftedBy', {
            name: proposal.author.name,
            date: formatDate(proposal.createdAt),
            version: proposal.version,
          })}
        </p>
        <p className="issue-head__meta">
          <Interpolate
            text={(slot) => t('proposals.page.forIssue', { title: slot })}
            element={<Link to={issueHref(proposal.issue.id)}>{proposal.issue.title}</Link>}
          />
        </p>
      </header>

      <div className="proposal-layout">
        <div className="proposal-layout__main">
          {voting ? voteSection : null}

          <PolicyTexts current={proposal.currentPolicy} proposed={proposal.proposedPolicy} />

          <section className="card" aria-labelledby="rationale-heading">
            <h2 id="rationale-heading" className="card__title">
              {t('proposals.page.rationale')}
            </h2>
            <Markdown source={proposal.rationale} />
          </section>

          {proposal.expectedImpact ? (
            <section className="card" aria-labelledby="impact-heading">
              <h2 id="impact-heading" className="card__title">
                {t('proposals.page.expectedImpact')}
              </h2>
              <Markdown source={proposal.expectedImpact} />
            </section>
          ) : null}

          {!voting ? voteSection : null}

          {proposal.decision ? <DecisionCard decision={proposal.decision} decisions={proposal.decisions} /> : null}

          <Timeline proposalId={proposal.id} history={proposal.history} total={proposal.historyCount} />

          <CommentThread
            subjectId={proposal.id}
            firstPage={proposal.comments}
            canComment={proposal.canComment.allowed}
            closedReason={proposal.canComment.reason}
          />
        </div>

        <aside className="proposal-layout__side" aria-label={t('proposals.page.sideLabel')}>
          <ProposalActions proposal={proposal} onReload={reload} />

          <section className="card approval" aria-labelledby="approval-heading">
            <h2 id="approval-heading" className="card__title">
              {t('proposals.approval.heading')}
            </h2>
            <p className="approval__text" data-testid="proposal-requires-approval-text">
              {proposal.requiresApproval ? t('proposals.approval.needed') : t('proposals.approval.own')}
            </p>
          </section>

          {proposal.rollouts.length > 0 ? <RolloutSummary rollouts={proposal.rollouts} /> : null}
        </aside>
      </div>
    </div>
  );
}
