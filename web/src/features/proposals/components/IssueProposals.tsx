// On an issue's page: the proposals drafted for it, each with its status, a link, and (when the
// issue page asks for them) whether it needs the viewer's vote or they voted; and (for
// coordinators and facilitators, while the issue is active) the way to draft another; an
// implemented change's outcome by region.
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { ProposalStatus, VoteChoice } from '@council/shared';
import { draftHref, proposalHref } from '../paths';
import { ProposalStatusBadge } from './ProposalStatusBadge';
import { VoteMark } from './VoteMark';
import { RelativeTime } from '../../../ui/RelativeTime';
import { OutcomeByRegion } from './Outcomes';
import type { OutcomeView } from '../outcomes';

interface IssueProposal {
  id: string;
  title: string;
  status: ProposalStatus;
  createdAt: string;
  votingClosesAt?: string | null;
  author: { id: string; name: string };
  /** Optional: shown when the issue page's query selects them. */
  viewerNeedsToVote?: boolean | null;
  viewerVote?: { choice: VoteChoice } | null;
  /** Optional: the outcome by region of an implemented change, when the page asks for it. */
  outcomeReports?: OutcomeView['outcomeReports'];
  outcomeDueOn?: string | null;
  outcomeReopenedIssue?: boolean;
}

export function IssueProposals({
  issueId,
  proposals,
  canDraft,
}: {
  issueId: string;
  proposals: readonly IssueProposal[];
  canDraft: boolean;
}) {
  const { t } = useTranslation();
  return (
    <section className="card issue-proposals" aria-labelledby="issue-proposals-heading">
      <div className="card__head">
        <h2 id="issue-proposals-heading" className="card__title">
          {t('proposals.issue.heading')}
        </h2>
        {canDraft ? (
          <Link to={draftHref(issueId)} className="btn btn--small" data-testid="draft-proposal-link">
            <span aria-hidden="true">+</span> {t('proposals.issue.draft')}
          </Link>
        ) : null}
      </div>
      {proposals.length === 0 ? (
        <p className="muted">{canDraft ? t('proposals.issue.noneCanDraft') : t('proposals.issue.none')}</p>
      ) : (
        <ul className="issue-proposals__list">
          {proposals.map((p) => (
            <li key={p.id} className="issue-proposals__item" data-testid="issue-proposal">
              <ProposalStatusBadge status={p.status} />
              <VoteMark needsVote={p.viewerNeedsToVote} vote={p.viewerVote} />
              <Link to={proposalHref(p.id)} className="issue-proposals__title">
                {p.title}
              </Link>
              <span className="issue-proposals__meta">
                {p.status === 'VOTING' && p.votingClosesAt ? (
                  <>
                    {t('proposals.deadline.closes')} <RelativeTime iso={p.votingClosesAt} inSentence />
                  </>
                ) : (
                  <>
                    {t('proposals.issue.by', { name: p.author.name })} <RelativeTime iso={p.createdAt} inSentence />
                  </>
                )}
              </span>
              {p.outcomeReports ? (
                <OutcomeByRegion proposal={{ ...p, outcomeReports: p.outcomeReports, outcomeDueOn: p.outcomeDueOn ?? null, outcomeReopenedIssue: !!p.outcomeReopenedIssue }} />
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
