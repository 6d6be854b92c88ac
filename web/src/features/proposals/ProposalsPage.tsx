// Every proposal in reading order (open votes first, soonest deadline first; then the proposals
// in progress, drafts, closed ones; the server's order), with status filter chips (in the URL):
// each with its status, whether it needs the viewer's vote or they voted, its issue, who drafted
// it, the tally while voting, and the deadline.
import { useMemo } from 'react';
import { Link } from 'react-router-dom';
import { useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { PROPOSAL_STATUSES, type ProposalStatus } from '@council/shared';
import { ProposalListQuery, type ProposalSummary } from './documents';
import { useStatusFilter } from './listParams';
import { proposalHref } from './paths';
import { ProposalStatusBadge } from './components/ProposalStatusBadge';
import { TallySummary } from './components/TallyPanel';
import { CalendarIcon } from './components/Icons';
import { VoteMark } from './components/VoteMark';
import { issueHref } from '../issues/components/IssueRow';
import { errorMessage } from '../../app/errors';
import { useDocumentTitle } from '../../app/useDocumentTitle';
import { EmptyState, Loading, LoadFailed } from '../../ui/States';
import { RelativeTime } from '../../ui/RelativeTime';
import { Interpolate } from '../../ui/Interpolate';
import { formatDate, formatDeadline, formatNumber } from '../../ui/format';
import './proposals.css';

const LIST_CONTEXT = { additionalTypenames: ['Proposal'] };

export function ProposalsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('proposals.list.title'));
  const { statuses, setStatuses } = useStatusFilter();
  const variables = useMemo(() => ({ status: statuses.length ? statuses : null }), [statuses]);
  const [{ data, fetching, error }, reexecute] = useQuery({ query: ProposalListQuery, variables, context: LIST_CONTEXT });
  const proposals = data?.proposals;

  function toggle(status: ProposalStatus, on: boolean) {
    setStatuses(on ? [...statuses, status] : statuses.filter((s) => s !== status));
  }

  return (
    <div className="page">
      <div className="page-head">
        <div>
          <h1 className="page-head__title">{t('proposals.list.title')}</h1>
          <p className="page-head__lead">{t('proposals.list.lead')}</p>
        </div>
      </div>

      <section className="filters" aria-label={t('proposals.list.filterLabel')}>
        <fieldset className="filters__status">
          <legend>{t('proposals.list.status')}</legend>
          <div className="chips">
            {PROPOSAL_STATUSES.map((status) => {
              const checked = statuses.includes(status);
              return (
                <label key={status} className={checked ? 'chip chip--on' : 'chip'}>
                  <input type="checkbox" checked={checked} onChange={(e) => toggle(status, e.target.checked)} />
                  <span className="chip__check" aria-hidden="true">
                    {checked ? '✓' : ''}
                  </span>
                  {t(`proposalStatus.${status}`)}
                </label>
              );
            })}
          </div>
          {statuses.length > 0 ? (
            <button type="button" className="btn btn--link" onClick={() => setStatuses([])}>
              {t('proposals.list.clear')}
            </button>
          ) : (
            <p className="filters__status-hint">{t('proposals.list.statusHint')}</p>
          )}
        </fieldset>
      </section>

      <section aria-labelledby="proposal-count">
        <p id="proposal-count" className="feed__count" aria-live="polite">
          {proposals ? t('proposals.list.count', { count: proposals.length, formatted: formatNumber(proposals.length) }) : '\u00a0'}
          {proposals && fetching ? <span className="spinner spinner--inline" aria-hidden="true" /> : null}
        </p>
        {proposals && proposals.length > 1 ? <p className="muted proposals-order">{t('proposals.list.orderHint')}</p> : null}
        {!proposals && fetching ? <Loading label={t('proposals.list.loading')} /> : null}
        {!proposals && error ? (
          <LoadFailed message={errorMessage(error, t)} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
        ) : null}
        {proposals && proposals.length === 0 ? (
          <EmptyState title={statuses.length ? t('proposals.list.emptyFiltered') : t('proposals.list.empty')}>
            <p className="muted">{statuses.length ? t('proposals.list.emptyFilteredHint') : t('proposals.list.emptyHint')}</p>
          </EmptyState>
        ) : null}
        {proposals && proposals.length > 0 ? (
          <ul className="feed__list" aria-label={t('proposals.list.listLabel')}>
            {proposals.map((p) => (
              <ProposalRow key={p.id} proposal={p} />
            ))}
          </ul>
        ) : null}
      </section>
    </div>
  );
}

export function ProposalRow({ proposal }: { proposal: ProposalSummary }) {
  const { t } = useTranslation();
  return (
    <li className={proposal.viewerNeedsToVote ? 'issue-row proposal-row proposal-row--needs-vote' : 'issue-row proposal-row'} data-testid="proposal-item">
      <div className="issue-row__main">
        <div className="issue-row__top">
          <ProposalStatusBadge status={proposal.status} />
          <VoteMark needsVote={proposal.viewerNeedsToVote} vote={proposal.viewerVote} />
          <span className="tag">
            {proposal.requiresApproval ? t('proposals.approval.tagNeeded') : t('proposals.approval.tagOwn')}
          </span>
        </div>
        <h2 className="issue-row__title">
          <Link to={proposalHref(proposal.id)}>{proposal.title}</Link>
        </h2>
        <p className="issue-row__meta">
          <span>
            <Interpolate
              text={(slot) => t('proposals.list.forIssue', { title: slot })}
              element={<Link to={issueHref(proposal.issue.id)}>{proposal.issue.title}</Link>}
            />
            <span aria-hidden="true"> · </span>
            {t('proposals.list.by', { name: proposal.author.name, date: formatDate(proposal.createdAt) })}
          </span>
        </p>
        {proposal.status === 'VOTING' ? (
          <p className="proposal-row__tally">
            <TallySummary tally={proposal.tally} />
          </p>
        ) : null}
      </div>
      <div className="proposal-row__side">
        {proposal.status === 'VOTING' && proposal.votingClosesAt ? (
          <p className="proposal-row__deadline">
            <CalendarIcon />
            <span>
              {t('proposals.deadline.closes')} <RelativeTime iso={proposal.votingClosesAt} inSentence />
              <span className="proposal-row__when">{formatDeadline(proposal.votingClosesAt)}</span>
            </span>
          </p>
        ) : (
          <p className="proposal-row__updated muted">
            {t('proposals.list.updated')} <RelativeTime iso={proposal.updatedAt} inSentence />
          </p>
        )}
      </div>
    </li>
  );
}
