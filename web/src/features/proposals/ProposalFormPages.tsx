// Drafting a proposal from an issue (`/issues/:id/propose`) and revising one
// (`/proposals/:id/revise`, prefilled, sending the version it started from). Both use the same
// form; on success, straight to the proposal. A revision that lost a race with another change
// is refused (CONFLICT): the page says so and offers to reload the latest version.
import { useId, useMemo, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useMutation, useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { DraftFormQuery, DraftProposalMutation, ReviseFormQuery, ReviseProposalMutation } from './documents';
import { proposalHref } from './paths';
import { EMPTY_PROPOSAL, ProposalForm, type ParsedProposal, type ProposalValues, type SubmitOutcome } from './components/ProposalForm';
import { issueHref } from '../issues/components/IssueRow';
import { errorCode, errorMessage, fieldErrors } from '../../app/errors';
import { useDocumentTitle } from '../../app/useDocumentTitle';
import { NotFoundPage } from '../../app/RouteError';
import { ErrorNotice, Loading, LoadFailed } from '../../ui/States';
import { Interpolate } from '../../ui/Interpolate';
import { Markdown } from '../../ui/Markdown';
import { draftKey } from '../../ui/useDraft';
import { useViewer } from '../auth/viewer';

const SAVE_CONTEXT = { additionalTypenames: ['Proposal', 'Issue'] };

function Breadcrumb({ to, label }: { to: string; label: string }) {
  const { t } = useTranslation();
  return (
    <nav className="breadcrumbs" aria-label={t('issues.page.breadcrumbs')}>
      <Link to={to}>
        <span aria-hidden="true">← </span>
        {label}
      </Link>
    </nav>
  );
}

export function DraftProposalPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('proposals.form.draftTitle'));
  const { id: issueId = '' } = useParams();
  const navigate = useNavigate();
  const viewer = useViewer();
  const policyFieldId = useId();
  const variables = useMemo(() => ({ issueId }), [issueId]);
  const [{ data, fetching, error }, reexecute] = useQuery({ query: DraftFormQuery, variables });
  const [, draft] = useMutation(DraftProposalMutation);
  const [policyId, setPolicyId] = useState('');
  const [policyError, setPolicyError] = useState<string | undefined>();

  const node = data?.node;
  const issue = node && node.__typename === 'Issue' ? node : null;
  const policies = data?.policies ?? [];

  if (!data && fetching) return <Loading label={t('app.loading')} />;
  if (errorCode(error) === 'NOT_FOUND' || (data && !issue)) return <NotFoundPage />;
  if (!issue) {
    return (
      <div className="page page--narrow">
        <LoadFailed message={error ? errorMessage(error, t) : t('errors.INTERNAL')} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
      </div>
    );
  }

  const refusal = issue.canDraftProposal.allowed ? null : issue.canDraftProposal.reason;

  async function onSubmit(values: ParsedProposal): Promise<SubmitOutcome | null> {
    setPolicyError(undefined);
    const result = await draft({ input: { ...values, issueId, policyId: policyId || null } }, SAVE_CONTEXT);
    if (result.error) {
      const fields = fieldErrors(result.error);
      if (fields.policyId || fields['input.policyId']) setPolicyError(fields.policyId ?? fields['input.policyId']);
      return { fields, message: errorMessage(result.error, t) };
    }
    if (result.data) navigate(proposalHref(result.data.draftProposal.id));
    return null;
  }

  return (
    <div className="page page--wide-form">
      <Breadcrumb to={issueHref(issue.id)} label={issue.title} />
      <h1>{t('proposals.form.draftTitle')}</h1>
      <p className="page-head__lead">
        <Interpolate
          text={(slot) => t('proposals.form.draftLead', { title: slot })}
          element={<Link to={issueHref(issue.id)}>{issue.title}</Link>}
        />
      </p>
      {refusal ? (
        <ErrorNotice>{refusal}</ErrorNotice>
      ) : (
        <ProposalForm
          initial={EMPTY_PROPOSAL}
          draftKey={draftKey(viewer.id, `issue:${issueId}`, 'proposal')}
          submitLabel={t('proposals.form.draftSubmit')}
          submittingLabel={t('proposals.form.drafting')}
          cancelHref={issueHref(issue.id)}
          onSubmit={onSubmit}
          beforeFields={
            policies.length > 0
              ? (values, patch) => (
                  <div className={policyError ? 'field field--invalid' : 'field'}>
                    <label htmlFor={policyFieldId} className="field__label">
                      {t('proposals.form.policyLabel')}
                      <span className="field__optional"> ({t('ui.optional')})</span>
                    </label>
                    <p id={`${policyFieldId}-hint`} className="field__hint">
                      {t('proposals.form.policyHint')}
                    </p>
                    <select
                      id={policyFieldId}
                      className="select"
                      value={policyId}
                      aria-describedby={`${policyFieldId}-hint`}
                      aria-invalid={policyError ? true : undefined}
                      onChange={(e) => {
                        const next = e.target.value;
                        const before = policies.find((p) => p.id === policyId)?.current?.text ?? '';
                        const after = policies.find((p) => p.id === next)?.current?.text ?? '';
                        setPolicyId(next);
                        setPolicyError(undefined);
                        // Bring in the register's text unless the person already wrote their own.
                        if (!values.currentPolicy.trim() || values.currentPolicy === before) patch({ currentPolicy: after });
                      }}
                      data-testid="proposal-policy-select"
                    >
                      <option value="">{t('proposals.form.policyNew')}</option>
                      {policies.map((p) => (
                        <option key={p.id} value={p.id}>
                          {t('proposals.form.policyOption', { title: p.title, version: p.currentVersion })}
                        </option>
                      ))}
                    </select>
                    {policyError ? (
                      <p className="field__error" role="alert">
                        {policyError}
                      </p>
                    ) : null}
                  </div>
                )
              : undefined
          }
        />
      )}
    </div>
  );
}

export function ReviseProposalPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('proposals.form.reviseTitle'));
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const viewer = useViewer();
  const variables = useMemo(() => ({ id }), [id]);
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: ReviseFormQuery,
    variables,
    context: SAVE_CONTEXT,
    requestPolicy: 'network-only',
  });
  const [, revise] = useMutation(ReviseProposalMutation);
  const node = data?.node;
  const proposal = node && node.__typename === 'Proposal' ? node : null;

  const initial = useMemo<ProposalValues | null>(
    () =>
      proposal
        ? {
            title: proposal.title,
            currentPolicy: proposal.currentPolicy,
            proposedPolicy: proposal.proposedPolicy,
            rationale: proposal.rationale,
            expectedImpact: proposal.expectedImpact ?? '',
            requiresApproval: proposal.requiresApproval,
          }
        : null,
    [proposal],
  );

  if (!data && fetching) return <Loading label={t('app.loading')} />;
  if (errorCode(error) === 'NOT_FOUND' || (data && !proposal)) return <NotFoundPage />;
  if (!proposal || !initial) {
    return (
      <div className="page page--narrow">
        <LoadFailed message={error ? errorMessage(error, t) : t('errors.INTERNAL')} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
      </div>
    );
  }

  const version = proposal.version;

  async function onSubmit(values: ParsedProposal): Promise<SubmitOutcome | null> {
    // No extra typenames here: a refused revision must not refetch (and reset) this form; the
    // person decides when to load the latest version.
    const result = await revise({ input: { ...values, expectedImpact: values.expectedImpact ?? '', proposalId: id, version } });
    if (result.error) {
      const stale = errorCode(result.error) === 'CONFLICT';
      return {
        fields: fieldErrors(result.error),
        message: errorMessage(result.error, t),
        extra: stale ? (
          <button type="button" className="btn" onClick={() => reexecute({ requestPolicy: 'network-only' })}>
            {t('proposals.reloadLatest')}
          </button>
        ) : undefined,
      };
    }
    navigate(proposalHref(id));
    return null;
  }

  const changesAsked = proposal.status === 'CHANGES_REQUESTED' && proposal.decision ? proposal.decision : null;

  return (
    <div className="page page--wide-form">
      <Breadcrumb to={proposalHref(proposal.id)} label={proposal.title} />
      <h1>{t('proposals.form.reviseTitle')}</h1>
      <p className="page-head__lead">
        <Interpolate
          text={(slot) => t('proposals.form.reviseLead', { title: slot, version })}
          element={<Link to={issueHref(proposal.issue.id)}>{proposal.issue.title}</Link>}
        />
      </p>
      {changesAsked ? (
        <section className="notice notice--info changes-asked" aria-labelledby="changes-asked-heading">
          <h2 id="changes-asked-heading" className="changes-asked__title">
            {t('proposals.form.changesAsked', { name: changesAsked.decidedBy.name })}
          </h2>
          <Markdown source={changesAsked.rationale} />
          {changesAsked.conditions ? <Markdown source={changesAsked.conditions} /> : null}
        </section>
      ) : null}
      {!proposal.canRevise.allowed ? (
        <ErrorNotice>{proposal.canRevise.reason}</ErrorNotice>
      ) : (
        // A new form for each version: reloading after a conflict starts from the latest text.
        <ProposalForm
          key={version}
          initial={initial}
          draftKey={draftKey(viewer.id, `proposal:${proposal.id}`, 'revision')}
          submitLabel={t('proposals.form.reviseSubmit')}
          submittingLabel={t('ui.saving')}
          cancelHref={proposalHref(proposal.id)}
          onSubmit={onSubmit}
        />
      )}
    </div>
  );
}
