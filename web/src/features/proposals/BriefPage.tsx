// The case brief, printable: the one page management reads before deciding — the problem, the
// regions affected with their evidence, the vote with its reasons, key discussion points, the
// answers of other departments, the change and its expected impact. No navigation; the toolbar
// (the way back, the Markdown download, Print) is not printed. Sized to fit one A4 page.
import { useMemo } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { BRIEF_CONTEXT, CaseBriefQuery, type CaseBriefData } from './brief';
import { decideHref, proposalHref } from './paths';
import { errorCode, errorMessage } from '../../app/errors';
import { useDocumentTitle } from '../../app/useDocumentTitle';
import { NotFoundPage } from '../../app/RouteError';
import { ErrorNotice, LoadFailed, Loading } from '../../ui/States';
import { Markdown } from '../../ui/Markdown';
import { formatDate, formatNumber, formatPercent } from '../../ui/format';
import './brief.css';

export function BriefPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const variables = useMemo(() => ({ id }), [id]);
  const [{ data, fetching, error }, reexecute] = useQuery({ query: CaseBriefQuery, variables, context: BRIEF_CONTEXT });
  const node = data?.node;
  const proposal = node && node.__typename === 'Proposal' ? node : null;
  useDocumentTitle(proposal ? t('brief.documentTitle', { title: proposal.title }) : t('brief.kind'));

  if (!data && fetching) {
    return (
      <div className="page-center">
        <Loading label={t('brief.page.loading')} />
      </div>
    );
  }
  if (errorCode(error) === 'NOT_FOUND' || (data && !proposal)) {
    return (
      <main className="main">
        <NotFoundPage />
      </main>
    );
  }
  if (!proposal) {
    return (
      <main className="main">
        <LoadFailed message={error ? errorMessage(error, t) : t('errors.INTERNAL')} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
      </main>
    );
  }
  const brief = proposal.brief;
  const deciding = proposal.viewerActions.includes('decide');

  return (
    <div className="brief-page">
      <header className="brief-page__toolbar">
        <Link to={deciding ? decideHref(proposal.id) : proposalHref(proposal.id)} className="btn btn--ghost" data-testid="brief-back">
          <span aria-hidden="true">← </span>
          {deciding ? t('brief.page.backToDecision') : t('brief.page.back')}
        </Link>
        {brief ? (
          <span className="brief-page__actions">
            <a href={brief.markdownUrl} className="btn" download data-testid="brief-markdown">
              {t('brief.page.download')}
            </a>
            <button type="button" className="btn btn--primary" onClick={() => window.print()} data-testid="print-button">
              {t('brief.page.print')}
            </button>
          </span>
        ) : null}
      </header>
      <main className="brief-sheet" data-testid="case-brief">
        <header className="brief-sheet__head">
          <p className="brief-sheet__kind">{t('brief.kind')}</p>
          <h1 className="brief-sheet__title" data-testid="brief-title">
            {proposal.title}
          </h1>
          <p className="brief-sheet__meta">
            {t('brief.meta', { author: proposal.author.name, version: proposal.version })}
            <span aria-hidden="true"> · </span>
            {t('brief.status', { status: t(`proposalStatus.${proposal.status}`) })}
            {proposal.submittedAt ? (
              <>
                <span aria-hidden="true"> · </span>
                {t('brief.submitted', { date: formatDate(proposal.submittedAt) })}
              </>
            ) : null}
          </p>
        </header>
        {brief ? (
          <BriefBody brief={brief} proposal={proposal} />
        ) : (
          <ErrorNotice>{proposal.canReadBrief.reason ?? t('errors.FORBIDDEN')}</ErrorNotice>
        )}
      </main>
    </div>
  );
}

interface ChangeTexts {
  currentPolicy: string;
  proposedPolicy: string;
  rationale: string;
  expectedImpact?: string | null;
}

function BriefBody({ brief, proposal }: { brief: CaseBriefData; proposal: ChangeTexts }) {
  const { t } = useTranslation();
  const { problem, tally } = brief;
  return (
    <>
      <section className="brief-section brief-section--problem" aria-labelledby="brief-problem" data-testid="brief-problem">
        <h2 id="brief-problem" className="brief-section__title">
          {t('brief.sections.problem')}
        </h2>
        <h3 className="brief-problem__title">{problem.title}</h3>
        <p className="brief-muted">
          {t('brief.problem.raisedBy', { name: problem.raisedBy.name, region: problem.originRegion.name, date: formatDate(problem.createdAt) })}
        </p>
        <Markdown source={problem.description} />
        {problem.evidence ? (
          <div className="brief-evidence">
            <strong>{t('brief.problem.evidence')}:</strong> <Markdown source={problem.evidence} />
          </div>
        ) : null}
      </section>

      <div className="brief-columns">
        <section className="brief-section" aria-labelledby="brief-regions" data-testid="brief-regions">
          <h2 id="brief-regions" className="brief-section__title">
            {t('brief.sections.regions')}{' '}
            <span className="brief-section__count">({t('brief.regions.summary', { count: formatNumber(brief.regions.length), total: formatNumber(brief.totalRegions) })})</span>
          </h2>
          <ul className="brief-regions">
            {brief.regions.map((r) => (
              <li key={r.region.id} className="brief-regions__item" data-testid="brief-region">
                <span className="brief-regions__name">{r.region.name}</span>{' '}
                <span className="brief-muted">
                  {t('brief.regions.detail', {
                    detail: [
                      ...(r.origin ? [t('brief.regions.origin')] : []),
                      ...(r.supporters ? [t('brief.regions.supporters', { count: r.supporters })] : []),
                    ].join(', '),
                  })}
                </span>
                {r.evidence.length ? (
                  <ul className="brief-notes">
                    {r.evidence.map((n, i) => (
                      <li key={i}>{t('brief.regions.note', { note: n.note, author: n.author })}</li>
                    ))}
                  </ul>
                ) : null}
              </li>
            ))}
          </ul>
        </section>

        <section className="brief-section" aria-labelledby="brief-vote" data-testid="brief-vote">
          <h2 id="brief-vote" className="brief-section__title">
            {t('brief.sections.vote')}
          </h2>
          <p className="brief-vote__counts">
            <strong>{t('brief.vote.counts', { for: formatNumber(tally.for), against: formatNumber(tally.against), abstain: formatNumber(tally.abstain) })}</strong>
          </p>
          <p className="brief-muted">
            {t(tally.quorumReached ? 'brief.vote.quorumReached' : 'brief.vote.quorumMissed', {
              voted: formatNumber(tally.regionsVoted),
              total: formatNumber(tally.totalRegions),
              quorum: formatPercent(tally.quorum),
            })}{' '}
            {t('brief.vote.threshold', { share: formatPercent(tally.forShare), threshold: formatPercent(tally.threshold) })}{' '}
            <strong>{t(tally.passing ? 'brief.vote.passing' : 'brief.vote.failing')}</strong>
          </p>
          <h3 className="brief-section__sub">{t('brief.vote.reasons')}</h3>
          {brief.reasons.length ? (
            <ul className="brief-list">
              {brief.reasons.map((r, i) => (
                <li key={i} data-testid="brief-reason">
                  <strong>{t('brief.vote.choice', { choice: t(`voteChoice.${r.choice}`) })}</strong>{' '}
                  {t('brief.vote.reasonLine', { reason: r.reason, voter: r.voter, region: r.region.name })}
                </li>
              ))}
            </ul>
          ) : (
            <p className="brief-muted">{t('brief.vote.noReasons')}</p>
          )}
          {brief.reasonCount > brief.reasons.length ? (
            <p className="brief-muted">{t('brief.vote.moreReasons', { count: brief.reasonCount - brief.reasons.length })}</p>
          ) : null}
        </section>
      </div>

      <section className="brief-section" aria-labelledby="brief-discussion" data-testid="brief-discussion">
        <h2 id="brief-discussion" className="brief-section__title">
          {t('brief.sections.discussion')}
        </h2>
        <p className="brief-muted brief-note">{t('brief.discussion.selection', { max: brief.discussionLimit })}</p>
        {brief.discussion.length ? (
          <ul className="brief-list">
            {brief.discussion.map((p, i) => (
              <li key={i} data-testid="brief-point">
                <strong>
                  {p.author}
                  {p.region ? `, ${p.region.name}` : ''}
                </strong>{' '}
                <span className="brief-muted">
                  ({t(p.on === 'ISSUE' ? 'brief.discussion.onIssue' : 'brief.discussion.onProposal')}, {formatDate(p.createdAt)})
                </span>
                : {p.excerpt}
              </li>
            ))}
          </ul>
        ) : (
          <p className="brief-muted">{t('brief.discussion.none')}</p>
        )}
      </section>

      <section className="brief-section" aria-labelledby="brief-referrals" data-testid="brief-referrals">
        <h2 id="brief-referrals" className="brief-section__title">
          {t('brief.sections.referrals')}
        </h2>
        {brief.referrals.length ? (
          <ul className="brief-list">
            {brief.referrals.map((r, i) => (
              <li key={i}>
                <strong>{r.department}</strong>
                <br />
                {t('brief.referrals.questionLine', { question: r.question })}
                <br />
                {t('brief.referrals.answerLine', { answer: r.answer })}
                {r.answeredBy ? (
                  <span className="brief-muted">
                    {' '}
                    {t('brief.referrals.by', {
                      who: r.answeredAt ? t('brief.referrals.answeredBy', { name: r.answeredBy, date: formatDate(r.answeredAt) }) : r.answeredBy,
                    })}
                  </span>
                ) : null}
              </li>
            ))}
          </ul>
        ) : (
          <p className="brief-muted">{t('brief.referrals.none')}</p>
        )}
      </section>

      <section className="brief-section" aria-labelledby="brief-change" data-testid="brief-change">
        <h2 id="brief-change" className="brief-section__title">
          {t('brief.sections.change')}
        </h2>
        <div className="brief-columns">
          <div>
            <h3 className="brief-section__sub">{t('brief.change.current')}</h3>
            <Markdown source={proposal.currentPolicy} />
          </div>
          <div>
            <h3 className="brief-section__sub">{t('brief.change.proposed')}</h3>
            <Markdown source={proposal.proposedPolicy} />
          </div>
        </div>
        <h3 className="brief-section__sub">{t('brief.change.rationale')}</h3>
        <Markdown source={proposal.rationale} />
      </section>

      <section className="brief-section" aria-labelledby="brief-impact" data-testid="brief-impact">
        <h2 id="brief-impact" className="brief-section__title">
          {t('brief.sections.impact')}
        </h2>
        {proposal.expectedImpact?.trim() ? <Markdown source={proposal.expectedImpact} /> : <p className="brief-muted">{t('brief.impact.none')}</p>}
      </section>
    </>
  );
}
