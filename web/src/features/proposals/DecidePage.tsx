// For senior management: the whole case on one screen — the issue (what, how widespread, the
// discussion), the vote, the policy change as a diff, the proposal's rationale — and the
// decision form beside it: approve, reject or request changes, with a rationale, optional
// conditions and effective date. After deciding, back to the queue.
import { useId, useMemo, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useMutation, useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { DECISION_OUTCOMES, PROPOSAL_LIMITS, decideSchema, type DecisionOutcome } from '@council/shared';
import { DecideCaseQuery, DecideMutation, type ProposalDetail } from './documents';
import { briefHref, proposalHref } from './paths';
import { ProposalStatusBadge } from './components/ProposalStatusBadge';
import { PolicyTexts } from './components/PolicyTexts';
import { TallyPanel } from './components/TallyPanel';
import { COMMENT_PAGE_SIZE, SubjectCommentsQuery } from '../issues/documents';
import { CommentThread } from '../issues/components/CommentThread';
import { RegionShare } from '../issues/components/RegionShare';
import { issueHref } from '../issues/components/IssueRow';
import { errorCode, errorMessage, fieldErrors, type FieldErrors } from '../../app/errors';
import { zodFieldErrors } from '../../app/translate';
import { useDocumentTitle } from '../../app/useDocumentTitle';
import { NotFoundPage } from '../../app/RouteError';
import { Counter, Field, FormError } from '../../ui/Field';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { MarkdownEditor } from '../../ui/MarkdownEditor';
import { Markdown } from '../../ui/Markdown';
import { ErrorNotice, Loading, LoadFailed } from '../../ui/States';
import { formatDate, formatNumber } from '../../ui/format';

const DECIDE_CONTEXT = { additionalTypenames: ['Proposal', 'Issue', 'Comment'] };
const OUTCOME_TESTID: Record<DecisionOutcome, string> = {
  APPROVED: 'decide-approve',
  REJECTED: 'decide-reject',
  CHANGES_REQUESTED: 'decide-changes',
};

export function DecidePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const variables = useMemo(() => ({ id }), [id]);
  const [{ data, fetching, error }, reexecute] = useQuery({ query: DecideCaseQuery, variables, context: DECIDE_CONTEXT });
  const node = data?.node;
  const proposal = node && node.__typename === 'Proposal' ? node : null;
  useDocumentTitle(proposal ? t('decisions.decide.documentTitle', { title: proposal.title }) : t('decisions.decide.title'));

  if (!data && fetching) return <Loading label={t('decisions.decide.loading')} />;
  if (errorCode(error) === 'NOT_FOUND' || (data && !proposal)) return <NotFoundPage />;
  if (!proposal) {
    return (
      <div className="page">
        <LoadFailed message={error ? errorMessage(error, t) : t('errors.INTERNAL')} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
      </div>
    );
  }
  const issue = proposal.issue;

  return (
    <div className="page decide-page">
      <nav className="breadcrumbs" aria-label={t('issues.page.breadcrumbs')}>
        <Link to="/decisions">
          <span aria-hidden="true">← </span>
          {t('decisions.decide.back')}
        </Link>
      </nav>
      <header className="issue-head">
        <div className="issue-head__badges">
          <ProposalStatusBadge status={proposal.status} testId="proposal-status" />
        </div>
        <h1 className="issue-head__title" data-testid="proposal-heading">
          {proposal.title}
        </h1>
        <p className="issue-head__meta">
          {t('proposals.page.draftedBy', { name: proposal.author.name, date: formatDate(proposal.createdAt), version: proposal.version })}
          <span aria-hidden="true"> · </span>
          <Link to={proposalHref(proposal.id)}>{t('decisions.decide.openProposal')}</Link>
          <span aria-hidden="true"> · </span>
          <Link to={briefHref(proposal.id)} data-testid="brief-link">
            {t('brief.page.open')}
          </Link>
        </p>
      </header>

      <div className="decide-layout">
        <div className="decide-layout__case">
          <section className="card decide-issue" aria-labelledby="case-issue-heading">
            <h2 id="case-issue-heading" className="card__title">
              {t('decisions.decide.issueHeading')}
            </h2>
            <h3 className="decide-issue__title">
              <Link to={issueHref(issue.id)}>{issue.title}</Link>
            </h3>
            <p className="muted">
              {t('issues.page.raisedBy', {
                name: issue.raisedBy.name,
                region: issue.originRegion.name,
                date: formatDate(issue.createdAt),
              })}
            </p>
            <p className="decide-issue__reach">
              <strong>
                {t('decisions.decide.supporters', { count: issue.supportCount, formatted: formatNumber(issue.supportCount) })}
              </strong>
              <span aria-hidden="true"> · </span>
              <RegionShare regionCount={issue.regionCount} totalRegions={data?.totalRegions ?? 0} />
            </p>
            <ul className="region-list" aria-label={t('issues.page.support.regions')}>
              {issue.affectedRegions.map((r) => (
                <li key={r.id} className="region-chip">
                  {r.name}
                </li>
              ))}
            </ul>
            <Markdown source={issue.description} />
            {issue.evidence ? (
              <>
                <h3 className="decide-issue__sub">{t('issues.page.evidence')}</h3>
                <Markdown source={issue.evidence} />
              </>
            ) : null}
          </section>

          <section className="card" aria-labelledby="case-vote-heading">
            <h2 id="case-vote-heading" className="card__title">
              {t('decisions.decide.voteHeading')}
            </h2>
            <TallyPanel tally={proposal.tally} final={proposal.status !== 'VOTING'} />
          </section>

          <PolicyTexts current={proposal.currentPolicy} proposed={proposal.proposedPolicy} />

          <section className="card" aria-labelledby="case-rationale-heading">
            <h2 id="case-rationale-heading" className="card__title">
              {t('proposals.page.rationale')}
            </h2>
            <Markdown source={proposal.rationale} />
            {proposal.expectedImpact ? (
              <>
                <h3 className="decide-issue__sub">{t('proposals.page.expectedImpact')}</h3>
                <Markdown source={proposal.expectedImpact} />
              </>
            ) : null}
          </section>

          <IssueDiscussion issueId={issue.id} />
        </div>

        <aside className="decide-layout__form" aria-label={t('decisions.decide.formLabel')}>
          <DecideForm proposal={proposal} />
        </aside>
      </div>
    </div>
  );
}

/** The issue's discussion, first page (more on request), to read beside the decision. */
function IssueDiscussion({ issueId }: { issueId: string }) {
  const { t } = useTranslation();
  const variables = useMemo(() => ({ id: issueId, first: COMMENT_PAGE_SIZE, after: null }), [issueId]);
  const [{ data, fetching, error }] = useQuery({ query: SubjectCommentsQuery, variables, context: DECIDE_CONTEXT });
  const node = data?.node;
  const page = node && node.__typename === 'Issue' ? node.comments : null;
  if (!page) {
    return fetching ? (
      <Loading label={t('issues.page.comments.loading')} />
    ) : error ? (
      <ErrorNotice>{errorMessage(error, t)}</ErrorNotice>
    ) : null;
  }
  return <CommentThread subjectId={issueId} firstPage={page} canComment={false} closedReason={null} />;
}

/** What the decision queue says after a decision (router state of /decisions). */
export interface DecidedNotice {
  outcome: DecisionOutcome;
  title: string;
}

function DecideForm({ proposal }: { proposal: Pick<ProposalDetail, 'id' | 'title' | 'canDecide'> }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const id = useId();
  const [outcome, setOutcome] = useState<DecisionOutcome | null>(null);
  const [rationale, setRationale] = useState('');
  const [conditions, setConditions] = useState('');
  const [effectiveFrom, setEffectiveFrom] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const [serverErrors, setServerErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [{ fetching }, decide] = useMutation(DecideMutation);
  const [confirming, setConfirming] = useState(false);

  const input = useMemo(
    () => ({ rationale, conditions, effectiveFrom: effectiveFrom ? new Date(`${effectiveFrom}T00:00:00`) : null }),
    [rationale, conditions, effectiveFrom],
  );
  const clientErrors = useMemo(() => {
    const parsed = decideSchema.safeParse(input);
    const out = parsed.success ? {} : zodFieldErrors(t, parsed.error.issues);
    if (!outcome) out.outcome = t('decisions.decide.chooseOutcome');
    return out;
  }, [input, outcome, t]);
  const errors: FieldErrors = { ...(submitted ? clientErrors : {}), ...serverErrors };

  if (!proposal.canDecide.allowed) {
    return (
      <section className="card decide-form" aria-labelledby={`${id}-heading`}>
        <h2 id={`${id}-heading`} className="card__title">
          {t('decisions.decide.formHeading')}
        </h2>
        <p className="notice notice--info">{proposal.canDecide.reason}</p>
        <Link to={proposalHref(proposal.id)} className="btn">
          {t('decisions.decide.openProposal')}
        </Link>
      </section>
    );
  }

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setSubmitted(true);
    setFormError(null);
    const parsed = decideSchema.safeParse(input);
    if (!outcome || !parsed.success) {
      setFormError(t('errors.BAD_USER_INPUT'));
      window.setTimeout(() => {
        document.querySelector<HTMLElement>(`#${CSS.escape(id)} [aria-invalid="true"], #${CSS.escape(id)} fieldset[aria-invalid] input`)?.focus();
      }, 0);
      return;
    }
    // A decision cannot be undone: say what will happen first.
    setConfirming(true);
  }

  async function onConfirm() {
    const parsed = decideSchema.safeParse(input);
    if (!outcome || !parsed.success) return;
    const result = await decide(
      {
        input: {
          proposalId: proposal.id,
          outcome,
          rationale: parsed.data.rationale,
          conditions: parsed.data.conditions ?? null,
          effectiveFrom: parsed.data.effectiveFrom ? parsed.data.effectiveFrom.toISOString() : null,
        },
      },
      DECIDE_CONTEXT,
    );
    if (result.error) {
      const fields: FieldErrors = {};
      for (const [k, v] of Object.entries(fieldErrors(result.error))) fields[k.replace(/^input\./, '')] = v;
      setServerErrors(fields);
      setFormError(errorMessage(result.error, t));
      setConfirming(false);
      return;
    }
    const decided: DecidedNotice = { outcome, title: proposal.title };
    navigate('/decisions', { state: { decided } });
  }

  return (
    <form id={id} className="form card decide-form" onSubmit={onSubmit} noValidate aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} className="card__title">
        {t('decisions.decide.formHeading')}
      </h2>
      <FormError message={formError} />

      <fieldset
        className="choice-group"
        aria-invalid={errors.outcome ? true : undefined}
        aria-describedby={errors.outcome ? `${id}-outcome-error` : undefined}
      >
        <legend className="field__label">{t('decisions.decide.outcome')}</legend>
        <div className="choice-group__options choice-group__options--stack">
          {DECISION_OUTCOMES.map((o) => (
            <label key={o} className={outcome === o ? 'choice choice--on' : 'choice'}>
              <input
                type="radio"
                name={`${id}-outcome`}
                value={o}
                checked={outcome === o}
                onChange={() => {
                  setOutcome(o);
                  setServerErrors(({ outcome: _, ...rest }) => rest);
                }}
                data-testid={OUTCOME_TESTID[o]}
              />
              <span className="choice__text">
                <span className="choice__title">{t(`decisions.decide.outcomes.${o}`)}</span>
                <span className="choice__hint">{t(`decisions.decide.outcomeHints.${o}`)}</span>
              </span>
            </label>
          ))}
        </div>
        {errors.outcome ? (
          <p id={`${id}-outcome-error`} className="field__error" role="alert">
            <span aria-hidden="true" className="field__error-icon">
              !
            </span>
            {errors.outcome}
          </p>
        ) : null}
      </fieldset>

      <Field
        label={t('decisions.decide.rationale')}
        hint={t('decisions.decide.rationaleHint')}
        error={errors.rationale}
        errorTestId="field-error-rationale"
        counter={
          rationale.length > PROPOSAL_LIMITS.decisionRationale.max * 0.8 ? (
            <Counter length={rationale.trim().length} max={PROPOSAL_LIMITS.decisionRationale.max} />
          ) : null
        }
      >
        {(control) => (
          <MarkdownEditor
            control={control}
            value={rationale}
            onChange={(v) => {
              setRationale(v);
              setServerErrors(({ rationale: _, ...rest }) => rest);
            }}
            rows={6}
            testId="decide-rationale"
          />
        )}
      </Field>

      <Field
        label={t('decisions.decide.conditions')}
        optionalLabel={t('ui.optional')}
        hint={t('decisions.decide.conditionsHint')}
        error={errors.conditions}
      >
        {(control) => (
          <textarea
            {...control}
            className="input"
            rows={3}
            value={conditions}
            onChange={(e) => {
              setConditions(e.target.value);
              setServerErrors(({ conditions: _, ...rest }) => rest);
            }}
            data-testid="decide-conditions"
          />
        )}
      </Field>

      <Field
        label={t('decisions.decide.effectiveFrom')}
        optionalLabel={t('ui.optional')}
        hint={t('decisions.decide.effectiveFromHint')}
        error={errors.effectiveFrom}
      >
        {(control) => (
          <input
            {...control}
            type="date"
            className="input"
            value={effectiveFrom}
            onChange={(e) => {
              setEffectiveFrom(e.target.value);
              setServerErrors(({ effectiveFrom: _, ...rest }) => rest);
            }}
            data-testid="decide-effective-from"
          />
        )}
      </Field>

      <div className="form__actions">
        <button type="submit" className="btn btn--primary btn--block" disabled={fetching} data-testid="decide-submit">
          {fetching ? t('decisions.decide.submitting') : t('decisions.decide.submit')}
        </button>
      </div>
      {outcome ? (
        <ConfirmDialog
          open={confirming}
          title={t('decisions.decideConfirm.title')}
          confirmLabel={t(`decisions.decideConfirm.confirm${outcome}`)}
          cancelLabel={t('decisions.decideConfirm.back')}
          busy={fetching}
          busyLabel={t('decisions.decide.submitting')}
          danger={outcome === 'REJECTED'}
          onConfirm={() => void onConfirm()}
          onCancel={() => setConfirming(false)}
          testId="decide-dialog"
        >
          <p>{t(`decisions.decideConfirm.${outcome}`, { title: proposal.title })}</p>
        </ConfirmDialog>
      ) : null}
    </form>
  );
}
