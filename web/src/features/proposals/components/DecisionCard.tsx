// Management's decision on a proposal: the outcome in words, by whom and when, the rationale,
// any conditions and the effective date; earlier decisions (e.g. changes requested) below.
import { useTranslation } from 'react-i18next';
import type { DecisionData } from '../documents';
import { Markdown } from '../../../ui/Markdown';
import { formatDate, formatDateTime } from '../../../ui/format';

const MARK = { APPROVED: '✓', REJECTED: '✗', CHANGES_REQUESTED: '↺' } as const;

function DecisionBody({ decision }: { decision: DecisionData }) {
  const { t } = useTranslation();
  return (
    <>
      <p className={`decision__outcome decision__outcome--${decision.outcome.toLowerCase().replace('_', '-')}`}>
        <span aria-hidden="true" className="decision__mark">
          {MARK[decision.outcome]}
        </span>
        {t(`decisionOutcome.${decision.outcome}`)}
      </p>
      <p className="decision__meta">
        {t('proposals.decision.by', { name: decision.decidedBy.name, date: formatDateTime(decision.decidedAt) })}
      </p>
      <h3 className="decision__subheading">{t('proposals.decision.rationale')}</h3>
      <Markdown source={decision.rationale} />
      {decision.conditions ? (
        <>
          <h3 className="decision__subheading">{t('proposals.decision.conditions')}</h3>
          <Markdown source={decision.conditions} />
        </>
      ) : null}
      {decision.effectiveFrom ? (
        <p className="decision__effective">{t('proposals.decision.effectiveFrom', { date: formatDate(decision.effectiveFrom) })}</p>
      ) : null}
    </>
  );
}

export function DecisionCard({ decision, decisions }: { decision: DecisionData; decisions: readonly DecisionData[] }) {
  const { t } = useTranslation();
  const earlier = decisions.filter((d) => d.decidedAt !== decision.decidedAt).reverse();
  return (
    <section id="decision" className="card decision" aria-labelledby="decision-heading" tabIndex={-1}>
      <h2 id="decision-heading" className="card__title">
        {t('proposals.decision.heading')}
      </h2>
      <DecisionBody decision={decision} />
      {earlier.length > 0 ? (
        <details className="decision__earlier">
          <summary>{t('proposals.decision.earlier', { count: earlier.length })}</summary>
          {earlier.map((d) => (
            <div key={d.decidedAt} className="decision__past">
              <DecisionBody decision={d} />
            </div>
          ))}
        </details>
      ) : null}
    </section>
  );
}
