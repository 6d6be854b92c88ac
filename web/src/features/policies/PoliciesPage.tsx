// The policy register: every adopted policy with its current text, version and effective date,
// and its versions, newest first — each with what changed (a diff of the text it replaced) and
// links to the proposal and the decision behind it. Approved changes show at once, with how far
// their rollout has come, until they become the current version.
import { useState } from 'react';
import { useQuery } from 'urql';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { PolicyRegisterQuery, type PolicyChangeData, type PolicyData } from './documents';
import { proposalHref } from '../proposals/paths';
import { errorMessage } from '../../app/errors';
import { useDocumentTitle } from '../../app/useDocumentTitle';
import { EmptyState, Loading, LoadFailed } from '../../ui/States';
import { Markdown } from '../../ui/Markdown';
import { TextDiff } from '../../ui/TextDiff';
import { formatDate, formatNumber } from '../../ui/format';
import { RegisterAcknowledgements } from './components/Acknowledgements';
import { OutcomeByRegion } from '../proposals/components/Outcomes';
import './policies.css';

const REGISTER_CONTEXT = { additionalTypenames: ['Policy', 'Proposal'] };

export function PoliciesPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('policies.title'));
  const [{ data, fetching, error }, reexecute] = useQuery({ query: PolicyRegisterQuery, context: REGISTER_CONTEXT });
  const policies = data?.policies;
  const changes = data?.policyChangesRollingOut ?? [];
  // Changes of a policy in the register show with it; changes that make a new policy, on their own.
  const inRegister = new Set(policies?.map((p) => p.id));
  const newPolicies = changes.filter((c) => !c.policy || !inRegister.has(c.policy.id));

  return (
    <div className="page">
      <div className="page-head">
        <div>
          <h1 className="page-head__title">{t('policies.title')}</h1>
          <p className="page-head__lead">{t('policies.lead')}</p>
        </div>
      </div>

      {!policies && fetching ? <Loading label={t('policies.loading')} /> : null}
      {!policies && error ? (
        <LoadFailed message={errorMessage(error, t)} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
      ) : null}
      {newPolicies.length > 0 ? (
        <section className="card policy-changes" aria-labelledby="policy-changes-heading" data-testid="policy-changes">
          <h2 id="policy-changes-heading" className="card__title">
            {t('policyChanges.heading')}
          </h2>
          <p className="muted policy-changes__lead">{t('policyChanges.lead')}</p>
          <ul className="policy-changes__list">
            {newPolicies.map((c) => (
              <li key={c.id} className="policy-change" data-testid="policy-change">
                <Link to={proposalHref(c.id)} className="policy-change__title">
                  {c.title}
                </Link>
                <span className="tag">{c.policy ? t('policyChanges.changeOf', { title: c.policy.title }) : t('policyChanges.newPolicy')}</span>
                <RolloutState change={c} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {policies ? (
        <p className="feed__count">{t('policies.count', { count: policies.length, formatted: formatNumber(policies.length) })}</p>
      ) : null}
      {policies && policies.length === 0 ? (
        <EmptyState title={t('policies.empty')}>
          <p className="muted">{t('policies.emptyHint')}</p>
        </EmptyState>
      ) : null}
      {policies && policies.length > 0 ? (
        <ul className="policy-list">
          {policies.map((p) => (
            <PolicyItem key={p.id} policy={p} changes={changes.filter((c) => c.policy?.id === p.id)} />
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** "Approved, rolling out (5 of 8 regions)": rollouts are made when the change is approved. */
function RolloutState({ change }: { change: PolicyChangeData }) {
  const { t } = useTranslation();
  const total = change.rollouts.length;
  const done = change.rollouts.filter((r) => r.status === 'DONE').length;
  return (
    <span className="policy-change__state" data-testid="policy-change-state">
      {total > 0 ? t('policyChanges.rollingOut', { done: formatNumber(done), total: formatNumber(total) }) : t('policyChanges.approved')}
    </span>
  );
}

function PolicyItem({ policy, changes }: { policy: PolicyData; changes: readonly PolicyChangeData[] }) {
  const { t } = useTranslation();
  const headingId = `policy-${policy.id}`;
  return (
    <li className="card policy" data-testid="policy-item">
      <header className="policy__head">
        <h2 id={headingId} className="policy__title">
          {policy.title}
        </h2>
        <div className="policy__badges">
          <span className="tag tag--strong">{t('policies.version', { version: policy.currentVersion })}</span>
          {policy.category ? <span className="tag">{policy.category.name}</span> : null}
        </div>
      </header>
      {policy.current ? (
        <>
          <p className="policy__effective">
            {policy.current.effectiveFrom
              ? t('policies.effectiveFrom', { date: formatDate(policy.current.effectiveFrom) })
              : t('policies.updated', { date: formatDate(policy.updatedAt) })}
          </p>
          <div className="policy__text">
            <Markdown source={policy.current.text} />
          </div>
          <OutcomeByRegion proposal={policy.current.proposal} />
          <RegisterAcknowledgements policy={policy} />
        </>
      ) : null}
      {changes.map((c) => (
        <p key={c.id} className="notice notice--info policy-change policy-change--pending" data-testid="policy-change">
          <span>{t('policyChanges.pendingForPolicy')}</span> <Link to={proposalHref(c.id)}>{c.title}</Link>{' '}
          <RolloutState change={c} />
        </p>
      ))}

      <h3 className="policy__versions-heading">
        {t('policies.versions', { count: policy.versions.length, formatted: formatNumber(policy.versions.length) })}
      </h3>
      <ol className="policy-versions">
        {policy.versions.map((v) => (
          <li key={v.version} className="policy-version" data-testid="policy-version">
            <div className="policy-version__head">
              <span className="policy-version__number">{t('policies.version', { version: v.version })}</span>
              {v.version === policy.currentVersion ? <span className="tag">{t('policies.current')}</span> : null}
              <span className="policy-version__date">
                {v.effectiveFrom
                  ? t('policies.effectiveFrom', { date: formatDate(v.effectiveFrom) })
                  : t('policies.adopted', { date: formatDate(v.createdAt) })}
              </span>
            </div>
            <p className="policy-version__links">
              <span>
                {t('policies.fromProposal')} <Link to={proposalHref(v.proposal.id)}>{v.proposal.title}</Link>
              </span>
              <span>
                {v.decision ? (
                  <>
                    {t('policies.decision')}{' '}
                    <Link to={`${proposalHref(v.proposal.id)}#decision`}>
                      {t('policies.decisionBy', {
                        outcome: t(`decisionOutcome.${v.decision.outcome}`),
                        name: v.decision.decidedBy.name,
                        date: formatDate(v.decision.decidedAt),
                      })}
                    </Link>
                  </>
                ) : (
                  t('policies.noDecision')
                )}
              </span>
            </p>
            <Changes before={v.previousText} after={v.text} />
          </li>
        ))}
      </ol>
    </li>
  );
}

/** "What changed", computed only once opened (a register holds many long texts). */
function Changes({ before, after }: { before: string; after: string }) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  return (
    <details className="policy-version__changes" onToggle={(e) => e.currentTarget.open && setOpened(true)}>
      <summary>{t('policies.whatChanged')}</summary>
      {opened ? <TextDiff before={before} after={after} /> : null}
    </details>
  );
}
