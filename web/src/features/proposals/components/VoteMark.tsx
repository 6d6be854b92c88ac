// The viewer's part in a proposal's vote, on a row of a list: "Needs your vote" while voting is
// open and they may vote but have not, "You voted: For" once they have. Words, not colour alone.
import { useTranslation } from 'react-i18next';
import type { VoteChoice } from '@council/shared';
import '../proposals.css';

export function VoteMark({ needsVote, vote }: { needsVote?: boolean | null; vote?: { choice: VoteChoice } | null }) {
  const { t } = useTranslation();
  if (needsVote) {
    return (
      <span className="vote-mark vote-mark--needed" data-testid="vote-mark" data-mark="needed">
        <span aria-hidden="true" className="vote-mark__icon">
          •
        </span>
        {t('proposals.list.needsVote')}
      </span>
    );
  }
  if (vote) {
    return (
      <span className="vote-mark vote-mark--voted" data-testid="vote-mark" data-mark="voted" data-choice={vote.choice}>
        <span aria-hidden="true" className="vote-mark__icon">
          ✓
        </span>
        {t('proposals.list.youVoted', { choice: t(`voteChoice.${vote.choice}`) })}
      </span>
    );
  }
  return null;
}
