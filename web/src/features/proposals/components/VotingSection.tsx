// The vote on a proposal, in two parts: the panel to act in (the deadline in the viewer's time
// zone and language and how far away, the viewer's own vote and the form to cast or change it),
// which sits beside the proposal's text; and the results (the live or final tally and every vote
// with its reason), which come after the text.
import { useTranslation } from 'react-i18next';
import type { ProposalDetail } from '../documents';
import { TallyPanel } from './TallyPanel';
import { ViewerVote, VoteForm } from './VotePanel';
import { CalendarIcon } from './Icons';
import { RelativeTime } from '../../../ui/RelativeTime';
import { formatDateTime, formatDeadline } from '../../../ui/format';
import { useNow } from '../../../ui/useNow';

export function VotingDeadline({ closesAt, closedAt }: { closesAt: string | null; closedAt: string | null }) {
  const { t } = useTranslation();
  const now = useNow(30_000);
  if (closedAt) {
    return (
      <p className="deadline deadline--closed">
        <CalendarIcon />
        <span>
          {t('proposals.deadline.closed')}{' '}
          <time dateTime={closedAt} className="deadline__when">
            {formatDeadline(closedAt)}
          </time>
        </span>
      </p>
    );
  }
  if (!closesAt) return null;
  const due = new Date(closesAt).getTime() <= now;
  return (
    <p className="deadline" data-testid="voting-deadline">
      <CalendarIcon />
      <span>
        {due ? t('proposals.deadline.closing') : t('proposals.deadline.closes')}{' '}
        <time dateTime={closesAt} className="deadline__when" title={formatDateTime(closesAt)}>
          {formatDeadline(closesAt)}
        </time>{' '}
        <span className="deadline__relative">
          (<RelativeTime iso={closesAt} inSentence />)
        </span>
      </span>
    </p>
  );
}

/** While voting is open: the deadline, the viewer's vote, and the form to cast or change it. */
export function VotingPanel({ proposal }: { proposal: ProposalDetail }) {
  const { t } = useTranslation();
  const canVote = proposal.viewerActions.includes('castVote');
  return (
    <section className="card voting vote-panel" aria-labelledby="voting-heading" data-testid="vote-panel">
      <h2 id="voting-heading" className="card__title">
        {t('proposals.voting.heading')}
      </h2>
      <VotingDeadline closesAt={proposal.votingClosesAt ?? null} closedAt={proposal.votingClosedAt ?? null} />
      {proposal.viewerVote || canVote ? (
        <div className="voting__mine">
          {proposal.viewerVote ? <ViewerVote vote={proposal.viewerVote} /> : null}
          {canVote ? <VoteForm proposal={proposal} /> : null}
        </div>
      ) : (
        <p className="muted voting__why">{t('proposals.vote.notEligible')}</p>
      )}
    </section>
  );
}

/**
 * Once voting has started: the tally (so far, or final) and every vote with its reason. While
 * voting, the tally's own heading heads the card (the deadline and the viewer's vote are in the
 * panel); once closed, the card says so and when, and what the viewer voted.
 */
export function VotingResults({ proposal }: { proposal: ProposalDetail }) {
  const { t } = useTranslation();
  const voting = proposal.status === 'VOTING';
  return (
    <section className="card voting" aria-labelledby={voting ? undefined : 'results-heading'} data-testid="vote-results">
      {voting ? (
        <TallyPanel tally={proposal.tally} final={false} headingLevel={2} />
      ) : (
        <>
          <h2 id="results-heading" className="card__title">
            {proposal.status === 'DRAFT' ? t('proposals.voting.headingEarlier') : t('proposals.voting.headingClosed')}
          </h2>
          <VotingDeadline closesAt={proposal.votingClosesAt ?? null} closedAt={proposal.votingClosedAt ?? null} />
          {proposal.viewerVote ? <ViewerVote vote={proposal.viewerVote} /> : null}
          <TallyPanel tally={proposal.tally} final />
        </>
      )}

      <h3 className="voting__votes-heading">
        {t('proposals.voting.votes', { count: proposal.votes.length })}
      </h3>
      {proposal.votes.length === 0 ? (
        <p className="muted">{t('proposals.voting.noVotes')}</p>
      ) : (
        <ul className="vote-list">
          {proposal.votes.map((v) => (
            <li key={v.voter.id} className="vote-list__item">
              <div className="vote-list__head">
                <span className="vote-list__name">{v.voter.name}</span>
                <span className="vote-list__region">{v.region.name}</span>
                <span className={`vote-chip vote-chip--${v.choice.toLowerCase()}`}>{t(`voteChoice.${v.choice}`)}</span>
                <span className="vote-list__time">
                  <RelativeTime iso={v.castAt} />
                </span>
              </div>
              {v.reason ? <p className="vote-list__reason">{v.reason}</p> : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
