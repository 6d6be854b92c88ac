// A rollout's status as icon + text (never colour alone), with "overdue" spelled out.
import { useTranslation } from 'react-i18next';
import type { RolloutStatus } from '@council/shared';
import { RolloutStatusIcon, WarningIcon } from './Icons';

export function RolloutStatusLabel({ status, overdue }: { status: RolloutStatus; overdue?: boolean }) {
  const { t } = useTranslation();
  return (
    <span className={`rollout-status rollout-status--${status.toLowerCase().replace('_', '-')}`}>
      <RolloutStatusIcon status={status} />
      <span>{t(`rolloutStatus.${status}`)}</span>
      {overdue ? (
        <span className="rollout-status__overdue">
          <WarningIcon />
          {t('rollouts.overdue')}
        </span>
      ) : null}
    </span>
  );
}
