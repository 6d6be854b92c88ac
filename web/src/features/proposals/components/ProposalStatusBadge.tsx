// A proposal's status as a labelled badge: the text always says it, the colour and the dot's
// shape only help.
import { useTranslation } from 'react-i18next';
import type { ProposalStatus } from '@council/shared';

export function ProposalStatusBadge({ status, testId }: { status: ProposalStatus; testId?: string }) {
  const { t } = useTranslation();
  return (
    <span className={`badge badge--p-${status.toLowerCase().replace('_', '-')}`} data-testid={testId}>
      <span className="badge__dot" aria-hidden="true" />
      {t(`proposalStatus.${status}`)}
    </span>
  );
}
