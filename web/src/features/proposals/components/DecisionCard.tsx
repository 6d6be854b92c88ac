// Management's decision on a proposal: the outcome in words, by whom and when, the rationale,
// any conditions and the effective date; earlier decisions (e.g. changes requested) below. For
// the proposal's author it leads the page, with what follows for them (`children`).
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { DecisionData } from '../documents';
import { Markdown } from '../../../ui/Markdown';
import { formatDate, formatDateTime } from '../../../ui/format';

const MARK = { APPROVED: '✓', REJECTED: '✗', CHANGES_REQUESTED: '↺' } as const;

function DecisionBody({ decision, latest = false }: { decision: DecisionData; latest?: boolean }) {
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
      <div data-testid={latest ? 'decision-rationale' : undefined}>
        <Markdown source={decision.rationale} />
      </div>
      {decision.conditions ? (
        <>
          <h3 className="decision__subheading">{t('proposals.decision.conditions')}</h3>
          <div data-testid={latest ? 'decision-conditions' : undefined}>
            <Markdown source={decision.conditions} />
          </div>
        </>
      ) : null}
      {decision.effectiveFrom ? (
        <p className="decision__effective">{t('proposals.decision.effectiveFrom', { date: formatDate(decision.effectiveFrom) })}</p>
      ) : null}
    </>
  );
}

export function DecisionCard({
  decision,
  decisions,
  forAuthor = false,
  children,
}: {
  decision: DecisionData;
  decisions: readonly DecisionData[];
  /** The viewer drafted the proposal: the card leads the page and speaks to them. */
  forAuthor?: boolean;
  /** What follows for the reader (a sentence and the action to take), after the decision. */
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const earlier = decisions.filter((d) => d.decidedAt !== decision.decidedAt).reverse();
  return (
    <section
      id="decision"
      className={forAuthor ? 'card decision decision--lead' : 'card decision'}
      aria-labelledby="decision-heading"
      tabIndex={-1}
      data-testid={forAuthor ? 'author-decision' : 'decision'}
    >
      <h2 id="decision-heading" className="card__title">
        {forAuthor ? t('proposals.decision.headingAuthor') : t('proposals.decision.heading')}
      </h2>
      <DecisionBody decision={decision} latest />
      {children ? <div className="decision__next">{children}</div> : null}
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
