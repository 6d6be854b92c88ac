// A referral's status as a badge, and the "overdue" badge (text, not colour alone).
import { useTranslation } from 'react-i18next';
import type { ReferralStatus } from '@council/shared';

export function ReferralStatusBadge({ status }: { status: ReferralStatus }) {
  const { t } = useTranslation();
  return (
    <span className={`badge referral-status referral-status--${status.toLowerCase()}`} data-testid="referral-status" data-status={status}>
      <span className="badge__dot" aria-hidden="true" />
      {t(`departments.status.${status}`)}
    </span>
  );
}

export function OverdueBadge() {
  const { t } = useTranslation();
  return (
    <span className="badge referral-overdue" data-testid="referral-overdue">
      <span aria-hidden="true">!</span> {t('departments.overdue')}
    </span>
  );
}
