// What the viewer may do with a proposal now — exactly the server's `viewerActions`: revise,
// open voting (with a deadline), close voting, submit to management, decide, withdraw (after
// a confirmation). Also says plainly what happens next, for everyone.
import { useId, useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { useMutation, type CombinedError } from 'urql';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { PROPOSAL_LIMITS } from '@council/shared';
import {
  CloseVotingMutation,
  OpenVotingMutation,
  SubmitToManagementMutation,
  WithdrawProposalMutation,
  type ProposalDetail,
} from '../documents';
import { decideHref, reviseHref } from '../paths';
import { errorCode, errorMessage, fieldErrors } from '../../../app/errors';
import { ConfirmDialog } from '../../../ui/ConfirmDialog';
import { Field } from '../../../ui/Field';
import { viewerTimeZone } from '../../../ui/format';

const ACTION_CONTEXT = { additionalTypenames: ['Proposal', 'Issue', 'Policy'] };
const DAY = 86_400_000;
const DEFAULT_VOTING_DAYS = 7;

/** A Date as the value of a datetime-local input (local time, minutes). */
export function toLocalInput(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

function defaultDeadline(): string {
  const d = new Date(Date.now() + DEFAULT_VOTING_DAYS * DAY);
  d.setSeconds(0, 0);
  return toLocalInput(d);
}

interface Failure {
  message: string;
  /** The proposal moved on meanwhile: offer to reload. */
  stale: boolean;
}

function failure(error: CombinedError, t: TFunction): Failure {
  return { message: errorMessage(error, t), stale: errorCode(error) === 'CONFLICT' };
}

export function ProposalActions({ proposal, onReload }: { proposal: ProposalDetail; onReload: () => void }) {
  const { t } = useTranslation();
  const actions = proposal.viewerActions;
  const [problem, setProblem] = useState<Failure | null>(null);
  const [confirmWithdraw, setConfirmWithdraw] = useState(false);
  const [{ fetching: closing }, closeVoting] = useMutation(CloseVotingMutation);
  const [{ fetching: submitting }, submit] = useMutation(SubmitToManagementMutation);
  const [{ fetching: withdrawing }, withdraw] = useMutation(WithdrawProposalMutation);

  async function run(mutate: () => Promise<{ error?: CombinedError }>) {
    setProblem(null);
    const result = await mutate();
    if (result.error) setProblem(failure(result.error, t));
  }

  const any = actions.length > 0;
  const can = {
    decide: actions.includes('decide'),
    openVoting: actions.includes('openVoting'),
    closeVoting: actions.includes('closeVoting'),
    submit: actions.includes('submit'),
    revise: actions.includes('revise'),
    withdraw: actions.includes('withdraw'),
  };

  return (
    <section className="card actions" aria-labelledby="actions-heading">
      <h2 id="actions-heading" className="card__title">
        {t('proposals.actions.heading')}
      </h2>
      <p className="actions__next">{t(`proposals.next.${proposal.status}`)}</p>

      {any ? (
        <div className="actions__list">
          {can.decide ? (
            <Link to={decideHref(proposal.id)} className="btn btn--primary btn--block" data-testid="decide-link">
              {t('proposals.actions.decide')}
            </Link>
          ) : null}

          {can.openVoting ? <OpenVotingForm proposalId={proposal.id} onFailure={setProblem} /> : null}

          {can.closeVoting ? (
            <div className="actions__item">
              <button
                type="button"
                className="btn btn--block"
                disabled={closing}
                onClick={() => run(() => closeVoting({ proposalId: proposal.id }, ACTION_CONTEXT))}
                data-testid="close-voting"
              >
                {closing ? t('proposals.actions.closing') : t('proposals.actions.closeVoting')}
              </button>
              <p className="actions__hint">{t('proposals.actions.closeVotingHint')}</p>
            </div>
          ) : null}

          {can.submit ? (
            <div className="actions__item">
              <button
                type="button"
                className="btn btn--primary btn--block"
                disabled={submitting}
                onClick={() => run(() => submit({ proposalId: proposal.id }, ACTION_CONTEXT))}
                data-testid="submit-to-management"
              >
                {submitting ? t('proposals.actions.submitting') : t('proposals.actions.submit')}
              </button>
              <p className="actions__hint">{t('proposals.actions.submitHint')}</p>
            </div>
          ) : null}

          {can.revise ? (
            <Link to={reviseHref(proposal.id)} className="btn btn--block" data-testid="revise-proposal">
              {t('proposals.actions.revise')}
            </Link>
          ) : null}

          {can.withdraw ? (
            <button type="button" className="btn btn--ghost btn--block actions__withdraw" onClick={() => setConfirmWithdraw(true)} data-testid="withdraw-proposal">
              {t('proposals.actions.withdraw')}
            </button>
          ) : null}
        </div>
      ) : null}

      <ConfirmDialog
        open={confirmWithdraw}
        title={t('proposals.actions.withdrawConfirm')}
        confirmLabel={t('proposals.actions.withdrawConfirmButton')}
        cancelLabel={t('proposals.actions.keep')}
        busy={withdrawing}
        busyLabel={t('proposals.actions.withdrawing')}
        danger
        onCancel={() => setConfirmWithdraw(false)}
        onConfirm={async () => {
          await run(() => withdraw({ proposalId: proposal.id }, ACTION_CONTEXT));
          setConfirmWithdraw(false);
        }}
        testId="withdraw"
      >
        <p>{t('proposals.actions.withdrawConsequence')}</p>
      </ConfirmDialog>

      <div aria-live="polite" className="live">
        {problem ? (
          <div className="notice notice--error" role="alert">
            <p>{problem.message}</p>
            {problem.stale ? (
              <button
                type="button"
                className="btn"
                onClick={() => {
                  setProblem(null);
                  onReload();
                }}
              >
                {t('proposals.reload')}
              </button>
            ) : null}
          </div>
        ) : null}
      </div>
    </section>
  );
}

/** For facilitators: open voting until a deadline (default a week ahead, at most 60 days). */
function OpenVotingForm({ proposalId, onFailure }: { proposalId: string; onFailure: (f: Failure | null) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [value, setValue] = useState(defaultDeadline);
  const [error, setError] = useState<string | undefined>();
  const [{ fetching }, openVoting] = useMutation(OpenVotingMutation);
  const now = new Date();
  const latest = new Date(now.getTime() + PROPOSAL_LIMITS.votingDays.max * DAY);

  function validate(): Date | null {
    if (!value) {
      setError(t('validation.required'));
      return null;
    }
    const closesAt = new Date(value);
    if (Number.isNaN(closesAt.getTime())) {
      setError(t('validation.required'));
      return null;
    }
    if (closesAt.getTime() <= Date.now()) {
      setError(t('validation.closesAt.past'));
      return null;
    }
    if (closesAt.getTime() - Date.now() > PROPOSAL_LIMITS.votingDays.max * DAY) {
      setError(t('validation.closesAt.tooLate'));
      return null;
    }
    setError(undefined);
    return closesAt;
  }

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    onFailure(null);
    const closesAt = validate();
    if (!closesAt) return;
    const result = await openVoting({ proposalId, closesAt: closesAt.toISOString() }, ACTION_CONTEXT);
    if (result.error) {
      const fields = fieldErrors(result.error);
      if (fields.closesAt) setError(fields.closesAt);
      else onFailure(failure(result.error, t));
    }
  }

  return (
    <form className="form actions__open" onSubmit={onSubmit} noValidate aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`} className="actions__subheading">
        {t('proposals.actions.openVotingHeading')}
      </h3>
      <Field
        label={t('proposals.actions.closesAt')}
        hint={t('proposals.actions.closesAtHint', { zone: viewerTimeZone(), days: PROPOSAL_LIMITS.votingDays.max })}
        error={error}
      >
        {(control) => (
          <input
            {...control}
            type="datetime-local"
            className="input"
            value={value}
            min={toLocalInput(now)}
            max={toLocalInput(latest)}
            onChange={(e) => {
              setValue(e.target.value);
              setError(undefined);
            }}
            data-testid="open-voting-closes-at"
          />
        )}
      </Field>
      <button type="submit" className="btn btn--primary btn--block" disabled={fetching} data-testid="open-voting-submit">
        {fetching ? t('proposals.actions.opening') : t('proposals.actions.openVoting')}
      </button>
    </form>
  );
}
