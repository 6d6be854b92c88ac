// How far the change has been rolled out: regions done out of all, and each region's status.
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { RolloutData } from '../documents';
import { RolloutStatusLabel } from './RolloutStatusLabel';
import { formatDate, formatNumber } from '../../../ui/format';

export function RolloutSummary({ rollouts }: { rollouts: readonly RolloutData[] }) {
  const { t } = useTranslation();
  const done = rollouts.filter((r) => r.status === 'DONE').length;
  const share = rollouts.length ? done / rollouts.length : 0;
  return (
    <section className="card rollout-summary" aria-labelledby="rollout-summary-heading">
      <h2 id="rollout-summary-heading" className="card__title">
        {t('rollouts.summary.heading')}
      </h2>
      <p className="rollout-summary__count">
        <span className="region-share__bar" aria-hidden="true">
          <span className="region-share__fill" style={{ width: `${Math.round(share * 100)}%` }} />
        </span>
        {t('rollouts.summary.done', { count: rollouts.length, done: formatNumber(done), total: formatNumber(rollouts.length) })}
      </p>
      <ul className="rollout-summary__list">
        {rollouts.map((r) => (
          <li key={r.region.id} className="rollout-summary__item">
            <span className="rollout-summary__region">{r.region.name}</span>
            <RolloutStatusLabel status={r.status} overdue={r.overdue} />
            {r.dueOn && r.status !== 'DONE' ? (
              <span className="rollout-summary__due">{t('rollouts.due', { date: formatDate(r.dueOn) })}</span>
            ) : null}
          </li>
        ))}
      </ul>
      <Link to="/rollouts">{t('rollouts.summary.board')}</Link>
    </section>
  );
}
