// The rollout board: every change being implemented (and those implemented in the last weeks),
// each with one cell per region — status as icon and text, due date, overdue marked, the last
// note. A coordinator updates their own region's cell, a facilitator any (`viewerCanUpdate`).
import { useId, useMemo, useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { useMutation, useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { PROPOSAL_LIMITS, ROLLOUT_STATUSES, rolloutSchema, type RolloutStatus } from '@council/shared';
import { RolloutBoardQuery, UpdateRolloutMutation, type RolloutData } from './documents';
import { proposalHref } from './paths';
import { ProposalStatusBadge } from './components/ProposalStatusBadge';
import { RolloutStatusLabel } from './components/RolloutStatusLabel';
import { issueHref } from '../issues/components/IssueRow';
import { errorMessage, fieldErrors } from '../../app/errors';
import { zodFieldErrors } from '../../app/translate';
import { useDocumentTitle } from '../../app/useDocumentTitle';
import { EmptyState, Loading, LoadFailed } from '../../ui/States';
import { Interpolate } from '../../ui/Interpolate';
import { RelativeTime } from '../../ui/RelativeTime';
import { formatDate, formatNumber } from '../../ui/format';

const BOARD_CONTEXT = { additionalTypenames: ['Proposal', 'Policy'] };
/** Implemented changes stay on the board this long, so the last step stays visible. */
const RECENT_DAYS = 30;

export function RolloutBoardPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('rollouts.board.title'));
  const [{ data, fetching, error }, reexecute] = useQuery({ query: RolloutBoardQuery, context: BOARD_CONTEXT });
  // The cut-off for "recently implemented", fixed when the page opens.
  const [since] = useState(() => Date.now() - RECENT_DAYS * 86_400_000);

  const proposals = useMemo(
    () =>
      (data?.proposals ?? [])
        .filter((p) => p.status === 'IMPLEMENTING' || new Date(p.updatedAt).getTime() >= since)
        // In progress first, then the most recently finished.
        .sort((a, b) => (a.status === b.status ? 0 : a.status === 'IMPLEMENTING' ? -1 : 1)),
    [data, since],
  );

  return (
    <div className="page">
      <div className="page-head">
        <div>
          <h1 className="page-head__title">{t('rollouts.board.title')}</h1>
          <p className="page-head__lead">{t('rollouts.board.lead')}</p>
        </div>
      </div>
      <p className="rollout-legend" aria-label={t('rollouts.board.legend')}>
        {ROLLOUT_STATUSES.map((s) => (
          <RolloutStatusLabel key={s} status={s} />
        ))}
      </p>

      {!data && fetching ? <Loading label={t('rollouts.board.loading')} /> : null}
      {!data && error ? (
        <LoadFailed message={errorMessage(error, t)} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
      ) : null}
      {data && proposals.length === 0 ? (
        <EmptyState title={t('rollouts.board.empty')}>
          <p className="muted">{t('rollouts.board.emptyHint')}</p>
        </EmptyState>
      ) : null}

      <div className="rollout-board">
        {proposals.map((p) => {
          const done = p.rollouts.filter((r) => r.status === 'DONE').length;
          return (
            <section key={p.id} className="card rollout-card" aria-labelledby={`rollout-${p.id}`} data-testid="rollout-row">
              <header className="rollout-card__head">
                <div>
                  <h2 id={`rollout-${p.id}`} className="rollout-card__title">
                    <Link to={proposalHref(p.id)}>{p.title}</Link>
                  </h2>
                  <p className="rollout-card__meta">
                    <Interpolate
                      text={(slot) => t('proposals.list.forIssue', { title: slot })}
                      element={<Link to={issueHref(p.issue.id)}>{p.issue.title}</Link>}
                    />
                  </p>
                </div>
                <div className="rollout-card__state">
                  <ProposalStatusBadge status={p.status} />
                  <span className="rollout-card__count">
                    {t('rollouts.summary.done', { count: p.rollouts.length, done: formatNumber(done), total: formatNumber(p.rollouts.length) })}
                  </span>
                </div>
              </header>
              <ul className="rollout-grid" aria-label={t('rollouts.board.regions', { title: p.title })}>
                {p.rollouts.map((r) => (
                  <RolloutCell key={r.region.id} proposalId={p.id} rollout={r} />
                ))}
              </ul>
            </section>
          );
        })}
      </div>
    </div>
  );
}

function RolloutCell({ proposalId, rollout }: { proposalId: string; rollout: RolloutData }) {
  const { t } = useTranslation();
  const classes = ['rollout-cell', `rollout-cell--${rollout.status.toLowerCase().replace('_', '-')}`, rollout.overdue ? 'rollout-cell--overdue' : '']
    .join(' ')
    .trim();
  return (
    <li className={classes} data-testid="rollout-cell" data-region={rollout.region.code} data-status={rollout.status}>
      <p className="rollout-cell__region">{rollout.region.name}</p>
      <p className="rollout-cell__status">
        <RolloutStatusLabel status={rollout.status} overdue={rollout.overdue} />
      </p>
      {rollout.dueOn && rollout.status !== 'DONE' ? (
        <p className="rollout-cell__due">{t('rollouts.due', { date: formatDate(rollout.dueOn) })}</p>
      ) : null}
      {rollout.note ? <p className="rollout-cell__note">{rollout.note}</p> : null}
      {rollout.updatedBy ? (
        <p className="rollout-cell__updated">
          {t('rollouts.updatedBy', { name: rollout.updatedBy.name })} <RelativeTime iso={rollout.updatedAt} inSentence />
        </p>
      ) : null}
      {rollout.viewerCanUpdate ? <RolloutEditor proposalId={proposalId} rollout={rollout} /> : null}
    </li>
  );
}

function RolloutEditor({ proposalId, rollout }: { proposalId: string; rollout: RolloutData }) {
  const { t } = useTranslation();
  const id = useId();
  const [status, setStatus] = useState<RolloutStatus>(rollout.status);
  const [note, setNote] = useState(rollout.note ?? '');
  const [noteError, setNoteError] = useState<string | undefined>();
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState('');
  const [{ fetching }, update] = useMutation(UpdateRolloutMutation);
  const dirty = status !== rollout.status || note.trim() !== (rollout.note ?? '');

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setProblem(null);
    setSaved('');
    const parsed = rolloutSchema.safeParse({ note });
    if (!parsed.success) {
      setNoteError(zodFieldErrors(t, parsed.error.issues).note);
      return;
    }
    const result = await update(
      { proposalId, regionId: rollout.region.id, status, note: parsed.data.note ?? null },
      BOARD_CONTEXT,
    );
    if (result.error) {
      const fields = fieldErrors(result.error);
      setNoteError(fields.note);
      setProblem(fields.note ? null : errorMessage(result.error, t));
      return;
    }
    setSaved(t('rollouts.saved', { region: rollout.region.name }));
  }

  return (
    <form className="rollout-editor" onSubmit={onSubmit} noValidate>
      <label htmlFor={`${id}-status`} className="rollout-editor__label">
        {t('rollouts.editor.status', { region: rollout.region.name })}
      </label>
      <select
        id={`${id}-status`}
        className="select select--compact"
        value={status}
        onChange={(e) => setStatus(e.target.value as RolloutStatus)}
        data-testid="rollout-status-select"
      >
        {ROLLOUT_STATUSES.map((s) => (
          <option key={s} value={s}>
            {t(`rolloutStatus.${s}`)}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-note`} className="rollout-editor__label">
        {t('rollouts.editor.note')}
        <span className="field__optional"> ({t('ui.optional')})</span>
      </label>
      <input
        id={`${id}-note`}
        type="text"
        className="input input--compact"
        value={note}
        maxLength={PROPOSAL_LIMITS.rolloutNote.max}
        aria-invalid={noteError ? true : undefined}
        aria-describedby={noteError ? `${id}-note-error` : undefined}
        onChange={(e) => {
          setNote(e.target.value);
          setNoteError(undefined);
        }}
        data-testid="rollout-note"
      />
      {noteError ? (
        <p id={`${id}-note-error`} className="field__error" role="alert">
          {noteError}
        </p>
      ) : null}
      <button type="submit" className="btn btn--primary btn--small" disabled={fetching || !dirty} data-testid="rollout-save">
        {fetching ? t('ui.saving') : t('ui.save')}
        <span className="visually-hidden"> {rollout.region.name}</span>
      </button>
      <div aria-live="polite" className="rollout-editor__live">
        {problem ? (
          <p className="notice notice--error" role="alert">
            {problem}
          </p>
        ) : saved && !dirty ? (
          <p className="visually-hidden">{saved}</p>
        ) : null}
      </div>
    </form>
  );
}
