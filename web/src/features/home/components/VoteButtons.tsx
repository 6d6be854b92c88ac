// A vote cast from the home page in one click: FOR, AGAINST or ABSTAIN (no reason; the
// proposal's page takes one). The buttons are off while the vote is saved; an error shows here.
import { useEffect, useRef, useState } from 'react';
import { useMutation } from 'urql';
import { useTranslation } from 'react-i18next';
import { VOTE_CHOICES, type VoteChoice } from '@council/shared';
import { HomeCastVoteMutation } from '../documents';
import { errorMessage } from '../../../app/errors';

const VOTE_CONTEXT = { additionalTypenames: ['Proposal'] };

export function VoteButtons({ proposal, onCast }: { proposal: { id: string; title: string }; onCast: (choice: VoteChoice) => void }) {
  const { t } = useTranslation();
  const [{ fetching }, castVote] = useMutation(HomeCastVoteMutation);
  const [error, setError] = useState<string | null>(null);
  const [cast, setCast] = useState<VoteChoice | null>(null);
  // The buttons give way to the confirmation: the keyboard focus goes with them.
  const castRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (cast) castRef.current?.focus();
  }, [cast]);

  async function vote(choice: VoteChoice) {
    setError(null);
    const result = await castVote({ proposalId: proposal.id, choice }, VOTE_CONTEXT);
    if (result.error) {
      setError(errorMessage(result.error, t));
      return;
    }
    setCast(choice);
    onCast(choice);
  }

  if (cast) {
    // Until the list is read again (and the vote leaves it).
    return (
      <p className="home-marked" data-testid="home-vote-cast" data-choice={cast} ref={castRef} tabIndex={-1}>
        <span aria-hidden="true">✓ </span>
        {t('home.votes.cast', { choice: t(`voteChoice.${cast}`) })}
      </p>
    );
  }
  return (
    <div className="home-vote">
      <div className="home-vote__buttons" role="group" aria-label={t('home.votes.group', { title: proposal.title })}>
        {VOTE_CHOICES.map((choice) => (
          <button
            key={choice}
            type="button"
            className={`btn btn--small home-vote__btn home-vote__btn--${choice.toLowerCase()}`}
            disabled={fetching}
            onClick={() => void vote(choice)}
            data-testid={`home-vote-${choice.toLowerCase()}`}
          >
            {t(`voteChoice.${choice}`)}
          </button>
        ))}
      </div>
      {fetching ? (
        <p className="home-vote__status" role="status">
          {t('home.votes.saving')}
        </p>
      ) : null}
      {error ? (
        <p className="field__error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
