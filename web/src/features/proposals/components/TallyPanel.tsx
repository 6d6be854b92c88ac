// The tally of a proposal's votes: each choice with a bar and its number, the quorum and the
// threshold spelled out ("5 of 8 regions voted — needs 4"), whether it passes in words, and
// the votes per region as a table. The numbers and words carry the meaning; bars only help.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { VOTE_CHOICES, type VoteChoice } from '@council/shared';
import type { TallyData } from '../documents';
import { Interpolate } from '../../../ui/Interpolate';
import { formatNumber, formatPercent } from '../../../ui/format';

const KEY: Record<VoteChoice, 'for' | 'against' | 'abstain'> = { FOR: 'for', AGAINST: 'against', ABSTAIN: 'abstain' };

/** Regions that must vote for the quorum: the smallest whole number reaching the share. */
export function regionsNeeded(tally: Pick<TallyData, 'quorum' | 'totalRegions'>): number {
  return Math.max(0, Math.ceil(tally.quorum * tally.totalRegions - 1e-9));
}

export function TallyPanel({
  tally,
  final,
  headingLevel = 3,
  showRegions = true,
}: {
  tally: TallyData;
  /** Voting has closed: the words say "passed" rather than "passing so far". */
  final: boolean;
  headingLevel?: 2 | 3;
  showRegions?: boolean;
}) {
  const { t } = useTranslation();
  const id = useId();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const cast = tally.for + tally.against + tally.abstain;
  const sides = tally.for + tally.against;
  const needed = regionsNeeded(tally);

  const verdict = final
    ? tally.passing
      ? t('proposals.tally.verdict.passed')
      : t('proposals.tally.verdict.failed')
    : tally.passing
      ? t('proposals.tally.verdict.passing')
      : t('proposals.tally.verdict.notPassing');

  return (
    <div className="tally" aria-labelledby={`${id}-heading`} role="group">
      <Heading id={`${id}-heading`} className="tally__heading">
        {final ? t('proposals.tally.headingFinal') : t('proposals.tally.heading')}
      </Heading>
      <p className={tally.passing ? 'tally__verdict tally__verdict--yes' : 'tally__verdict tally__verdict--no'} aria-live="polite">
        <span className="tally__verdict-mark" aria-hidden="true">
          {tally.passing ? '✓' : '✗'}
        </span>
        {verdict}
      </p>

      <dl className="tally__choices">
        {VOTE_CHOICES.map((choice) => {
          const n = tally[KEY[choice]];
          const share = cast > 0 ? n / cast : 0;
          return (
            <div key={choice} className={`tally__choice tally__choice--${KEY[choice]}`}>
              <dt className="tally__label">{t(`voteChoice.${choice}`)}</dt>
              <dd className="tally__value">
                <span className="tally__bar" aria-hidden="true">
                  <span className="tally__fill" style={{ width: `${Math.round(share * 100)}%` }} />
                </span>
                <span className="tally__number" data-testid={`tally-${KEY[choice]}`}>
                  {formatNumber(n)}
                </span>
                <span className="tally__share">{cast > 0 ? formatPercent(share) : ''}</span>
              </dd>
            </div>
          );
        })}
      </dl>
      <p className="tally__turnout muted">
        {t('proposals.tally.turnout', {
          count: tally.eligibleVoters,
          cast: formatNumber(cast),
          eligible: formatNumber(tally.eligibleVoters),
        })}
      </p>

      <ul className="tally__rules">
        <li className={tally.quorumReached ? 'tally__rule tally__rule--met' : 'tally__rule'}>
          <span className="tally__rule-mark" aria-hidden="true">
            {tally.quorumReached ? '✓' : '·'}
          </span>
          <span>
            <Interpolate
              text={(slot) =>
                t('proposals.tally.quorum', {
                  voted: slot,
                  count: tally.totalRegions,
                  total: formatNumber(tally.totalRegions),
                  needed: formatNumber(needed),
                  share: formatPercent(tally.quorum),
                })
              }
              element={
                <strong className="tally__regions" data-testid="tally-regions-voted">
                  {formatNumber(tally.regionsVoted)}
                </strong>
              }
            />{' '}
            <span className="tally__rule-state">
              {tally.quorumReached ? t('proposals.tally.quorumReached') : t('proposals.tally.quorumNotReached')}
            </span>
          </span>
        </li>
        <li className={sides > 0 && tally.forShare > tally.threshold + 1e-9 ? 'tally__rule tally__rule--met' : 'tally__rule'}>
          <span className="tally__rule-mark" aria-hidden="true">
            {sides > 0 && tally.forShare > tally.threshold + 1e-9 ? '✓' : '·'}
          </span>
          <span>
            {sides > 0
              ? t('proposals.tally.threshold', { share: formatPercent(tally.forShare), threshold: formatPercent(tally.threshold) })
              : t('proposals.tally.thresholdNoSides', { threshold: formatPercent(tally.threshold) })}
          </span>
        </li>
      </ul>

      {showRegions ? (
        // Scrolls sideways when a language's words do not fit a phone: reachable from the keyboard.
        <div className="tally__table-wrap" tabIndex={0} role="region" aria-label={t('proposals.tally.byRegion')}>
          <table className="table tally__table">
            <caption className="tally__caption">{t('proposals.tally.byRegion')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('proposals.tally.region')}</th>
                {VOTE_CHOICES.map((choice) => (
                  <th key={choice} scope="col" className="num">
                    {t(`voteChoice.${choice}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {tally.byRegion.map((row) => {
                const voted = row.for + row.against + row.abstain > 0;
                return (
                  <tr key={row.region.id} className={voted ? undefined : 'tally__row--none'}>
                    <th scope="row">
                      {row.region.name}
                      {voted ? null : <span className="visually-hidden"> ({t('proposals.tally.noVotes')})</span>}
                    </th>
                    <td className="num">{formatNumber(row.for)}</td>
                    <td className="num">{formatNumber(row.against)}</td>
                    <td className="num">{formatNumber(row.abstain)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : null}
    </div>
  );
}

/** "3 for · 1 against · 0 abstain · 4 of 8 regions" — one line, for lists. */
export function TallySummary({
  tally,
}: {
  tally: { for: number; against: number; abstain: number; regionsVoted: number; totalRegions: number; passing: boolean };
}) {
  const { t } = useTranslation();
  return (
    <span className="tally-summary">
      {t('proposals.tally.summary', {
        for: formatNumber(tally.for),
        against: formatNumber(tally.against),
        abstain: formatNumber(tally.abstain),
        voted: formatNumber(tally.regionsVoted),
        count: tally.totalRegions,
        total: formatNumber(tally.totalRegions),
      })}
      <span className="tally-summary__verdict">
        {' · '}
        {tally.passing ? t('proposals.tally.verdict.passingShort') : t('proposals.tally.verdict.notPassingShort')}
      </span>
    </span>
  );
}
