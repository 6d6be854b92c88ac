// For senior management: the proposals waiting for a decision, oldest submission first, with
// how long each has waited, its vote, and the way into the decision.
import { Link, useLocation } from 'react-router-dom';
import { useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { DecisionQueueQuery } from './documents';
import { briefHref, decideHref, proposalHref } from './paths';
import { TallySummary } from './components/TallyPanel';
import { issueHref } from '../issues/components/IssueRow';
import { ClockIcon } from '../issues/components/Icons';
import { useViewer } from '../auth/viewer';
import { errorMessage } from '../../app/errors';
import { useDocumentTitle } from '../../app/useDocumentTitle';
import { EmptyState, ErrorNotice, Loading, LoadFailed } from '../../ui/States';
import { Interpolate } from '../../ui/Interpolate';
import { formatDateTime, formatDuration, formatNumber } from '../../ui/format';
import { useNow } from '../../ui/useNow';
import type { DecidedNotice } from './DecidePage';

const QUEUE_CONTEXT = { additionalTypenames: ['Proposal'] };

export function DecisionQueuePage() {
  const { t } = useTranslation();
  useDocumentTitle(t('decisions.queue.title'));
  const viewer = useViewer();
  const access = viewer.canViewDecisionQueue;
  const [{ data, fetching, error }, reexecute] = useQuery({ query: DecisionQueueQuery, context: QUEUE_CONTEXT, pause: !access.allowed });
  const now = useNow(60_000);
  const queue = data?.decisionQueue;
  // Just decided on the decide page: say what happened, where it went, and what still waits.
  const decided = (useLocation().state as { decided?: DecidedNotice } | null)?.decided ?? null;

  return (
    <div className="page">
      <div className="page-head">
        <div>
          <h1 className="page-head__title">{t('decisions.queue.title')}</h1>
          <p className="page-head__lead">{t('decisions.queue.lead')}</p>
        </div>
      </div>

      {decided ? (
        <div className="notice notice--info" role="status" data-testid="decided-notice">
          <p>
            {t(`decisions.decidedNotice.${decided.outcome}`, { title: decided.title })}{' '}
            {queue
              ? queue.length
                ? t('decisions.decidedNotice.remaining', { count: queue.length, formatted: formatNumber(queue.length) })
                : t('decisions.decidedNotice.none')
              : null}
          </p>
        </div>
      ) : null}
      {!access.allowed ? <ErrorNotice>{access.reason}</ErrorNotice> : null}
      {access.allowed && !queue && fetching ? <Loading label={t('decisions.queue.loading')} /> : null}
      {access.allowed && !queue && error ? (
        <LoadFailed message={errorMessage(error, t)} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
      ) : null}

      {queue ? (
        <section aria-labelledby="queue-count">
          <p id="queue-count" className="feed__count" aria-live="polite">
            {t('decisions.queue.count', { count: queue.length, formatted: formatNumber(queue.length) })}
          </p>
          {queue.length === 0 ? (
            <EmptyState title={t('decisions.queue.empty')}>
              <p className="muted">{t('decisions.queue.emptyHint')}</p>
            </EmptyState>
          ) : (
            <ol className="feed__list" aria-label={t('decisions.queue.listLabel')}>
              {queue.map((p) => {
                const since = p.submittedAt ?? p.updatedAt;
                return (
                  <li key={p.id} className="issue-row queue-item" data-testid="decision-queue-item">
                    <div className="issue-row__main">
                      <h2 className="issue-row__title">
                        <Link to={proposalHref(p.id)}>{p.title}</Link>
                      </h2>
                      <p className="issue-row__meta">
                        <span>
                          <Interpolate
                            text={(slot) => t('proposals.list.forIssue', { title: slot })}
                            element={<Link to={issueHref(p.issue.id)}>{p.issue.title}</Link>}
                          />
                          <span aria-hidden="true"> · </span>
                          {t('decisions.queue.by', { name: p.author.name })}
                        </span>
                      </p>
                      <p className="proposal-row__tally">
                        <TallySummary tally={p.tally} />
                      </p>
                    </div>
                    <div className="queue-item__side">
                      <p className="queue-item__waiting">
                        <ClockIcon />
                        <span>
                          {t('decisions.queue.waiting', { duration: formatDuration(now - new Date(since).getTime()) })}
                          <span className="queue-item__since">
                            {t('decisions.queue.submitted', { date: formatDateTime(since) })}
                          </span>
                        </span>
                      </p>
                      {p.viewerActions.includes('decide') ? (
                        <Link to={decideHref(p.id)} className="btn btn--primary" data-testid="decide-link">
                          {t('decisions.queue.decide')}
                          <span className="visually-hidden">: {p.title}</span>
                        </Link>
                      ) : null}
                      <Link to={briefHref(p.id)} className="btn" data-testid="brief-link">
                        {t('brief.page.open')}
                        <span className="visually-hidden">: {p.title}</span>
                      </Link>
                    </div>
                  </li>
                );
              })}
            </ol>
          )}
        </section>
      ) : null}
    </div>
  );
}
