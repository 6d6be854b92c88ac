// One proposal, in the order it is read before a vote: what it changes (current vs proposed,
// side by side and as a diff), why, the expected impact; the vote panel beside it on wide
// screens (sticky) and after it on narrow ones, with the actions the viewer may take; then the
// results, management's decision, the discussion and the history. For the author, a decision
// they have to act on (changes requested, rejected, approved) leads the page instead, with what
// follows. The page follows every change as it happens (a subscription): votes move the tally
// without a reload.
import { useEffect, useMemo } from 'react';
import { Link, useLocation, useParams } from 'react-router-dom';
import { useQuery, useSubscription } from 'urql';
import { useTranslation } from 'react-i18next';
import type { DecisionOutcome, ProposalStatus } from '@council/shared';
import { COMMENT_PAGE_SIZE } from '../issues/documents';
import { CommentThread } from '../issues/components/CommentThread';
import { issueHref } from '../issues/components/IssueRow';
import { ProposalChangedSubscription, ProposalPageQuery, type ProposalDetail } from './documents';
import { briefHref, reviseHref } from './paths';
import { ProposalStatusBadge } from './components/ProposalStatusBadge';
import { ProposalActions } from './components/ProposalActions';
import { VotingPanel, VotingResults } from './components/VotingSection';
import { PolicyTexts } from './components/PolicyTexts';
import { DecisionCard } from './components/DecisionCard';
import { RolloutSummary } from './components/RolloutSummary';
import { OutcomeByRegion } from './components/Outcomes';
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
import './proposals.css';

const PROPOSAL_CONTEXT = { additionalTypenames: ['Proposal', 'Comment'] };
/** Statuses of a proposal that went to management (submitted, decided, then carried out): its case brief is linked. */
const BRIEF_STATUSES: readonly string[] = ['SUBMITTED', 'CHANGES_REQUESTED', 'APPROVED', 'REJECTED', 'IMPLEMENTING', 'IMPLEMENTED'];

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
  const authorLead = proposal.viewerIsAuthor && !!proposal.decision && decisionLeads(proposal.status, proposal.decision.outcome);

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
          {/* Once submitted to management (and after its decision), the case as management reads it. */}
          {proposal.submittedAt && BRIEF_STATUSES.includes(proposal.status) && proposal.canReadBrief.allowed ? (
            <>
              <span aria-hidden="true"> · </span>
              <Link to={briefHref(proposal.id)} data-testid="brief-link">
                {t('brief.page.open')}
              </Link>
            </>
          ) : null}
        </p>
        {voting && proposal.viewerActions.includes('castVote') ? (
          <p className="proposal-jump">
            <button type="button" className="btn btn--primary" onClick={jumpToVote} data-testid="jump-to-vote">
              {t('phones.vote.jump')}
            </button>
          </p>
        ) : null}
      </header>

      {authorLead && proposal.decision ? (
        <DecisionCard decision={proposal.decision} decisions={proposal.decisions} forAuthor>
          <AuthorNextStep proposal={proposal} />
        </DecisionCard>
      ) : null}

      <div className="proposal-read">
        <div className="proposal-read__text">
          <PolicyTexts current={proposal.currentPolicy} proposed={proposal.proposedPolicy} />

          <section className="card" aria-labelledby="rationale-heading" data-testid="proposal-rationale">
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

          <section className="card approval" aria-labelledby="approval-heading">
            <h2 id="approval-heading" className="card__title">
              {t('proposals.approval.heading')}
            </h2>
            <p className="approval__text" data-testid="proposal-requires-approval-text">
              {proposal.requiresApproval ? t('proposals.approval.needed') : t('proposals.approval.own')}
            </p>
          </section>
        </div>

        <aside className="proposal-read__side" aria-label={t('proposals.page.sideLabel')} data-testid="proposal-side">
          {voting ? <VotingPanel proposal={proposal} /> : null}
          <ProposalActions proposal={proposal} onReload={reload} />
          {proposal.rollouts.length > 0 ? <RolloutSummary rollouts={proposal.rollouts} /> : null}
          <OutcomeByRegion proposal={proposal} />
        </aside>

        <div className="proposal-read__after">
          {votingStarted ? <VotingResults proposal={proposal} /> : null}

          {proposal.decision && !authorLead ? <DecisionCard decision={proposal.decision} decisions={proposal.decisions} /> : null}

          <CommentThread
            subjectId={proposal.id}
            firstPage={proposal.comments}
            canComment={proposal.canComment.allowed}
            closedReason={proposal.canComment.reason}
          />

          <Timeline proposalId={proposal.id} history={proposal.history} total={proposal.historyCount} />
        </div>
      </div>
    </div>
  );
}

/**
 * Whether the latest decision is the one the proposal stands on now (so its author acts on it),
 * not one from before a later round: changes requested until the revision is voted on again.
 */
/** Narrow screens put the vote after the text (it is read first): the header's shortcut leads there. */
function jumpToVote() {
  const panel = document.querySelector<HTMLElement>('[data-testid="vote-panel"]');
  panel?.scrollIntoView({ block: 'start' });
  panel?.querySelector<HTMLElement>('input, button')?.focus({ preventScroll: true });
}

function decisionLeads(status: ProposalStatus, outcome: DecisionOutcome): boolean {
  switch (outcome) {
    case 'CHANGES_REQUESTED':
      return status === 'CHANGES_REQUESTED' || status === 'DRAFT';
    case 'REJECTED':
      return status === 'REJECTED';
    case 'APPROVED':
      return status === 'APPROVED' || status === 'IMPLEMENTING' || status === 'IMPLEMENTED';
  }
}

/** What follows the decision for its author, and the action it calls for. */
function AuthorNextStep({ proposal }: { proposal: ProposalDetail }) {
  const { t } = useTranslation();
  const text =
    proposal.status === 'CHANGES_REQUESTED' || proposal.status === 'REJECTED'
      ? t(`proposals.decision.forAuthor.${proposal.status}`)
      : t(`proposals.next.${proposal.status}`);
  return (
    <>
      <p className="decision__next-text">{text}</p>
      {proposal.viewerActions.includes('revise') ? (
        <Link to={reviseHref(proposal.id)} className="btn btn--primary" data-testid="author-revise">
          {t('proposals.actions.revise')}
        </Link>
      ) : null}
      {proposal.status === 'REJECTED' ? (
        <Link to={issueHref(proposal.issue.id)} className="btn">
          {t('proposals.decision.toIssue')}
        </Link>
      ) : null}
    </>
  );
}
