// The viewer's own vote: what they voted and when, and (while voting is open and they are
// eligible) the form to cast or change it — three choices and an optional reason. Sending the
// vote as it stands is no change, and is reported as such.
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { useTranslation } from 'react-i18next';
import { PROPOSAL_LIMITS, VOTE_CHOICES, voteSchema, type VoteChoice } from '@council/shared';
import { CastVoteMutation, type ProposalDetail } from '../documents';
import { errorMessage, fieldErrors } from '../../../app/errors';
import { zodFieldErrors } from '../../../app/translate';
import { Counter, Field, FormError } from '../../../ui/Field';
import { formatDateTime } from '../../../ui/format';

const VOTE_CONTEXT = { additionalTypenames: ['Proposal'] };

export function ViewerVote({ vote }: { vote: NonNullable<ProposalDetail['viewerVote']> }) {
  const { t } = useTranslation();
  return (
    <div className="viewer-vote">
      <p className="viewer-vote__text" data-testid="viewer-vote" data-choice={vote.choice}>
        {t('proposals.vote.youVoted', { choice: t(`voteChoice.${vote.choice}`), date: formatDateTime(vote.castAt) })}
      </p>
      {vote.reason ? <p className="viewer-vote__reason">{vote.reason}</p> : null}
    </div>
  );
}

export function VoteForm({ proposal }: { proposal: Pick<ProposalDetail, 'id' | 'viewerVote'> }) {
  const { t } = useTranslation();
  const id = useId();
  const current = proposal.viewerVote;
  const [choice, setChoice] = useState<VoteChoice | null>(current?.choice ?? null);
  const [reason, setReason] = useState(current?.reason ?? '');
  const [choiceError, setChoiceError] = useState<string | undefined>();
  const [reasonError, setReasonError] = useState<string | undefined>();
  const [formError, setFormError] = useState<string | null>(null);
  const [announce, setAnnounce] = useState<{ outcome: 'saved' | 'changed' | 'unchanged'; text: string } | null>(null);
  const [{ fetching }, castVote] = useMutation(CastVoteMutation);
  const submitRef = useRef<HTMLButtonElement>(null);
  // The button is off while the vote is saved, which drops the keyboard focus: give it back.
  useEffect(() => {
    if (!fetching && document.activeElement === document.body) submitRef.current?.focus();
  }, [fetching]);
  // The vote just cast shows above the form and pushes it down: keep the focused button on screen.
  useEffect(() => {
    if (announce && document.activeElement === submitRef.current) submitRef.current?.scrollIntoView({ block: 'nearest' });
  }, [announce, current]);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setFormError(null);
    setAnnounce(null);
    const parsed = voteSchema.safeParse({ reason });
    setReasonError(parsed.success ? undefined : zodFieldErrors(t, parsed.error.issues).reason);
    setChoiceError(choice ? undefined : t('proposals.vote.chooseFirst'));
    if (!choice || !parsed.success) return;
    const reasonGiven = parsed.data.reason ?? null;
    // The same choice and reason as the vote cast is no change: say so, and send nothing.
    if (current && current.choice === choice && (current.reason ?? null) === reasonGiven) {
      setAnnounce({ outcome: 'unchanged', text: t('proposals.vote.unchanged') });
      return;
    }
    const result = await castVote({ proposalId: proposal.id, choice, reason: reasonGiven }, VOTE_CONTEXT);
    if (result.error) {
      const fields = fieldErrors(result.error);
      setReasonError(fields.reason);
      setFormError(fields.reason ? null : errorMessage(result.error, t));
      return;
    }
    // The server keeps a vote that did not change as it was (same time cast).
    const unchanged = !!current && result.data?.castVote.viewerVote?.castAt === current.castAt;
    const outcome = unchanged ? 'unchanged' : current ? 'changed' : 'saved';
    setAnnounce({ outcome, text: t(`proposals.vote.${outcome}`) });
  }

  return (
    <form className="form vote-form" onSubmit={onSubmit} noValidate>
      <fieldset className="choice-group" aria-describedby={choiceError ? `${id}-choice-error` : undefined}>
        <legend className="field__label">{current ? t('proposals.vote.changeLegend') : t('proposals.vote.legend')}</legend>
        <div className="choice-group__options">
          {VOTE_CHOICES.map((c) => (
            <label key={c} className={choice === c ? `choice choice--${c.toLowerCase()} choice--on` : `choice choice--${c.toLowerCase()}`}>
              <input
                type="radio"
                name={`${id}-choice`}
                value={c}
                checked={choice === c}
                onChange={() => {
                  setChoice(c);
                  setChoiceError(undefined);
                }}
                data-testid={`vote-${c.toLowerCase()}`}
              />
              <span>{t(`voteChoice.${c}`)}</span>
            </label>
          ))}
        </div>
        {choiceError ? (
          <p id={`${id}-choice-error`} className="field__error" role="alert">
            <span aria-hidden="true" className="field__error-icon">
              !
            </span>
            {choiceError}
          </p>
        ) : null}
      </fieldset>

      <Field
        label={t('proposals.vote.reason')}
        optionalLabel={t('ui.optional')}
        hint={t('proposals.vote.reasonHint')}
        error={reasonError}
        counter={
          reason.length > PROPOSAL_LIMITS.voteReason.max * 0.8 ? (
            <Counter length={reason.trim().length} max={PROPOSAL_LIMITS.voteReason.max} />
          ) : null
        }
      >
        {(control) => (
          <textarea
            {...control}
            className="input"
            rows={3}
            value={reason}
            onChange={(e) => {
              setReason(e.target.value);
              setReasonError(undefined);
            }}
            data-testid="vote-reason"
          />
        )}
      </Field>

      <FormError message={formError}>
        {announce ? (
          <p className="vote-form__saved" data-testid="vote-announce" data-outcome={announce.outcome}>
            {announce.text}
          </p>
        ) : null}
      </FormError>

      <div className="form__actions form__actions--start">
        <button type="submit" className="btn btn--primary" disabled={fetching} data-testid="vote-submit" ref={submitRef}>
          {fetching ? t('proposals.vote.saving') : current ? t('proposals.vote.change') : t('proposals.vote.submit')}
        </button>
        <span className="muted vote-form__hint">{t('proposals.vote.changeable')}</span>
      </div>
    </form>
  );
}
